using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Documents;

public static class DocumentsRegistration
{
    /// <summary>The firm's documents in Blob storage and the wait for the missing ones (step 1).</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSingleton<DocumentStore>();
        return services;
    }
}
