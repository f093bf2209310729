using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Firms;

public static class FirmsRegistration
{
    /// <summary>The firm's pages: what the apply page's form is told (docs/api.md, Firms).</summary>
    public static IServiceCollection AddFirms(this IServiceCollection services)
    {
        services.AddSingleton<FormOptionsHandler>();
        return services;
    }
}
