namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>
/// Body of <c>POST /api/payments/pay</c>. <see cref="Router"/> is the hotspot's NAS-Identifier; <see cref="Mac"/> and
/// <see cref="Ip"/> are the device's, as the router's login page passes them (<c>$(mac)</c>, <c>$(ip)</c>).
/// </summary>
public sealed record PayRequest(string? PlanId, string? Phone, string? Mac, string? Ip, string? Router);
