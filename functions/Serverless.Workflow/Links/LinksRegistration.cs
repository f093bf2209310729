using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Links;

public static class LinksRegistration
{
    /// <summary>Emailed links: their store, the firm's access, the pages and answers they lead to (each purpose is registered by its capability).</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services)
    {
        services.AddSingleton<LinkStore>();
        services.AddSingleton<FirmAccess>();
        services.AddSingleton<FirmLinkMail>();
        services.AddSingleton<LinkHandlers>();
        return services;
    }
}
