using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Admin;

public static class AdminRegistration
{
    /// <summary>The dashboard's queries, counters and operations.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<ApplicationStats>();
        services.AddSingleton<ApplicationQuery>();
        services.AddSingleton<OrchestrationHistory>();
        services.AddSingleton<AdminQueryHandlers>();
        services.AddSingleton<AdminApplicationHandlers>();
        services.AddHostedService<FirmNameBackfill>();
        return services;
    }
}
