using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Serverless.LocalHost;
using Serverless.LocalHost.Azurite;
using Serverless.Testing;

namespace Serverless.Benchmarks.Hosting;

/// <summary>
/// A local host of the benchmark's own on fresh in-memory Azurites, one for the workflow's storage and one for the
/// engine, as a plain start has them. The benchmark reaches the first directly (to seed tables and to measure the
/// storage's ceiling). Default settings otherwise, so the figures are those of a real start.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    public const string AdminKey = "benchmark-admin-key";

    readonly AzuriteProcess engineAzurite;

    BenchmarkHost(AzuriteProcess azurite, AzuriteProcess engineAzurite, LocalHostProcess host)
    {
        Azurite = azurite;
        this.engineAzurite = engineAzurite;
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    public const string TablePrefix = "bench";

    /// <summary>The engine's task hub: its queue and table names start with it.</summary>
    public const string TaskHub = "benchhub";

    /// <summary>Where the host, in measuring mode, lists the storage requests an answer took.</summary>
    public const string StorageRequestsHeader = "X-Storage-Requests";

    /// <summary>The workflow's storage.</summary>
    public AzuriteProcess Azurite { get; }

    public LocalHostProcess Host { get; }

    /// <summary>
    /// The people's client. Under a burst a two-core machine can take longer than the tests' 30 s to answer; the
    /// benchmark measures that instead of giving up.
    /// </summary>
    public HttpClient Client { get; }

    /// <summary>Starts Azurite and the host; <paramref name="demoPool"/> seeds the demo experts and reviewers.</summary>
    public static async Task<BenchmarkHost> StartAsync(bool demoPool)
    {
        var azurite = await StartAzuriteAsync();
        var engineAzurite = await StartAzuriteAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Durable:ConnectionString"] = engineAzurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Durable:TaskHub"] = TaskHub,

            // Each answer lists the storage requests it took; the intake counts a submission's.
            ["LocalHost:ReportStorageRequests"] = "true",
            ["LocalHost:AdminKey"] = AdminKey,
            ["LocalHost:SeedDemoData"] = demoPool ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        try
        {
            var host = await LocalHostProcess.StartAsync(settings);
            return new BenchmarkHost(azurite, engineAzurite, host);
        }
        catch
        {
            await azurite.DisposeAsync();
            await engineAzurite.DisposeAsync();
            throw;
        }
    }

    public static Task<AzuriteProcess> StartAzuriteAsync() =>
        AzuriteProcess.StartAsync(new AzuriteOptions { InMemory = true, BlobPort = 0, QueuePort = 0, TablePort = 0 }, CancellationToken.None);

    /// <summary>The host process's working set now, in MiB.</summary>
    public double WorkingSetMiB()
    {
        using var process = Process.GetProcessById(Host.ProcessId);
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }

    public async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", AdminKey);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> AdminJsonAsync(string path)
    {
        using var response = await AdminAsync(HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Ends the host (its data is in memory and thrown away, so there is nothing to close in order) and Azurite.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
        await engineAzurite.DisposeAsync();
    }
}
