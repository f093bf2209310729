using Serverless.Workflow;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Serverless.Workflow.Storage;

public static class StorageRegistration
{
    /// <summary>Registers the Table and Blob clients once, and creates the tables and container at start.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);

        builder.Services.AddAzureClients(clients =>
        {
            // The credential is only used when service URIs are configured (managed identity in Azure).
            clients.UseCredential(new DefaultAzureCredential());
            clients.AddClient<TableServiceClient, TableClientOptions>((clientOptions, credential, services) =>
            {
                var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
                clientOptions.AddPolicy(new StorageRequestPolicy("table"), HttpPipelinePosition.PerRetry);
                return string.IsNullOrWhiteSpace(storage.ConnectionString)
                    ? new TableServiceClient(storage.TableServiceUri, credential, clientOptions)
                    : new TableServiceClient(storage.ConnectionString, clientOptions);
            });
            clients.AddClient<BlobServiceClient, BlobClientOptions>((clientOptions, credential, services) =>
            {
                var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
                clientOptions.AddPolicy(new StorageRequestPolicy("blob"), HttpPipelinePosition.PerRetry);
                return string.IsNullOrWhiteSpace(storage.ConnectionString)
                    ? new BlobServiceClient(storage.BlobServiceUri, credential, clientOptions)
                    : new BlobServiceClient(storage.ConnectionString, clientOptions);
            });
        });

        builder.Services.AddSingleton<WorkflowStorage>();
        builder.Services.AddHostedService<StorageInitializer>();
        return builder;
    }
}
