using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
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

    /// <summary>Set just before the mail is handed to SendGrid: from here on it may have gone out.</summary>
    public DateTimeOffset? SendingAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>SendGrid refused the message for good (an address it will not deliver to): what it answered.</summary>
    public string? Rejection { get; set; }

    /// <summary>When a later attempt found the hand-over cut short (no answer from SendGrid recorded) and told the staff.</summary>
    public DateTimeOffset? UncertainAt { get; set; }
}

/// <summary>
/// Sends each email intent once, however often the activity that asks is retried or re-run after a crash. The intent's
/// row is claimed (inserted) before composing, marked as sending just before SendGrid is called, and marked sent after.
/// A claim that never reached "sending" (its attempt failed, or the host died while composing) is taken over by the
/// next attempt; a mail that was being handed over when the host died may have gone, so it is not sent again: the staff
/// are told to make sure (at most once, and never silently, for that moment only). A permanent refusal is recorded on
/// the application and told to the staff, and the workflow goes on.
/// </summary>
public sealed partial class EmailOutbox(
    WorkflowStorage storage, IEmailSender sender, ApplicationStore applications, IOptions<EmailOptions> options, TimeProvider time, ILogger<EmailOutbox> logger)
{
    const string RejectionNoticePrefix = "rejected-";
    const string UncertainNoticePrefix = "uncertain-";

    /// <returns>True when this call sent the mail; false when the intent had been taken care of before, or was refused.</returns>
    public Task<bool> SendOnceAsync(string applicationId, string messageKey, EmailMessage message, CancellationToken cancellationToken) =>
        SendOnceAsync(applicationId, messageKey, _ => Task.FromResult(message), cancellationToken);

    /// <summary>
    /// As above, composing the mail only once the intent is claimed: what composing creates (a new link) is created
    /// once per attempt that may send, so the link mailed is the one that exists (a later link revokes an unmailed one).
    /// </summary>
    public async Task<bool> SendOnceAsync(
        string applicationId, string messageKey, Func<CancellationToken, Task<EmailMessage>> compose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compose);
        if (await ClaimAsync(applicationId, messageKey, cancellationToken) is not { } intent)
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

        intent.To = string.Join(", ", message.To);
        intent.Subject = message.Subject;
        intent.SendingAt = time.GetUtcNow();
        if (!await SaveAsync(intent, cancellationToken))
        {
            return false; // another attempt took the claim over while this one composed: it sends
        }

        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (EmailRejectedException rejected)
        {
            intent.Rejection = rejected.Message;
            await SaveAsync(intent, cancellationToken);
            await RecordRejectionAsync(intent, cancellationToken);
            return false;
        }
        catch (Exception e) when (e is EmailNotSentException || e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            // The service surely did not take it (it refused, or was never reached): withdraw the claim for the retry.
            // Any other failure may have come after SendGrid took the mail, so the claim stays (at most once).
            await WithdrawAsync(intent);
            throw;
        }

        intent.SentAt = time.GetUtcNow();
        await SaveAsync(intent, cancellationToken);
        return true;
    }

    /// <summary>The intent's row for this attempt to send; null when the mail went (or may have gone) out before.</summary>
    async Task<OutboxEntity?> ClaimAsync(string applicationId, string messageKey, CancellationToken cancellationToken)
    {
        var intent = new OutboxEntity { PartitionKey = applicationId, RowKey = messageKey, ClaimedAt = time.GetUtcNow() };
        try
        {
            var added = await storage.Outbox.AddEntityAsync(intent, cancellationToken);
            intent.ETag = added.Headers.ETag ?? ETag.All;
            return intent;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = await storage.Outbox.GetEntityIfExistsAsync<OutboxEntity>(applicationId, messageKey, cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            return await ClaimAsync(applicationId, messageKey, cancellationToken); // withdrawn a moment ago
        }

        var claim = existing.Value!;
        if (claim.SendingAt is { } sending)
        {
            if (claim.SentAt is null && claim.Rejection is null && claim.UncertainAt is null)
            {
                await ReportCutShortAsync(claim, sending, cancellationToken);
            }

            return null;
        }

        // Claimed, never handed to SendGrid: the attempt that claimed it died composing (a crash of the host). Take it
        // over under its ETag, so that of two attempts only one goes on.
        claim.ClaimedAt = time.GetUtcNow();
        return await SaveAsync(claim, cancellationToken) ? claim : null;
    }

    /// <summary>Writes the row under the ETag this attempt holds; false when another attempt wrote it in between.</summary>
    async Task<bool> SaveAsync(OutboxEntity intent, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await storage.Outbox.UpdateEntityAsync(intent, intent.ETag, TableUpdateMode.Replace, cancellationToken);
            intent.ETag = saved.Headers.ETag ?? ETag.All;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    async Task WithdrawAsync(OutboxEntity intent)
    {
        try
        {
            await storage.Outbox.DeleteEntityAsync(intent.PartitionKey, intent.RowKey, intent.ETag, CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // Another attempt holds the claim now.
        }
    }

    /// <summary>
    /// A hand-over with no outcome: while it is young, another attempt may still be in SendGrid's hands (an activity runs at
    /// least once), so this attempt fails and its retry looks again; past the longest a send can take, its host died
    /// during the call. Whether SendGrid took the mail cannot be known, so it is not sent again; the audit trail records
    /// it and the staff are told (once) to make sure.
    /// </summary>
    async Task ReportCutShortAsync(OutboxEntity claim, DateTimeOffset sending, CancellationToken cancellationToken)
    {
        var email = options.Value;
        var longestSend = (email.MaxRetryAfter * email.SendAttempts) + TimeSpan.FromSeconds(30);
        if (time.GetUtcNow() - sending < longestSend)
        {
            throw new EmailNotSentException($"Mail {claim.RowKey} of {claim.PartitionKey} is being handed to SendGrid by another attempt; looking again later.");
        }

        claim.UncertainAt = time.GetUtcNow();
        if (!await SaveAsync(claim, cancellationToken))
        {
            return; // another attempt reported it a moment ago
        }

        MailUncertain(logger, claim.PartitionKey, claim.RowKey);
        await applications.RecordEventAsync(
            claim.PartitionKey, "MailUncertain", "email", $"{claim.RowKey} → {claim.To}", claim.ClaimedAt, $"uncertain-{claim.RowKey}", cancellationToken);
        await NoticeToStaffAsync(claim, EmailKind.MailUncertain, UncertainNoticePrefix, [claim.Subject, claim.To, claim.RowKey], cancellationToken);
    }

    /// <summary>Tells the staff about a mail of this application, once; not about their own notices (the log and trail say it).</summary>
    async Task NoticeToStaffAsync(OutboxEntity about, EmailKind kind, string prefix, IReadOnlyList<string> details, CancellationToken cancellationToken)
    {
        if (about.RowKey.StartsWith(RejectionNoticePrefix, StringComparison.Ordinal) || about.RowKey.StartsWith(UncertainNoticePrefix, StringComparison.Ordinal)
            || await applications.FindAsync(about.PartitionKey, cancellationToken) is not { } application)
        {
            return;
        }

        var notice = EmailTemplates.Render(kind, application, details, options.Value);
        if (notice.To.Count > 0)
        {
            await SendOnceAsync(about.PartitionKey, prefix + about.RowKey, notice, cancellationToken);
        }
    }

    /// <summary>The refusal goes into the application's audit trail, and the staff are told (once) to reach the firm another way.</summary>
    async Task RecordRejectionAsync(OutboxEntity intent, CancellationToken cancellationToken)
    {
        MailRejected(logger, intent.PartitionKey, intent.RowKey, intent.Rejection!);
        await applications.RecordEventAsync(
            intent.PartitionKey, "MailRejected", "email", $"{intent.RowKey} → {intent.To}: {intent.Rejection}", intent.ClaimedAt, $"mail-{intent.RowKey}", cancellationToken);
        await NoticeToStaffAsync(intent, EmailKind.MailRejected, RejectionNoticePrefix, [intent.Subject, intent.To, intent.Rejection!], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId}: mail {MailKey} was cut short while handed to SendGrid; not sent again, staff told")]
    static partial void MailUncertain(ILogger logger, string applicationId, string mailKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId}: mail {MailKey} refused for good: {Answer}")]
    static partial void MailRejected(ILogger logger, string applicationId, string mailKey, string answer);
}
