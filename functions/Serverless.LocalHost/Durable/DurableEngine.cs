using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.LocalHost.Durable;

/// <summary>
/// The Durable Task engine of the local host: <c>DurableTask.AzureStorage</c> over the configured storage, served by
/// the public <see cref="TaskHubGrpcServer"/> sidecar on a loopback HTTP/2 port. The standard gRPC worker and client
/// of <c>Microsoft.DurableTask</c> talk to it through <see cref="Channel"/>, in this same process.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// DTFx gives partition-table operations 2 s. A busy Azurite on two cores takes longer, and each timeout drops
    /// the partition lease and stalls every instance until it is taken again (seen: stalls of 10-40 s under load).
    /// </summary>
    static readonly TimeSpan PartitionTableTimeout = TimeSpan.FromSeconds(15);

    readonly WebApplication sidecar;

    DurableEngine(WebApplication sidecar, GrpcChannel channel)
    {
        this.sidecar = sidecar;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    public static async Task<DurableEngine> StartAsync(
        string storageConnectionString, DurableOptions options, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<StorageScopeOverGrpc.Receiver>());
        builder.Services.AddSingleton(services => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            PartitionCount = options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.MessageVisibilityTimeout,
            PartitionTableOperationTimeout = PartitionTableTimeout,

            // The app lease keeps two deployed versions of an app off one task hub. One local host has nothing to
            // share it with, and a killed host's app lease would only delay the next start.
            UseAppLease = false,

            // A name of its own per process: a host restarted after a crash predictably waits out the dead host's
            // partition lease (30 s) instead of relying on the engine to recognise a dead process under its own name.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            StorageAccountClientProvider = ClientsFor(storageConnectionString),
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
        }));
        builder.Services.AddSingleton<IOrchestrationService>(s => new PatientActivityCompletion(
            s.GetRequiredService<AzureStorageOrchestrationService>(), s.GetRequiredService<ILogger<PatientActivityCompletion>>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(s => s.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        try
        {
            await app.Services.GetRequiredService<AzureStorageOrchestrationService>().CreateIfNotExistsAsync();
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new DurableEngine(app, GrpcChannel.ForAddress(app.Urls.First()));
    }

    /// <summary>The engine's storage clients, with the policy that counts requests (<see cref="StorageRequestScope"/>).</summary>
    static StorageAccountClientProvider ClientsFor(string connectionString)
    {
        var blobs = new BlobClientOptions();
        blobs.AddPolicy(new StorageRequestPolicy("blob"), HttpPipelinePosition.PerRetry);
        var queues = new QueueClientOptions();
        queues.AddPolicy(new StorageRequestPolicy("queue"), HttpPipelinePosition.PerRetry);
        var tables = new TableClientOptions();
        tables.AddPolicy(new StorageRequestPolicy("table"), HttpPipelinePosition.PerRetry);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, blobs),
            StorageServiceClientProvider.ForQueue(connectionString, queues),
            StorageServiceClientProvider.ForTable(connectionString, tables));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        await Channel.ShutdownAsync();
        Channel.Dispose();
        await sidecar.StopAsync(timeout.Token);

        // The orchestration service's lease and queue loops run on their own: stopped only with the sidecar's host,
        // they went on polling the engine's Azurite after it had closed ("Connection refused" on every stop). One that
        // never started is left alone (PatientActivityCompletion).
        await sidecar.Services.GetRequiredService<IOrchestrationService>().StopAsync(isForced: true);

        await sidecar.DisposeAsync();
    }
}
