using Microsoft.Extensions.Options;

namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// Everything the simulator knows: tokens, STK transactions (the truth the chaos test compares against), outcome
/// rules, injected faults, C2B registrations and payments, and request counters.
/// </summary>
public sealed class DarajaSimulatorState
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SimulatedStkTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly List<SimulatedStkTransaction> _transactionsInOrder = [];
    private readonly Dictionary<string, C2BUrlRegistration> _registrations = new(StringComparer.Ordinal);
    private readonly List<SimulatedC2BTransaction> _c2bTransactions = [];
    private readonly long[] _requestCounts = new long[Enum.GetValues<SimulatedOperation>().Length];
    private long _callbacksSent;

    public DarajaSimulatorState(IOptions<DarajaSimulatorOptions> options, TimeProvider timeProvider)
    {
        Options = options.Value;
        TimeProvider = timeProvider;
        Tokens = new SimulatedTokenStore(timeProvider);
        Outcomes = new StkOutcomeRules(InitialDefaults(Options));
    }

    public DarajaSimulatorOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public SimulatedTokenStore Tokens { get; }

    public StkOutcomeRules Outcomes { get; }

    public ResponseFaultInjector Faults { get; } = new();

    public long CallbacksSent => Interlocked.Read(ref _callbacksSent);

    public long RequestCount(SimulatedOperation operation) =>
        operation == SimulatedOperation.Any
            ? _requestCounts.Sum(count => Interlocked.Read(ref count))
            : Interlocked.Read(ref _requestCounts[(int)operation]);

    public IReadOnlyList<SimulatedStkTransaction> Transactions
    {
        get
        {
            lock (_lock)
            {
                return [.. _transactionsInOrder];
            }
        }
    }

    public IReadOnlyList<SimulatedC2BTransaction> C2BTransactions
    {
        get
        {
            lock (_lock)
            {
                return [.. _c2bTransactions];
            }
        }
    }

    public SimulatedStkTransaction? FindTransaction(string checkoutRequestId)
    {
        lock (_lock)
        {
            return _transactions.GetValueOrDefault(checkoutRequestId);
        }
    }

    public C2BUrlRegistration? FindRegistration(string shortCode)
    {
        lock (_lock)
        {
            return _registrations.GetValueOrDefault(shortCode);
        }
    }

    /// <summary>Forgets transactions, rules, faults, tokens and registrations; counters restart at zero.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _transactions.Clear();
            _transactionsInOrder.Clear();
            _registrations.Clear();
            _c2bTransactions.Clear();
            Array.Clear(_requestCounts);
            Interlocked.Exchange(ref _callbacksSent, 0);
        }

        Tokens.InvalidateAll();
        Outcomes.Clear();
        Outcomes.Defaults = InitialDefaults(Options);
        Faults.Clear();
    }

    internal void CountRequest(SimulatedOperation operation) => Interlocked.Increment(ref _requestCounts[(int)operation]);

    internal void CountCallbackSent() => Interlocked.Increment(ref _callbacksSent);

    /// <summary>A push to this phone that has not completed yet ("Unable to lock subscriber").</summary>
    internal bool HasPendingPush(string msisdn, DateTimeOffset now)
    {
        lock (_lock)
        {
            return HasPendingPushLocked(msisdn, now);
        }
    }

    /// <summary>Records an accepted push unless one to the same phone is still pending, atomically.</summary>
    internal AcceptResult TryAccept(SimulatedStkTransaction transaction, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_transactions.ContainsKey(transaction.CheckoutRequestId))
            {
                return AcceptResult.DuplicateId;
            }

            if (HasPendingPushLocked(transaction.PhoneNumber, now))
            {
                return AcceptResult.SubscriberLocked;
            }

            _transactions.Add(transaction.CheckoutRequestId, transaction);
            _transactionsInOrder.Add(transaction);
            return AcceptResult.Accepted;
        }
    }

    internal bool Register(C2BUrlRegistration registration, bool onlyOnce)
    {
        lock (_lock)
        {
            if (onlyOnce && _registrations.ContainsKey(registration.ShortCode))
            {
                return false;
            }

            _registrations[registration.ShortCode] = registration;
            return true;
        }
    }

    internal void Add(SimulatedC2BTransaction transaction)
    {
        lock (_lock)
        {
            _c2bTransactions.Add(transaction);
        }
    }

    private bool HasPendingPushLocked(string msisdn, DateTimeOffset now) =>
        _transactionsInOrder.Any(t => t.PhoneNumber == msisdn && !t.IsCompleted(now));

    private static SimulatorDefaults InitialDefaults(DarajaSimulatorOptions options) =>
        new(new StkOutcomePlan("0", CallbackDelay: options.CallbackDelay), options.PendingQueryStyle, 0, options.ExpiresInAsNumber);
}
