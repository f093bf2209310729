using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Calls;

public static class CallsRegistration
{
    /// <summary>The calls for applications: each programme's windows and budgets.</summary>
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddSingleton<CallStore>();
        services.AddSingleton<CallSeats>();
        services.AddSingleton<CallBudget>();
        services.AddSingleton<CallHandlers>();
        return services;
    }
}
