using System.Diagnostics;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>The Azurite the host starts for itself never outlives it, and closes only after the engine.</summary>
public sealed class ShutdownTests
{
    static readonly Dictionary<string, string> OwnAzurite = new()
    {
        ["LocalHost:Azurite:InMemory"] = "true",
        ["LocalHost:Azurite:BlobPort"] = "0",
        ["LocalHost:Azurite:QueuePort"] = "0",
        ["LocalHost:Azurite:TablePort"] = "0",
    };

    [Fact]
    public async Task CtrlC_StopsTheHostAndItsAzurite()
    {
        await using var host = LocalHostProcess.Launch(OwnAzurite);
        await host.WaitUntilHealthyAsync();
        var azurites = ChildProcesses(host.ProcessId);

        await host.InterruptAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, host.ExitCode);
        Assert.Equal(2, azurites.Count); // the business storage's and the engine's
        foreach (var azurite in azurites)
        {
            Assert.True(await HasExitedAsync(azurite, TimeSpan.FromSeconds(15)), "Azurite still runs after Ctrl-C");
        }
    }

    /// <summary>
    /// A terminal's Ctrl+C (and a service manager's stop) signals every process of the group at once, Azurite too.
    /// Azurite must still close last: the engine stops without losing its storage under it.
    /// </summary>
    [Fact]
    public async Task CtrlC_ToTheWholeProcessGroup_AzuriteClosesAfterTheEngine()
    {
        await using var host = LocalHostProcess.Launch(OwnAzurite);
        await host.WaitUntilHealthyAsync();
        var azurites = ChildProcesses(host.ProcessId);

        using (var interrupt = Process.Start("kill", ["-INT", $"{host.ProcessId}", .. azurites.Select(pid => $"{pid}")]))
        {
            await interrupt.WaitForExitAsync();
        }

        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(host.Output.Contains("Connection refused", StringComparison.Ordinal), host.Output);
        foreach (var azurite in azurites)
        {
            Assert.True(await HasExitedAsync(azurite, TimeSpan.FromSeconds(15)), "Azurite still runs after Ctrl-C");
        }
    }

    [Fact]
    public async Task KilledHost_ItsAzuriteStopsByItself()
    {
        await using var host = LocalHostProcess.Launch(OwnAzurite);
        await host.WaitUntilHealthyAsync();
        var azurites = ChildProcesses(host.ProcessId);

        await host.KillAsync();

        Assert.Equal(2, azurites.Count);
        foreach (var azurite in azurites)
        {
            Assert.True(await HasExitedAsync(azurite, TimeSpan.FromSeconds(15)), "Azurite outlived a killed host");
        }
    }

    /// <summary>Direct children of a process, from /proc (Linux).</summary>
    static List<int> ChildProcesses(int parent) =>
        [.. Directory.GetDirectories($"/proc/{parent}/task")
            .Select(task => Path.Combine(task, "children"))
            .Where(File.Exists)
            .SelectMany(file => File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse)];

    static async Task<bool> HasExitedAsync(int pid, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (!Directory.Exists($"/proc/{pid}") || File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z")
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
