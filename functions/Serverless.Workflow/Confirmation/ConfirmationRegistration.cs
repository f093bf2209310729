using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Confirmation;

public static class ConfirmationRegistration
{
    /// <summary>The firm's confirmation from its mailed link (step 0, from version 3).</summary>
    public static IServiceCollection AddConfirmation(this IServiceCollection services)
    {
        services.AddSingleton<FirmConfirmation>();
        services.AddSingleton<ConfirmationHandlers>();
        return services;
    }
}
