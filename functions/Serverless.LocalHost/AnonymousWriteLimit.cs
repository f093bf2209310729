using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Http;

namespace Serverless.LocalHost;

/// <summary>
/// ASP.NET Core's rate limiter over the anonymous writes (POST and PUT outside the admin and dev routes): a fixed
/// window per client address, so one client cannot make the programme mail the world or fill its storage. Reads,
/// admin routes (behind the key) and the local SendGrid capture are not limited.
/// </summary>
public static class AnonymousWriteLimit
{
    static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddAnonymousWriteLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!IsAnonymousWrite(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var permits = context.RequestServices.GetRequiredService<IOptions<LocalHostOptions>>().Value.AnonymousWritesPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 });
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
                    : ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Problems.Status(StatusCodes.Status429TooManyRequests, "Too many requests", "Too many requests from this address; please try again in a minute.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });

    static bool IsAnonymousWrite(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
        && !request.Path.StartsWithSegments("/" + ApiRoutes.AdminPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/dev", StringComparison.OrdinalIgnoreCase);
}
