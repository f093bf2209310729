using Microsoft.Extensions.DependencyInjection;
using Serverless.Workflow.Links;

namespace Serverless.Workflow.Engagement;

public static class EngagementRegistration
{
    /// <summary>The experts' report links (step 6).</summary>
    public static IServiceCollection AddEngagement(this IServiceCollection services)
    {
        services.AddSingleton<EngagementLinks>();
        services.AddSingleton<ILinkPurpose, ReportLinkPurpose>();
        return services;
    }
}
