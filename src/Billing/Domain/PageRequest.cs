namespace WifiBilling.Billing.Domain;

/// <summary>Offset paging shared by the list queries; <see cref="Validate"/> names the bad field.</summary>
public static class PageRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static void Validate(int offset, int limit)
    {
        if (offset < 0)
        {
            throw new BillingValidationException("offset", "must be 0 or more");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw new BillingValidationException("limit", $"must be between 1 and {MaxLimit}");
        }
    }
}
