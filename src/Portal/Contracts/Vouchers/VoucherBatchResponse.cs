namespace WifiBilling.Portal.Contracts.Vouchers;

/// <summary>A printed batch; the sheet of voucher cards is at <c>/admin/print.html?batch=&lt;batchId&gt;</c>.</summary>
public sealed record VoucherBatchResponse(string BatchId, IReadOnlyList<VoucherResponse> Vouchers);
