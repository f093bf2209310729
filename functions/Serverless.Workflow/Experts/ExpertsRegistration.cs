using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Experts;

public static class ExpertsRegistration
{
    /// <summary>The expert pool and the experts' loads (who gets the work, step 5).</summary>
    public static IServiceCollection AddExperts(this IServiceCollection services)
    {
        services.AddSingleton<ExpertStore>();
        services.AddSingleton<ExpertLoads>();
        services.AddSingleton<ExpertHandlers>();
        return services;
    }
}
