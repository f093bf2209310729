using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Benchmarks.Hosting;
using Serverless.LocalHost.Durable;
using Serverless.Workflow.Orchestration;

namespace Serverless.Benchmarks.EngineCeiling;

/// <summary>An activity of the shape: who to raise which event for once it has run.</summary>
internal sealed record ShapeActivityInput(string InstanceId, IReadOnlyList<string> RaiseAfter, bool Last);

/// <summary>
/// The most the engine can do with applications of our shape on this machine: N orchestrations that replay a real
/// application's episodes: create the timers it created, wait for the events that woke it, then
/// run the activities it scheduled together (as no-ops, under the same names, side by side). The events are raised
/// from outside through the client once the episode before them has run its activities, as a person's answer follows
/// a mail. The same engine (DurableTask.AzureStorage behind the gRPC sidecar,
/// the local host's settings) on an in-memory Azurite of its own. Nothing else runs: no HTTP, no tables, no mail.
/// </summary>
internal sealed class EngineCeilingRun(IReadOnlyList<ShapeEpisode> shape)
{
    const string Orchestrator = "ApplicationShape";
    const int Raisers = 16;

    /// <summary>The end as the end-to-end run sees it: the last episode's activities (the completion mail) have run.</summary>
    readonly int lastEpisode = shape.Select((episode, i) => episode.Activities.Count > 0 ? i : -1).Max();

    readonly Channel<(string InstanceId, string Event)> toRaise = Channel.CreateUnbounded<(string, string)>();
    int finished;

    public async Task<(int Finished, TimeSpan Elapsed)> RunAsync(int applications, TimeSpan timeout)
    {
        await using var azurite = await BenchmarkHost.StartAzuriteAsync();
        var quiet = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" }).Build();
        var engine = await DurableEngine.StartAsync(azurite.ConnectionString, new DurableOptions { TaskHub = "ceilinghub" }, quiet, CancellationToken.None);
        await using (engine)
        {
            using var host = Host(engine);
            await host.StartAsync();
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            using var stop = new CancellationTokenSource();
            var raisers = Enumerable.Range(0, Raisers).Select(_ => RaiseAsync(client, stop.Token)).ToList();

            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, applications), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var id = await client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, $"app-{i}", new StartOrchestrationOptions($"app-{i:D5}"), ct);
                if (shape[0].Events is { Count: > 0 } leading)
                {
                    // An event raised before the engine has started the instance can be dropped (the workflow's own
                    // confirmation waits the same way).
                    await client.WaitForInstanceStartAsync(id, ct);
                    foreach (var name in leading)
                    {
                        await toRaise.Writer.WriteAsync((id, name), ct);
                    }
                }
            });

            while (Volatile.Read(ref finished) < applications && clock.Elapsed < timeout)
            {
                await Task.Delay(50);
            }

            var elapsed = clock.Elapsed;
            await WhenNoneRunsAsync(client, timeout); // so the stop cuts no orchestration's last episode short
            await stop.CancelAsync();
            await Task.WhenAll(raisers);
            await host.StopAsync();
            return (finished, elapsed);
        }
    }

    static async Task WhenNoneRunsAsync(DurableTaskClient client, TimeSpan timeout)
    {
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending], PageSize = 1 };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && await AnyAsync(client.GetAllInstancesAsync(query)))
        {
            await Task.Delay(200);
        }
    }

    static async Task<bool> AnyAsync(IAsyncEnumerable<OrchestrationMetadata> instances)
    {
        await foreach (var _ in instances)
        {
            return true;
        }

        return false;
    }

    IHost Host(DurableEngine engine)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(grpc =>
            {
                grpc.Channel = engine.Channel;
                grpc.SetSilentDisconnectTimeout(TimeSpan.Zero); // as the local host does: the sidecar sends no pings
            });
            worker.AddTasks(registry =>
            {
                registry.AddOrchestratorFunc<string>(Orchestrator, RunShapeAsync);
                foreach (var name in shape.SelectMany(e => e.Activities).Distinct())
                {
                    registry.AddActivityFunc<ShapeActivityInput, bool>(name, (_, input) => Ran(input));
                }
            });
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(engine.Channel));
        return builder.Build();
    }

    async Task RunShapeAsync(TaskOrchestrationContext context, string application)
    {
        for (var i = 0; i < shape.Count; i++)
        {
            // As the workflow waits: its deadlines first (each queued for its time, cancelled once the answers are in),
            // then the answers, raised from outside.
            using var deadlines = new CancellationTokenSource();
            for (var t = 0; t < shape[i].Timers; t++)
            {
                _ = context.CreateTimer(context.CurrentUtcDateTime.AddDays(14), deadlines.Token);
            }

            foreach (var name in shape[i].Events)
            {
                await context.WaitForExternalEvent<string>(name);
            }

            deadlines.Cancel(); // not CancelAsync: an orchestrator stays on its own thread

            // The first activity of an episode carries the next episode's events: they follow its mail.
            var next = i + 1 < shape.Count ? shape[i + 1].Events : [];
            await Task.WhenAll(shape[i].Activities.Select((activity, j) => context.CallActivityAsync<bool>(
                activity, new ShapeActivityInput(context.InstanceId, j == 0 ? next : [], i == lastEpisode && j == 0))));
        }
    }

    bool Ran(ShapeActivityInput input)
    {
        foreach (var name in input.RaiseAfter)
        {
            toRaise.Writer.TryWrite((input.InstanceId, name));
        }

        if (input.Last)
        {
            Interlocked.Increment(ref finished);
        }

        return true;
    }

    async Task RaiseAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (instanceId, name) in toRaise.Reader.ReadAllAsync(cancellationToken))
            {
                await client.RaiseEventAsync(instanceId, name, "answer", cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
