using System.Diagnostics;
using System.Text.RegularExpressions;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The benchmark still runs: <c>--quick</c> starts its own hosts, carries a few applications to Completed, measures the
/// engine, intake and admin, and ends with its summary line. Only that it finishes is asserted, never a figure.
/// </summary>
[Collection(OneAtATimeTests.Name)]
public sealed partial class BenchmarkSmokeTests
{
    [Fact]
    public async Task Quick_Finishes_AndEndsWithItsSummaryLine()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "benchmarks", "Serverless.Benchmarks", "bin", RepoPaths.Configuration, "net10.0", "Serverless.Benchmarks.dll"));
        start.ArgumentList.Add("--quick");
        using var benchmark = Process.Start(start)!;
        var output = benchmark.StandardOutput.ReadToEndAsync();
        var errors = benchmark.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await benchmark.WaitForExitAsync(limit.Token);

        var lines = (await output).TrimEnd().Split('\n');
        Assert.True(benchmark.ExitCode == 0, $"{await output}\n{await errors}");
        Assert.Matches(SummaryLine(), lines[^1]);
        Assert.Contains(lines, line => line.Contains("N=8: completed", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^e2e=\d+\.\d\d/s ceiling=\d+\.\d\d/s ratio=\d+\.\d\d$")]
    private static partial Regex SummaryLine();
}
