using WifiBilling.Simulators;
using WifiBilling.Simulators.Daraja;
using WifiBilling.Simulators.Hotspot;
using WifiBilling.Simulators.Load;

// Entry point for the simulators: one ISimulatorCommand per sub-command. Add new ones to this list.
ISimulatorCommand[] commands = [new DarajaCommand(), new HotspotCommand(), new LoadCommand()];

var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
if (command is null)
{
    Console.Error.WriteLine("usage: WifiBilling.Simulators <command> [options]");
    foreach (var known in commands)
    {
        Console.Error.WriteLine($"  {known.Name,-10} {known.Summary}");
    }

    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await command.RunAsync(args[1..], stop.Token);
