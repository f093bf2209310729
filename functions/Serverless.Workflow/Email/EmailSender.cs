using System.Net;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Serverless.Workflow.Email;

/// <summary>One email, ready to send: both an HTML and a plain-text body.</summary>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string Text, string Html);

public interface IEmailSender
{
    /// <summary>Sends the message; throws <see cref="EmailNotSentException"/> when the service refused it.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>The service answered that it did not take the message: it was not sent and may be tried again.</summary>
public sealed class EmailNotSentException(string message) : Exception(message)
{
    public EmailNotSentException()
        : this("The email service did not accept the message.")
    {
    }

    public EmailNotSentException(string message, Exception inner)
        : this(message + " " + inner?.Message)
    {
    }
}

/// <summary>The production sender: the real SendGrid client (pointed at the local capture endpoint on the local host).</summary>
public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var email = options.Value;
        var mail = MailHelper.CreateSingleEmailToMultipleRecipients(
            new EmailAddress(email.FromAddress, email.FromName),
            [.. message.To.Select(to => new EmailAddress(to))],
            message.Subject,
            message.Text,
            message.Html);
        var response = await client.SendEmailAsync(mail, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted && !response.IsSuccessStatusCode)
        {
            throw new EmailNotSentException($"SendGrid answered {(int)response.StatusCode} {response.StatusCode}.");
        }
    }
}
