namespace WifiBilling.Simulators.Daraja;

/// <summary>URLs registered for a shortcode; <see cref="ApiVersion"/> 1 sends hashed MSISDNs, 2 masked ones.</summary>
public sealed record C2BUrlRegistration(
    string ShortCode,
    string ConfirmationUrl,
    string? ValidationUrl,
    string ResponseType,
    int ApiVersion);
