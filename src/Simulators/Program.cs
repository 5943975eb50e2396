using WifiBilling.Simulators;
using WifiBilling.Simulators.Daraja;
using WifiBilling.Simulators.Hotspot;
using WifiBilling.Simulators.Load;

// Entry point for the simulators: one ISimulatorCommand per sub-command. Add new ones to this list.
ISimulatorCommand[] commands = [new DarajaCommand(), new HotspotCommand(), new LoadCommand()];

string[] helpWords = ["--help", "-h", "help"];
var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
if (command is null)
{
    // Asked for help: the list on standard output and success; anything else is a mistake.
    var asked = args.Length == 1 && helpWords.Contains(args[0]);
    var output = asked ? Console.Out : Console.Error;
    output.WriteLine("usage: WifiBilling.Simulators <command> [options]   (<command> --help for its options)");
    foreach (var known in commands)
    {
        output.WriteLine($"  {known.Name,-10} {known.Summary}");
    }

    return asked ? 0 : 2;
}

if (args.Length == 2 && helpWords.Contains(args[1]))
{
    Console.WriteLine(command.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await command.RunAsync(args[1..], stop.Token);
