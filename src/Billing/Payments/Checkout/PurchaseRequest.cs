namespace WifiBilling.Billing.Payments.Checkout;

/// <summary>
/// A customer asking to pay for a plan, as typed or as the hotspot page passed it: nothing is validated yet.
/// <paramref name="Router"/> is the hotspot's NAS-Identifier (or router id); <paramref name="ClientIp"/> the device's IP.
/// </summary>
public sealed record PurchaseRequest(string? PlanId, string? Phone, string? Mac, string? ClientIp, string? Router);
