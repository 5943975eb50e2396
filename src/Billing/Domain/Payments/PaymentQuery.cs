namespace WifiBilling.Billing.Domain.Payments;

/// <summary>Filters for the operator's payment list; every filter is optional. Newest first.</summary>
public sealed record PaymentQuery(
    PaymentStatus? Status = null,
    PhoneNumber? Phone = null,
    string? RouterId = null,
    string? PlanId = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    int Offset = 0,
    int Limit = PageRequest.DefaultLimit);
