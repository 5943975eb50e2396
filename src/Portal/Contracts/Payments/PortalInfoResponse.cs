namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>Answer of <c>GET /api/portal/info</c>: the pages show a banner while payments are simulated.</summary>
public sealed record PortalInfoResponse(bool SimulatedPayments, string Currency);
