using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.LocalHost.DevMailbox;

/// <summary>A mail the local SendGrid endpoint captured, as /dev/mailbox/messages shows it.</summary>
public sealed record CapturedMail(string Id, IReadOnlyList<string> To, string Subject, string Text, string Html, IReadOnlyList<string> Links, DateTimeOffset SentAt);

/// <summary>The local host's captured mail, in the table <c>{prefix}Mailbox</c>, newest first.</summary>
public sealed partial class MailboxStore(WorkflowStorage storage, TimeProvider time)
{
    const string Partition = "mail";

    TableClient Table => storage.Table("Mailbox");

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<CapturedMail> SaveAsync(IReadOnlyList<string> to, string subject, string text, string html, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        var mail = new CapturedMail(
            $"{DateTimeOffset.MaxValue.UtcTicks - sentAt.UtcTicks:D19}-{Guid.NewGuid():N}", to, subject, text, html, LinksIn(text + "\n" + html), sentAt);
        await Table.AddEntityAsync(new TableEntity(Partition, mail.Id)
        {
            ["To"] = JsonSerializer.Serialize(mail.To),
            ["Subject"] = subject,
            ["Text"] = text,
            ["Html"] = html,
            ["Links"] = JsonSerializer.Serialize(mail.Links),
            ["SentAt"] = sentAt,
        }, cancellationToken);
        return mail;
    }

    public async Task<IReadOnlyList<CapturedMail>> ListAsync(string? to, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var filter = since is { } from
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and SentAt ge {from}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        var mails = new List<CapturedMail>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var mail = new CapturedMail(
                row.RowKey,
                JsonSerializer.Deserialize<string[]>(row.GetString("To"))!,
                row.GetString("Subject"),
                row.GetString("Text"),
                row.GetString("Html"),
                JsonSerializer.Deserialize<string[]>(row.GetString("Links"))!,
                row.GetDateTimeOffset("SentAt")!.Value);
            if (to is null || mail.To.Any(address => address.Equals(to, StringComparison.OrdinalIgnoreCase)))
            {
                mails.Add(mail);
            }
        }

        return mails;
    }

    /// <summary>Every distinct http(s) link, in order of appearance, with HTML's &amp;amp; undone.</summary>
    static List<string> LinksIn(string body) =>
        [.. Link().Matches(body).Select(m => m.Value.Replace("&amp;", "&", StringComparison.Ordinal)).Distinct()];

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex Link();
}
