namespace WifiBilling.Portal.Contracts.Vouchers;

/// <summary>Body of <c>POST /api/admin/vouchers/batch</c>: how many vouchers of a plan to print.</summary>
public sealed record VoucherBatchRequest(string? PlanId, int? Count);
