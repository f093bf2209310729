using Microsoft.Extensions.DependencyInjection;
using Serverless.Workflow.Links;

namespace Serverless.Workflow.Review;

public static class ReviewRegistration
{
    /// <summary>The reviewer pool, the review rounds, the reviewers' links and their recusals (step 4).</summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddSingleton<ReviewerStore>();
        services.AddSingleton<ReviewerHandlers>();
        services.AddSingleton<ReviewAssignments>();
        services.AddSingleton<ReviewRecusal>();
        services.AddSingleton<ILinkPurpose, ReviewLinkPurpose>();
        return services;
    }
}
