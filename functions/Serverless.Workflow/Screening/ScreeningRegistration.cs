using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Screening;

public static class ScreeningRegistration
{
    /// <summary>Eligibility and the required documents (step 1).</summary>
    public static IServiceCollection AddScreening(this IServiceCollection services)
    {
        services.AddValidatedOptions<ScreeningOptions>(ScreeningOptions.Section);
        return services;
    }
}
