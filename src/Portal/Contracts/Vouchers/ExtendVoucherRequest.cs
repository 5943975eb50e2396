namespace WifiBilling.Portal.Contracts.Vouchers;

/// <summary>Body of <c>POST /api/admin/vouchers/{code}/extend</c>: minutes to add (a top-up).</summary>
public sealed record ExtendVoucherRequest(int? Minutes);
