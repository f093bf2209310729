using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Operations;

public static class OperationsRegistration
{
    /// <summary>The health check the probes and the staff call.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton<HealthHandler>();
        return services;
    }
}
