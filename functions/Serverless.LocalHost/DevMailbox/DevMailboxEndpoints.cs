using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Email;
using Serverless.Workflow.Http;

namespace Serverless.LocalHost.DevMailbox;

public static class DevMailboxEndpoints
{
    public static IServiceCollection AddDevMailbox(this IServiceCollection services)
    {
        services.AddSingleton<MailboxStore>();
        services.AddHostedService<MailboxInitializer>();
        return services;
    }

    /// <summary>The local-only routes of docs/api.md: the SendGrid capture endpoint and the mailbox.</summary>
    public static IEndpointRouteBuilder MapDevMailbox(this IEndpointRouteBuilder app)
    {
        app.MapPost("dev/sendgrid/v3/mail/send", (HttpRequest request, [FromServices] MailboxStore mailbox, [FromServices] IOptions<EmailOptions> options, CancellationToken ct) =>
            SendGridCapture.ReceiveAsync(request, mailbox, options, ct));
        app.MapGet("dev/mailbox", async (HttpResponse response, [FromServices] MailboxStore mailbox, CancellationToken ct) =>
        {
            // The same policy as every page: no inline script or style could run here, whatever a captured mail holds.
            response.Headers.ContentSecurityPolicy = Assets.PagePolicy;
            return TypedResults.Content(MailboxPage.Render(await mailbox.ListAsync(null, null, ct)), "text/html; charset=utf-8");
        });
        app.MapGet("dev/mailbox/messages", async (string? to, string? since, [FromServices] MailboxStore mailbox, CancellationToken ct) =>
        {
            DateTimeOffset? from = null;
            if (since is not null)
            {
                if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return (IResult)Problems.Invalid("since", "Must be an ISO-8601 time.");
                }

                from = parsed;
            }

            return ApiResults.Json(await mailbox.ListAsync(to, from, ct));
        });
        return app;
    }

    sealed class MailboxInitializer(MailboxStore mailbox) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => mailbox.CreateIfNotExistsAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
