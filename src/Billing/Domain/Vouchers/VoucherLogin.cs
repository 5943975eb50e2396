namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>
/// A login attempt as the RADIUS layer sees it: the code typed (any case, O/0, I/L/1 forgiven), the device's MAC
/// (Calling-Station-Id; null if the NAS sent none) and the router it came through.
/// </summary>
public sealed record VoucherLogin(string Code, MacAddress? Mac, string? RouterId);
