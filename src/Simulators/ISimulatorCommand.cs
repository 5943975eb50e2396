namespace WifiBilling.Simulators;

/// <summary>One sub-command of the simulators executable (<c>daraja</c>, <c>hotspot</c>, <c>load</c>).</summary>
public interface ISimulatorCommand
{
    /// <summary>The word on the command line.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>The command's options, printed for <c>--help</c> and after a mistake on the command line.</summary>
    string Usage { get; }

    /// <summary>Runs until done or cancelled (Ctrl+C); returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
