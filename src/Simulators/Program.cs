// Entry point for the simulators: daraja | hotspot | load (see README).
Console.Error.WriteLine("usage: WifiBilling.Simulators <daraja|hotspot|load> [options]");
return 2;
