namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>Body of <c>POST /api/payments/recover</c>: the paying phone and the M-Pesa receipt (e.g. NLJ7RT61SV).</summary>
public sealed record RecoverRequest(string? Phone, string? Receipt);
