namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>An OAuth access token and when it stops being usable. <see cref="ToString"/> never shows the token.</summary>
public sealed record DarajaAccessToken(string Value, DateTimeOffset ObtainedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>When to fetch a new one: <paramref name="margin"/> before expiry, but never later than half-way through its life.</summary>
    public DateTimeOffset RefreshAt(TimeSpan margin)
    {
        var halfLife = (ExpiresAt - ObtainedAt) / 2;
        return ExpiresAt - (margin < halfLife ? margin : halfLife);
    }

    public override string ToString() => $"DarajaAccessToken(obtained {ObtainedAt:O}, expires {ExpiresAt:O})";
}
