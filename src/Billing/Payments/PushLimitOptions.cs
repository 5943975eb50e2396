namespace WifiBilling.Billing.Payments;

/// <summary>
/// STK-push abuse limits (section <c>Payments:PushLimits</c>). A push costs the shortcode and interrupts whoever owns
/// the phone, so pushes are counted per phone, device (MAC) and client IP within <see cref="Window"/>.
/// The <c>Per*</c> limits count pushes still open or paid: a customer who cancelled, timed out or was refused
/// can try again at once. The <c>Attempts*</c> ceilings count every push, so nobody can spam a victim's phone
/// with prompts the victim keeps cancelling.
/// </summary>
public sealed class PushLimitOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    public int PerPhone { get; set; } = 5;

    public int PerMac { get; set; } = 5;

    public int PerIp { get; set; } = 20;

    public int AttemptsPerPhone { get; set; } = 10;

    public int AttemptsPerMac { get; set; } = 10;

    public int AttemptsPerIp { get; set; } = 40;
}
