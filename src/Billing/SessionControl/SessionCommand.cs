namespace WifiBilling.Billing.SessionControl;

/// <summary>Work for the session control worker. <see cref="Target"/> is a session id, or a voucher code for <see cref="SessionCommandKind.DisconnectVoucher"/>.</summary>
public sealed record SessionCommand(SessionCommandKind Kind, string Target, DisconnectReason Reason);
