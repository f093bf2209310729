using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Email;

/// <summary>One email intent in the Outbox table: partition the application, row the message key.</summary>
public sealed class OutboxEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>
/// Sends each email intent at most once, however often the activity that asks is retried. The intent's row is
/// claimed (inserted) before sending: a second attempt finds it and sends nothing. When the service refuses the mail
/// or was never reached, the claim is withdrawn, so the retry can send it; a crash or an unclear failure in the middle
/// of the send itself leaves a claimed row without SentAt (visible in the Outbox), never a duplicate.
/// </summary>
public sealed class EmailOutbox(WorkflowStorage storage, IEmailSender sender, TimeProvider time)
{
    /// <returns>True when this call sent the mail; false when the intent had been taken care of before.</returns>
    public Task<bool> SendOnceAsync(string applicationId, string messageKey, EmailMessage message, CancellationToken cancellationToken) =>
        SendOnceAsync(applicationId, messageKey, _ => Task.FromResult(message), cancellationToken);

    /// <summary>
    /// As above, composing the mail only once the intent is claimed: what composing creates (a new link) is created
    /// once per intent, so the link a retried activity mails is the one that exists, and no unmailed link replaces it.
    /// </summary>
    public async Task<bool> SendOnceAsync(
        string applicationId, string messageKey, Func<CancellationToken, Task<EmailMessage>> compose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var intent = new OutboxEntity { PartitionKey = applicationId, RowKey = messageKey, ClaimedAt = time.GetUtcNow() };
        try
        {
            await storage.Outbox.AddEntityAsync(intent, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }

        EmailMessage message;
        try
        {
            message = await compose(cancellationToken);
        }
        catch
        {
            // Nothing went out: withdraw the claim for the retry.
            await WithdrawAsync(intent);
            throw;
        }

        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is EmailNotSentException || e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            // The service surely did not take it (it refused, or was never reached): withdraw the claim for the retry.
            // Any other failure may have come after SendGrid took the mail, so the claim stays (at most once).
            await WithdrawAsync(intent);
            throw;
        }

        intent.To = string.Join(", ", message.To);
        intent.Subject = message.Subject;
        intent.SentAt = time.GetUtcNow();
        await storage.Outbox.UpsertEntityAsync(intent, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    async Task WithdrawAsync(OutboxEntity intent) =>
        await storage.Outbox.DeleteEntityAsync(intent.PartitionKey, intent.RowKey, ETag.All, CancellationToken.None);
}
