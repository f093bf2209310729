using System.ComponentModel.DataAnnotations;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Serverless.Workflow.Orchestration;

namespace Serverless.LocalHost.Durable;

public static class DurableRegistration
{
    /// <summary>Starts the engine and registers the standard gRPC worker (with the workflow's tasks) and client.</summary>
    public static async Task<DurableEngine> AddDurableEngineAsync(
        this WebApplicationBuilder builder, string storageConnectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.BindValidated<DurableOptions>(DurableOptions.Section);
        var engine = await DurableEngine.StartAsync(storageConnectionString, options, builder.Configuration, cancellationToken);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(grpc =>
            {
                grpc.Channel = engine.Channel;

                // The sidecar sends no health pings on an idle stream; without this the worker would take
                // silence for a dead connection and reconnect every two minutes.
                grpc.SetSilentDisconnectTimeout(TimeSpan.Zero);
            });
            worker.AddTasks(registry => registry.AddWorkflowTasks());

            // As host.json does for the Functions app: new instances start on Durable:WorkflowVersion, and this worker
            // takes instances of the current version or older (those keep their path), never a newer one a later
            // deployment started.
            worker.UseVersioning(new DurableTaskWorkerOptions.VersioningOptions
            {
                Version = WorkflowVersions.CurrentName,
                DefaultVersion = WorkflowVersions.Name(options.WorkflowVersion),
                MatchStrategy = DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder,
                FailureStrategy = DurableTaskWorkerOptions.VersionFailureStrategy.Reject,
            });
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(grpc =>
        {
            grpc.Channel = engine.Channel;
            grpc.Interceptors.Add(new StorageScopeOverGrpc.Sender());
        }).UseDefaultVersion(WorkflowVersions.Name(options.WorkflowVersion)));
        return engine;
    }
}

public static class ConfigurationExtensions
{
    /// <summary>
    /// Binds and validates a section before the host is built, for settings needed to start its parts
    /// (Azurite, the engine). A value that does not parse or fails a rule stops the start with one clear line.
    /// </summary>
    public static T BindValidated<T>(this IConfiguration configuration, string section)
        where T : class, new()
    {
        T value;
        try
        {
            value = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException($"Invalid setting in '{section}': {e.Message}", e);
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            throw new StartupException(string.Join(" ", results.Select(r =>
                $"Invalid setting {section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")));
        }

        return value;
    }
}
