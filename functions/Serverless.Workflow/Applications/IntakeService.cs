using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Applications;

/// <summary>What became of a submission.</summary>
public abstract record SubmissionOutcome
{
    /// <summary>Accepted (first time or a retry of the same submission): the application and a firm access token.</summary>
    public sealed record Accepted(ApplicationEntity Application, string AccessToken) : SubmissionOutcome;

    /// <summary>The firm already has an open application in this programme.</summary>
    public sealed record AlreadyOpen(string ApplicationId) : SubmissionOutcome;

    /// <summary>The address has been sent as many receipt mails today as one address may be.</summary>
    public sealed record TooManyForAddress : SubmissionOutcome;

    /// <summary>The Idempotency-Key was used for a different body.</summary>
    public sealed record KeyReused : SubmissionOutcome;

    /// <summary>No call of the programme is open now; <paramref name="Next"/> is the next to open, if any.</summary>
    public sealed record NoOpenCall(CallSummary? Next) : SubmissionOutcome;

    /// <summary>The open call takes firms of other mini-clusters only.</summary>
    public sealed record NotEligible(CallSummary Call) : SubmissionOutcome;

    /// <summary>The open call has taken as many applications as it may.</summary>
    public sealed record CallFull(CallSummary Call) : SubmissionOutcome;
}

/// <summary>
/// Submits an application exactly once: one application row, one receipt number, one orchestration (instance id =
/// applicationId), whatever fails on the way and however often the firm retries.
/// </summary>
public sealed class IntakeService(
    WorkflowStorage storage, ApplicationStore applications, ReceiptNumbers receipts, ReceiptMailLimit receiptMails, FirmAccess access,
    CallSeats seats, IOptions<DurableOptions> durableOptions, TimeProvider time)
{
    public async Task<SubmissionOutcome> SubmitAsync(
        ApplicationForm form, string requestHash, string? idempotencyKey, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(durable);
        var now = time.GetUtcNow();
        IdempotencyEntity? claim = null;
        if (idempotencyKey is not null)
        {
            claim = await ClaimKeyAsync(Tokens.Hash(idempotencyKey), requestHash, now, cancellationToken);
            if (claim is null)
            {
                return new SubmissionOutcome.KeyReused();
            }

            if (claim.Completed && await applications.FindAsync(claim.ApplicationId, cancellationToken) is { } done)
            {
                return new SubmissionOutcome.Accepted(done, await access.IssueAsync(done.ApplicationId, cancellationToken));
            }
        }

        var applicationId = claim?.ApplicationId ?? ApplicationIds.New();
        // The programme's calls are read side by side with the firm's open application: two reads, one wait.
        var calls = seats.NowAsync(form.Programme, now, cancellationToken);
        var holding = OpenApplicationGuard.HolderAsync(storage, applications, time, form.Programme, form.Firm.BusinessRegistrationNumber, cancellationToken);
        await Task.WhenAll(calls, holding);
        if (await holding is { } holder && holder != applicationId)
        {
            await ReleaseKeyAsync(claim, cancellationToken);
            return new SubmissionOutcome.AlreadyOpen(holder);
        }

        // An application row is only ever written after its key's row holds the receipt number: without a number (a new
        // key, or none) there is no earlier attempt's application to find, and the read is saved.
        var earlier = claim?.ReceiptNumber is null ? null : await applications.FindAsync(applicationId, cancellationToken);
        var application = earlier;
        if (application is null)
        {
            var (call, refused) = await PlaceInCallAsync(form, applicationId, await calls, now, cancellationToken);
            if (refused is not null)
            {
                await ReleaseKeyAsync(claim, cancellationToken);
                return refused;
            }

            application = await NewApplicationAsync(form, applicationId, call!.CallId, requestHash, claim, now, cancellationToken);
        }

        // From the first write of the application on, a client that goes away does not stop the rest: a half-done
        // submission would wait for a retry with the same key to finish it.
        var token = access.IssueAsync(applicationId, CancellationToken.None);
        await applications.CreateAsync(application, CancellationToken.None);
        await StartWorkflowAsync(durable, applicationId, resuming: earlier is not null, CancellationToken.None);
        if (claim is not null)
        {
            claim.Completed = true;
            await storage.Idempotency.UpdateEntityAsync(claim, ETag.All, TableUpdateMode.Replace, CancellationToken.None);
        }

        return new SubmissionOutcome.Accepted(application, await token);
    }

    /// <summary>
    /// The open call's place for a new application, or why there is none. The receipt mail is counted before the place
    /// is taken: a place taken by a submission then refused would be a place no application ever fills.
    /// </summary>
    async Task<(CallSummary? Call, SubmissionOutcome? Refused)> PlaceInCallAsync(
        ApplicationForm form, string applicationId, ProgrammeCalls calls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (open, next) = calls;
        if (open is null)
        {
            return (null, new SubmissionOutcome.NoOpenCall(next));
        }

        if (!open.Takes(form.Firm.MiniCluster))
        {
            return (null, new SubmissionOutcome.NotEligible(open));
        }

        if (!await receiptMails.TryCountAsync(form.Firm.Email, applicationId, cancellationToken))
        {
            return (null, new SubmissionOutcome.TooManyForAddress());
        }

        return await seats.TakeAsync(open, applicationId, now, cancellationToken) switch
        {
            SeatResult.Taken => (open, null),
            SeatResult.Full => (null, new SubmissionOutcome.CallFull(open)),
            _ => (null, new SubmissionOutcome.NoOpenCall(next)),
        };
    }

    async Task<ApplicationEntity> NewApplicationAsync(
        ApplicationForm form, string applicationId, string callId, string requestHash, IdempotencyEntity? claim, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var receiptNumber = claim?.ReceiptNumber;
        if (receiptNumber is null)
        {
            receiptNumber = await receipts.NextAsync(form.Programme, now, cancellationToken);
            if (claim is not null)
            {
                receiptNumber = await RememberReceiptAsync(claim, receiptNumber, cancellationToken);
            }
        }

        return new ApplicationEntity
        {
            PartitionKey = applicationId,
            Programme = form.Programme,
            ReceiptNumber = receiptNumber,
            CallId = callId,
            Language = form.Language,
            FirmName = form.Firm.Name,
            BusinessRegistrationNumber = form.Firm.BusinessRegistrationNumber,
            FirmEmail = form.Firm.Email,
            MiniCluster = form.Firm.MiniCluster,
            FormJson = JsonSerializer.Serialize(form, Http.Json.Options),
            RequestHash = requestHash,
            SubmittedAt = now,
            UpdatedAt = now,
            WorkflowVersion = durableOptions.Value.WorkflowVersion,
        };
    }

    /// <summary>
    /// Writes the receipt number into the key's row before the application is written, so a retry reuses it. When a
    /// concurrent request with the same key got there first, its number is the one (ours is then a gap, the price of
    /// two simultaneous requests with one key).
    /// </summary>
    async Task<string> RememberReceiptAsync(IdempotencyEntity claim, string receiptNumber, CancellationToken cancellationToken)
    {
        claim.ReceiptNumber = receiptNumber;
        try
        {
            await storage.Idempotency.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, cancellationToken);
            return receiptNumber;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            var current = (await storage.Idempotency.GetEntityAsync<IdempotencyEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken)).Value;
            if (current.ReceiptNumber is not null)
            {
                claim.ETag = current.ETag;
                return current.ReceiptNumber;
            }

            claim.ETag = current.ETag;
            return await RememberReceiptAsync(claim, receiptNumber, cancellationToken);
        }
    }

    /// <summary>The key's row: ours (new or resumed), or null when the key was used for another body.</summary>
    async Task<IdempotencyEntity?> ClaimKeyAsync(string keyHash, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = new IdempotencyEntity
        {
            PartitionKey = keyHash,
            RequestHash = requestHash,
            ApplicationId = ApplicationIds.New(),
            CreatedAt = now,
        };
        try
        {
            var added = await storage.Idempotency.AddEntityAsync(fresh, cancellationToken);
            fresh.ETag = added.Headers.ETag ?? ETag.All;
            return fresh;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = (await storage.Idempotency.GetEntityAsync<IdempotencyEntity>(keyHash, IdempotencyEntity.Row, cancellationToken: cancellationToken)).Value;
            if (now - existing.CreatedAt > IdempotencyEntity.Window)
            {
                // Older than the 24-hour window: the key starts afresh. Of two requests renewing it at once one wins
                // the ETag; the other reads the renewed key again (the same body: the same application; another: 409).
                try
                {
                    await storage.Idempotency.UpdateEntityAsync(fresh, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                catch (RequestFailedException lost) when (lost.Status == 412)
                {
                }

                return await ClaimKeyAsync(keyHash, requestHash, now, cancellationToken);
            }

            return existing.RequestHash == requestHash ? existing : null;
        }
    }

    async Task ReleaseKeyAsync(IdempotencyEntity? claim, CancellationToken cancellationToken)
    {
        if (claim is { Completed: false })
        {
            await storage.Idempotency.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, ETag.All, cancellationToken);
        }
    }

    /// <summary>
    /// Starts the application's orchestration unless an earlier attempt did. When resuming, that is checked first:
    /// the engine does not refuse a second start of a running instance, it would run two executions into one
    /// history. A new application cannot have an orchestration yet, and the check costs the engine a table query.
    /// </summary>
    async Task StartWorkflowAsync(DurableTaskClient durable, string applicationId, bool resuming, CancellationToken cancellationToken)
    {
        if (resuming && await durable.GetInstanceAsync(applicationId, cancellationToken) is not null)
        {
            return;
        }

        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(SupportApplicationOrchestrator),
            new ApplicationStarted(applicationId, durableOptions.Value.WorkflowVersion),
            new StartOrchestrationOptions(applicationId) { Version = WorkflowVersions.Name(durableOptions.Value.WorkflowVersion) },
            cancellationToken);
    }
}
