using System.Diagnostics;
using System.Net.Http.Json;
using Serverless.Testing;
using Serverless.Workflow.Http;

namespace Serverless.LocalHost.Tests;

/// <summary>What /dev/mailbox/messages lists: the mail the local host captured.</summary>
internal sealed record MailMessage(string Id, string[] To, string Subject, string Text, string Html, string[] Links, DateTimeOffset SentAt);

internal static class Mailbox
{
    public static async Task<IReadOnlyList<MailMessage>> MessagesAsync(LocalHostProcess host, string? to = null)
    {
        var query = to is null ? "" : $"?to={Uri.EscapeDataString(to)}";
        return (await host.Client.GetFromJsonAsync<MailMessage[]>(new Uri($"/dev/mailbox/messages{query}", UriKind.Relative), Json.Options))!;
    }

    /// <summary>Polls the mailbox for a mail whose subject has the receipt number and any of the given words (one per language).</summary>
    public static async Task<MailMessage> WaitForAsync(LocalHostProcess host, string receiptNumber, params string[] subjectWords)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < FirmFlow.StatusTimeout)
        {
            var mail = (await MessagesAsync(host)).FirstOrDefault(m => IsAbout(m, receiptNumber, subjectWords));
            if (mail is not null)
            {
                return mail;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No mail '{string.Join("' or '", subjectWords)}' for {receiptNumber}.");
    }

    public static bool IsAbout(MailMessage mail, string receiptNumber, params string[] subjectWords) =>
        mail.Subject.Contains(receiptNumber, StringComparison.Ordinal) && subjectWords.Any(words => mail.Subject.Contains(words, StringComparison.Ordinal));
}
