using System.Text.Json;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Email;
using Serverless.Workflow.Http;

namespace Serverless.LocalHost.DevMailbox;

/// <summary>
/// A SendGrid-compatible <c>POST /v3/mail/send</c>: the real SendGrid client talks to it, and the mail lands in the
/// local mailbox instead of the internet. It checks what SendGrid checks first (the API key, the JSON shape), and
/// refuses as SendGrid does (400) any recipient in the reserved <c>.invalid</c> domain (RFC 2606), so that a refused
/// address can be tried end to end.
/// </summary>
public static class SendGridCapture
{
    public static async Task<IResult> ReceiveAsync(HttpRequest request, MailboxStore mailbox, IOptions<EmailOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(options);
        if (request.Headers.Authorization.ToString() != $"Bearer {options.Value.SendGridApiKey}")
        {
            return Problems.Unauthorized("The API key is missing or wrong.");
        }

        JsonElement mail;
        try
        {
            mail = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return Problems.Invalid("$", "Not a SendGrid mail/send body.");
        }

        if (mail.ValueKind != JsonValueKind.Object
            || !mail.TryGetProperty("personalizations", out var personalizations) || personalizations.ValueKind != JsonValueKind.Array
            || !mail.TryGetProperty("subject", out var subject))
        {
            return Problems.Invalid("personalizations", "A SendGrid mail needs personalizations and a subject.");
        }

        var to = personalizations.EnumerateArray()
            .SelectMany(p => p.TryGetProperty("to", out var list) ? list.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(address => address.GetProperty("email").GetString()!)
            .ToList();
        if (to.FirstOrDefault(address => address.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)) is { } refused)
        {
            return TypedResults.BadRequest(new { errors = new[] { new { message = "Does not contain a valid address.", field = "personalizations.0.to", help = refused } } });
        }

        await mailbox.SaveAsync(to, subject.GetString() ?? "", Content(mail, "text/plain"), Content(mail, "text/html"), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    static string Content(JsonElement mail, string type) =>
        mail.TryGetProperty("content", out var content)
            ? content.EnumerateArray().Where(c => c.GetProperty("type").GetString() == type)
                .Select(c => c.GetProperty("value").GetString()).FirstOrDefault() ?? ""
            : "";
}
