using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Http;

namespace Serverless.LocalHost;

/// <summary>
/// The local stand-in for the Functions host's function keys: every /api/admin route needs <c>x-functions-key</c>
/// equal to <c>LocalHost:AdminKey</c> (401 without, 403 wrong), compared in constant time.
/// </summary>
public static class AdminKey
{
    public const string Header = "x-functions-key";

    public static IApplicationBuilder UseAdminKey(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var expected = Encoding.UTF8.GetBytes(app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value.AdminKey!);
        return app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/" + ApiRoutes.AdminPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase),
            admin => admin.Use(async (context, next) =>
            {
                var given = context.Request.Headers[Header].ToString();
                var denied = given.Length == 0
                    ? Problems.Unauthorized($"Admin routes need the admin key in the {Header} header.")
                    : !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected)
                        ? Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "The admin key is wrong.")
                        : null;
                if (denied is null)
                {
                    await next(context);
                }
                else
                {
                    await denied.ExecuteAsync(context);
                }
            }));
    }
}
