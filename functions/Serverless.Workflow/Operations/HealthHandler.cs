using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Http;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Operations;

public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Checks);

/// <summary>GET /api/health: each dependency is asked one cheap question, with a short time limit.</summary>
public sealed class HealthHandler(WorkflowStorage storage)
{
    internal static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> CheckAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        // Side by side: with storage away each probe takes its whole time limit, and the answer should not take three.
        var tables = ProbeAsync(ct => storage.Applications.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: ct), cancellationToken);
        var blobs = ProbeAsync(ct => storage.Documents.ExistsAsync(ct), cancellationToken);
        var engine = ProbeAsync(ct => durable.GetInstanceAsync("health-probe", ct), cancellationToken);
        var checks = new Dictionary<string, string>
        {
            ["tables"] = await tables,
            ["blobs"] = await blobs,
            ["durable"] = await engine,
        };
        var healthy = checks.Values.All(v => v == Healthy);
        return ApiResults.Json(
            new HealthReport(healthy ? Healthy : Unhealthy, checks),
            healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    const string Healthy = nameof(Healthy);
    const string Unhealthy = nameof(Unhealthy);

    static async Task<string> ProbeAsync<T>(Func<CancellationToken, Task<T>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            await probe(timeout.Token);
            return Healthy;
        }
#pragma warning disable CA1031 // A health check reports any failure as unhealthy rather than failing itself.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Unhealthy;
        }
    }
}
