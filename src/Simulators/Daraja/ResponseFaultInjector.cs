namespace WifiBilling.Simulators.Daraja;

/// <summary>Injected answers, consumed in order by the requests they target.</summary>
public sealed class ResponseFaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<(ResponseFault Fault, int Remaining)> _faults = [];

    public void Add(ResponseFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
        {
            _faults.Add((fault, Math.Max(1, fault.Times)));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _faults.Clear();
        }
    }

    /// <summary>The fault to apply to this request, if one is queued for its operation (or for any).</summary>
    internal ResponseFault? Take(SimulatedOperation operation)
    {
        lock (_lock)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, remaining) = _faults[i];
                if (fault.Operation != SimulatedOperation.Any && fault.Operation != operation)
                {
                    continue;
                }

                if (remaining <= 1)
                {
                    _faults.RemoveAt(i);
                }
                else
                {
                    _faults[i] = (fault, remaining - 1);
                }

                return fault;
            }

            return null;
        }
    }
}
