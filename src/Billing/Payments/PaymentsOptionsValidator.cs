using Microsoft.Extensions.Options;

namespace WifiBilling.Billing.Payments;

/// <summary>Start-up validation of <see cref="PaymentsOptions"/>; every message names the setting to fix.</summary>
public sealed class PaymentsOptionsValidator : IValidateOptions<PaymentsOptions>
{
    /// <summary>128 bits: a callback key shorter than this could be guessed.</summary>
    public const int MinCallbackKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, PaymentsOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.CallbackKey) && !IsCallbackKey(options.CallbackKey))
        {
            errors.Add($"{PaymentsOptions.SectionName}:CallbackKey ({PaymentsOptions.CallbackKeyVariable}) must be at least "
                + $"{MinCallbackKeyLength} hexadecimal characters (0-9, a-f), e.g. from 'openssl rand -hex 32'.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add("Portal:DataDirectory must not be empty.");
        }

        Positive(errors, options.UnmatchedCallbackWindow, "UnmatchedCallbackWindow");
        NotNegative(errors, options.InFlightPushWait, "InFlightPushWait");

        var limits = options.PushLimits;
        Positive(errors, limits.Window, "PushLimits:Window");
        AtLeastOne(errors, limits.PerPhone, "PushLimits:PerPhone");
        AtLeastOne(errors, limits.PerMac, "PushLimits:PerMac");
        AtLeastOne(errors, limits.PerIp, "PushLimits:PerIp");
        AtLeast(errors, limits.AttemptsPerPhone, limits.PerPhone, "PushLimits:AttemptsPerPhone", "PushLimits:PerPhone");
        AtLeast(errors, limits.AttemptsPerMac, limits.PerMac, "PushLimits:AttemptsPerMac", "PushLimits:PerMac");
        AtLeast(errors, limits.AttemptsPerIp, limits.PerIp, "PushLimits:AttemptsPerIp", "PushLimits:PerIp");

        var reconciler = options.Reconciler;
        Positive(errors, reconciler.PollInterval, "Reconciler:PollInterval");
        Positive(errors, reconciler.FirstQueryDelay, "Reconciler:FirstQueryDelay");
        Positive(errors, reconciler.MaxQueryInterval, "Reconciler:MaxQueryInterval");
        Positive(errors, reconciler.GiveUpAfter, "Reconciler:GiveUpAfter");
        Positive(errors, reconciler.Lease, "Reconciler:Lease");
        Positive(errors, reconciler.MintSweepInterval, "Reconciler:MintSweepInterval");
        Positive(errors, reconciler.MintSweepWindow, "Reconciler:MintSweepWindow");
        AtLeastOne(errors, reconciler.BatchSize, "Reconciler:BatchSize");
        AtLeastOne(errors, reconciler.MaxParallelQueries, "Reconciler:MaxParallelQueries");
        if (reconciler.EffectiveLateQueries.Any(late => late <= TimeSpan.Zero))
        {
            errors.Add($"{PaymentsOptions.SectionName}:Reconciler:LateQueries must all be greater than zero.");
        }

        var recovery = options.Recovery;
        Positive(errors, recovery.Window, "Recovery:Window");
        AtLeastOne(errors, recovery.PerPhone, "Recovery:PerPhone");
        AtLeastOne(errors, recovery.PerIp, "Recovery:PerIp");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>A usable callback key: long enough and hexadecimal only.</summary>
    public static bool IsCallbackKey(string? key) =>
        key is { Length: >= MinCallbackKeyLength } && key.All(char.IsAsciiHexDigit);

    private static void Positive(List<string> errors, TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{PaymentsOptions.SectionName}:{setting} must be greater than zero.");
        }
    }

    private static void NotNegative(List<string> errors, TimeSpan value, string setting)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{PaymentsOptions.SectionName}:{setting} must not be negative.");
        }
    }

    private static void AtLeastOne(List<string> errors, int value, string setting) =>
        AtLeast(errors, value, 1, setting, "1");

    private static void AtLeast(List<string> errors, int value, int minimum, string setting, string minimumName)
    {
        if (value < minimum)
        {
            errors.Add($"{PaymentsOptions.SectionName}:{setting} must be at least {minimumName}.");
        }
    }
}
