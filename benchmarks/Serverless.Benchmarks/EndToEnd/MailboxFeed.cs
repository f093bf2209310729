using System.Net.Http.Json;
using Serverless.LocalHost.DevMailbox;
using Serverless.Workflow.Http;

namespace Serverless.Benchmarks.EndToEnd;

/// <summary>
/// Reads the local host's mailbox as it fills and hands each new mail over once. It asks only for what came since a
/// little before the newest mail it saw (mails written side by side may land slightly out of order), so a long run
/// does not read every earlier mail again on each poll.
/// </summary>
internal sealed class MailboxFeed(HttpClient client)
{
    static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);
    static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    readonly HashSet<string> seen = [];
    DateTimeOffset newest = DateTimeOffset.MinValue;

    /// <summary>Polls until cancelled, calling <paramref name="onMail"/> once for each mail not seen before.</summary>
    public async Task RunAsync(Func<CapturedMail, Task> onMail, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var since = newest == DateTimeOffset.MinValue ? "" : $"?since={Uri.EscapeDataString((newest - Overlap).ToString("O"))}";
            var mails = await client.GetFromJsonAsync<CapturedMail[]>(new Uri($"/dev/mailbox/messages{since}", UriKind.Relative), Json.Options, cancellationToken);
            var fresh = mails!.Where(mail => seen.Add(mail.Id)).ToList();
            newest = fresh.Select(mail => mail.SentAt).Append(newest).Max();

            // The people the mails are for act side by side, as they would.
            await Task.WhenAll(fresh.Select(onMail));

            try
            {
                await Task.Delay(PollEvery, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
