using Microsoft.Extensions.DependencyInjection;
using Serverless.Workflow.Links;

namespace Serverless.Workflow.Matching;

public static class MatchingRegistration
{
    /// <summary>Offers to experts, their answers and the assignments (step 5).</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<AssignmentStore>();
        services.AddSingleton<ILinkPurpose, OfferLinkPurpose>();
        return services;
    }
}
