using Microsoft.Extensions.DependencyInjection;
using Serverless.Workflow.Links;

namespace Serverless.Workflow.Completion;

public static class CompletionRegistration
{
    /// <summary>The firm's feedback and the end of an application (steps 7-8).</summary>
    public static IServiceCollection AddCompletion(this IServiceCollection services)
    {
        services.AddSingleton<ApplicationRelease>();
        services.AddSingleton<ILinkPurpose, FeedbackLinkPurpose>();
        services.AddSingleton<FirmFeedbackHandler>();
        return services;
    }
}
