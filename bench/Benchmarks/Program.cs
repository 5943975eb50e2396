using BenchmarkDotNet.Running;

// Runs every suite in this assembly; pass BenchmarkDotNet arguments (e.g. --filter '*Codec*').
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
