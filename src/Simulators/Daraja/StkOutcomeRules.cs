namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// Chooses the outcome of each accepted push, first match wins: a plan queued for "the next push", a rule for the
/// phone number, a magic phone number (<see cref="MagicPhoneNumbers"/>), then the defaults.
/// </summary>
public sealed class StkOutcomeRules
{
    private readonly Lock _lock = new();
    private readonly Queue<StkOutcomePlan> _nextPushes = new();
    private readonly Dictionary<string, PhoneRule> _phoneRules = new(StringComparer.Ordinal);
    private SimulatorDefaults _defaults;

    public StkOutcomeRules(SimulatorDefaults defaults) => _defaults = defaults;

    public SimulatorDefaults Defaults
    {
        get
        {
            lock (_lock)
            {
                return _defaults;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_lock)
            {
                _defaults = value;
            }
        }
    }

    /// <summary>Queues <paramref name="plan"/> for the next <paramref name="times"/> pushes, whatever their phone.</summary>
    public void ForNextPushes(StkOutcomePlan plan, int times = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _nextPushes.Enqueue(plan);
            }
        }
    }

    /// <summary>Applies <paramref name="plan"/> to pushes to <paramref name="msisdn"/> (<paramref name="times"/> of them, or all when null).</summary>
    public void ForPhone(string msisdn, StkOutcomePlan plan, int? times = null)
    {
        lock (_lock)
        {
            _phoneRules[msisdn] = new PhoneRule(plan, times);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _nextPushes.Clear();
            _phoneRules.Clear();
        }
    }

    internal StkOutcomePlan Choose(string msisdn)
    {
        lock (_lock)
        {
            if (_nextPushes.TryDequeue(out var next))
            {
                return next;
            }

            if (_phoneRules.TryGetValue(msisdn, out var rule))
            {
                if (rule.Remaining is { } remaining)
                {
                    if (remaining <= 1)
                    {
                        _phoneRules.Remove(msisdn);
                    }
                    else
                    {
                        _phoneRules[msisdn] = rule with { Remaining = remaining - 1 };
                    }
                }

                return rule.Plan;
            }

            return MagicPhoneNumbers.TryDecode(msisdn, out var magic) ? magic : _defaults.Plan;
        }
    }

    private sealed record PhoneRule(StkOutcomePlan Plan, int? Remaining);
}
