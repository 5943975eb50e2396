namespace WifiBilling.Portal.Contracts.Vouchers;

/// <summary>Body of <c>POST /api/admin/activate</c>: an operator sells a voucher for cash, optionally for one device.</summary>
public sealed record ActivateVoucherRequest(string? PlanId, string? Mac, string? Phone, string? Note);
