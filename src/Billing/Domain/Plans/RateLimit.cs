using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace WifiBilling.Billing.Domain.Plans;

/// <summary>
/// A <c>Mikrotik-Rate-Limit</c> value, checked against the RouterOS grammar (mikrotik.md §2.3):
/// <c>rx[/tx] [rx-burst[/tx-burst] [rx-threshold[/tx-threshold] [rx-burst-time[/tx-burst-time] [priority] [rx-min[/tx-min]]]]]</c>.
/// rx/tx are the router's view: rx is the customer's upload, tx their download. Rates are whole numbers with an
/// optional k (×1,000), M (×1,000,000) or G suffix; burst times are seconds; priority is 1 (highest) to 8.
/// </summary>
public sealed record RateLimit
{
    private RateLimit(string value, long uploadBitsPerSecond, long downloadBitsPerSecond)
    {
        Value = value;
        UploadBitsPerSecond = uploadBitsPerSecond;
        DownloadBitsPerSecond = downloadBitsPerSecond;
    }

    /// <summary>The normalised string sent to the router (single spaces).</summary>
    public string Value { get; }

    /// <summary>The customer's upload limit (RouterOS rx); 0 means unlimited.</summary>
    public long UploadBitsPerSecond { get; }

    /// <summary>The customer's download limit (RouterOS tx); 0 means unlimited.</summary>
    public long DownloadBitsPerSecond { get; }

    public static RateLimit Parse(string? text, string field = "rateLimit") =>
        TryParse(text, out var rateLimit, out var problem)
            ? rateLimit
            : throw new BillingValidationException(field, problem);

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out RateLimit? rateLimit,
        [NotNullWhen(false)] out string? problem)
    {
        rateLimit = null;
        var groups = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (groups.Length == 0)
        {
            problem = "must not be empty; use a rate such as 2M/5M (upload/download)";
            return false;
        }

        if (groups.Length > 6)
        {
            problem = "has too many parts; RouterOS expects at most: rates, burst rates, burst thresholds, burst times, priority, minimum rates";
            return false;
        }

        if (!TryPair(groups[0], TryRate, out var upload, out var download))
        {
            problem = $"'{groups[0]}' is not a rate pair such as 2M/5M (whole numbers with an optional k, M or G)";
            return false;
        }

        string[] names = ["", "burst rates", "burst thresholds", "burst times", "priority", "minimum rates"];
        for (var i = 1; i < groups.Length; i++)
        {
            var ok = i switch
            {
                3 => TryPair(groups[i], TrySeconds, out _, out _),
                4 => TryPair(groups[i], TryPriority, out _, out _),
                5 => TryPair(groups[i], TryRate, out var minUp, out var minDown) && Within(minUp, upload) && Within(minDown, download),
                _ => TryPair(groups[i], TryRate, out _, out _),
            };
            if (!ok)
            {
                problem = i switch
                {
                    3 => $"burst times '{groups[i]}' must be whole seconds such as 10/10",
                    4 => $"priority '{groups[i]}' must be a number from 1 (highest) to 8",
                    5 => $"minimum rates '{groups[i]}' must be rates no higher than the rates {groups[0]}",
                    _ => $"{names[i]} '{groups[i]}' must be a rate pair such as 4M/8M",
                };
                return false;
            }
        }

        problem = null;
        rateLimit = new RateLimit(string.Join(' ', groups), upload, download);
        return true;
    }

    public override string ToString() => Value;

    private delegate bool ValueParser(string text, out long value);

    /// <summary>0 means "unlimited" in RouterOS, so any minimum fits under an unlimited rate.</summary>
    private static bool Within(long minimum, long rate) => rate == 0 || minimum <= rate;

    /// <summary><c>rx[/tx]</c>; a missing tx means "same as rx".</summary>
    private static bool TryPair(string group, ValueParser parse, out long rx, out long tx)
    {
        tx = 0;
        var slash = group.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            var ok = parse(group, out rx);
            tx = rx;
            return ok;
        }

        return parse(group[..slash], out rx) && parse(group[(slash + 1)..], out tx);
    }

    private static bool TryRate(string text, out long bitsPerSecond)
    {
        bitsPerSecond = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var multiplier = text[^1] switch
        {
            'k' or 'K' => 1_000L,
            'M' => 1_000_000L,
            'G' => 1_000_000_000L,
            _ => 1L,
        };
        var digits = multiplier == 1 ? text : text[..^1];
        if (digits.Length is 0 or > 12 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        bitsPerSecond = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * multiplier;
        return true;
    }

    private static bool TrySeconds(string text, out long seconds)
    {
        seconds = 0;
        var digits = text.EndsWith('s') ? text[..^1] : text;
        return digits.Length is > 0 and <= 6
            && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
    }

    private static bool TryPriority(string text, out long priority) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out priority) && priority is >= 1 and <= 8;
}
