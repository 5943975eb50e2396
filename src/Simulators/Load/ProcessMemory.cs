using System.Globalization;

namespace WifiBilling.Simulators.Load;

/// <summary>Resident memory of a process from <c>/proc/PID/status</c> (Linux): VmRSS now and VmHWM (its peak), in MB.</summary>
public sealed record ProcessMemory(int ProcessId, double ResidentMegabytes, double PeakResidentMegabytes)
{
    public static ProcessMemory? TryRead(int processId)
    {
        var path = $"/proc/{processId}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        double? rss = null;
        double? hwm = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
        }

        return rss is { } r && hwm is { } h ? new ProcessMemory(processId, Math.Round(r / 1024, 1), Math.Round(h / 1024, 1)) : null;
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
