using BenchmarkDotNet.Running;
using WifiBilling.Benchmarks;

// Latency percentiles (p99) need every sample, which BenchmarkDotNet does not keep: a separate harness.
if (args is [PaymentCallbackLatency.Verb, .. var latencyArgs])
{
    await PaymentCallbackLatency.RunAsync(latencyArgs);
    return;
}

// Runs every suite in this assembly; pass BenchmarkDotNet arguments (e.g. --filter '*Codec*').
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
