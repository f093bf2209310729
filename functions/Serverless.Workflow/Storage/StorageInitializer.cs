using Microsoft.Extensions.Hosting;

namespace Serverless.Workflow.Storage;

/// <summary>Creates the tables and container once at start, so no request pays for it.</summary>
internal sealed class StorageInitializer(WorkflowStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
