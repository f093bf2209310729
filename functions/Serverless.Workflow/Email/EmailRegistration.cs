using Serverless.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Serverless.Workflow.Email;

public static class EmailRegistration
{
    /// <summary>The SendGrid client (once), the sender over it, and the Outbox.</summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<EmailOptions>(EmailOptions.Section);
        builder.Services.AddSingleton<ISendGridClient>(services =>
        {
            var email = services.GetRequiredService<IOptions<EmailOptions>>().Value;
            var client = new SendGridClientOptions { ApiKey = email.SendGridApiKey };
            if (email.SendGridHost is not null)
            {
                client.Host = email.SendGridHost.ToString().TrimEnd('/');
            }

            return new SendGridClient(client);
        });
        builder.Services.AddSingleton<IEmailSender, SendGridEmailSender>();
        builder.Services.AddSingleton<EmailOutbox>();
        return builder;
    }
}
