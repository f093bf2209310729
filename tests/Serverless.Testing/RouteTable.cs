using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Serverless.LocalHost;

namespace Serverless.Testing;

/// <summary>An HTTP route as "METHOD template", the template without a leading slash.</summary>
public sealed record Route(string Method, string Template)
{
    public override string ToString() => $"{Method} {Template}";
}

public static class RouteTable
{
    /// <summary>The local host's endpoints, read from a web application that maps them exactly as the host does.</summary>
    public static IReadOnlySet<Route> LocalHost()
    {
        var app = WebApplication.CreateBuilder().Build();
        app.MapLocalHostRoutes();
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                new Route(method, e.RoutePattern.RawText!.TrimStart('/'))))
            .ToHashSet();
    }

    /// <summary>The local host's routes that the Functions app must also have (all but the local-only ones).</summary>
    public static IReadOnlySet<Route> SharedLocalHost() =>
        LocalHost().Where(r => !LocalHostRoutes.IsLocalOnly(r.Template)).ToHashSet();
}
