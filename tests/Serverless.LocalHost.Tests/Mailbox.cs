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
}
