namespace WifiBilling.Simulators.Daraja;

/// <summary>One attempt to post a callback: when, and the receiver's HTTP status or the error. Never retried.</summary>
public sealed record CallbackDelivery(DateTimeOffset At, int? StatusCode, string? Error);
