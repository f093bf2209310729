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

/// <summary>The service did not take the message this time (throttled, failing, unreachable): it may be tried again.</summary>
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

/// <summary>The service refused the message for good (for instance an address it will not deliver to): trying again changes nothing.</summary>
public sealed class EmailRejectedException(string message) : Exception(message)
{
    public EmailRejectedException()
        : this("The email service refused the message.")
    {
    }

    public EmailRejectedException(string message, Exception inner)
        : this(message + " " + inner?.Message)
    {
    }
}

/// <summary>
/// The production sender: the real SendGrid client (pointed at the local capture endpoint on the local host).
/// Throttling (429) and server errors (5xx) are tried again within the call, after the wait SendGrid's Retry-After
/// asks for (up to <see cref="EmailOptions.MaxRetryAfter"/>); what still fails is left to the activity's retries.
/// Any other 4xx but an authentication one is a refusal of this message for good.
/// </summary>
public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options, TimeProvider time) : IEmailSender
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
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.SendEmailAsync(mail, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var status = (int)response.StatusCode;
            var transient = status is 429 or >= 500;
            var wait = transient ? RetryAfter(response, attempt, email) : null;
            if (wait is { } delay && attempt < email.SendAttempts)
            {
                await Task.Delay(delay, time, cancellationToken);
                continue;
            }

            var answer = $"SendGrid answered {status} {response.StatusCode}.";
            if (transient || status is 401 or 403)
            {
                throw new EmailNotSentException(answer); // throttled, failing or misconfigured: not this message's fault
            }

            throw new EmailRejectedException($"{answer} {await ErrorsAsync(response, cancellationToken)}".Trim());
        }
    }

    /// <summary>The wait SendGrid asks for, else a doubling one; null when it asks for longer than this call may wait.</summary>
    static TimeSpan? RetryAfter(Response response, int attempt, EmailOptions email)
    {
        var retryAfter = response.Headers?.RetryAfter;
        var wait = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)));
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        return wait <= email.MaxRetryAfter ? wait : null;
    }

    /// <summary>SendGrid's own words on why (its errors' messages), short: they go into the audit trail and the staff's mail.</summary>
    static async Task<string> ErrorsAsync(Response response, CancellationToken cancellationToken)
    {
        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken);
        return body.Length <= 300 ? body : body[..300];
    }
}
