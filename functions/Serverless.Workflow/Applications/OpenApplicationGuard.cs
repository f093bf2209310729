using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Applications;

/// <summary>
/// One open application per firm (BRN) and programme. A row in ApplicationIndex, partition <c>open:{programme}</c>,
/// row key the BRN's digits, names the firm's current application; inserting it is the atomic claim, made when the firm
/// confirms (intake only looks, so an unconfirmed application, which may not be the firm's, holds nothing). A row whose
/// application has ended is taken over (under its ETag), so nothing has to remember to release it.
/// </summary>
public static class OpenApplicationGuard
{
    /// <summary>How long a slot whose application row is not written yet counts as taken (a submission in flight).</summary>
    static readonly TimeSpan InFlight = TimeSpan.FromMinutes(1);

    /// <summary>The application that holds the firm's slot now (one not ended), or null when the slot is free.</summary>
    public static async Task<string?> HolderAsync(
        WorkflowStorage storage, ApplicationStore applications, TimeProvider time, string programme, string businessRegistrationNumber,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var row = SlotOf(programme, businessRegistrationNumber, "");
        var held = await storage.ApplicationIndex.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        return held.HasValue && await StillOpenAsync(applications, time, held.Value!, cancellationToken) ? held.Value!.GetString("ApplicationId") : null;
    }

    /// <summary>Claims the firm's slot for <paramref name="applicationId"/>; returns the id that holds it now.</summary>
    public static async Task<string> TakeAsync(WorkflowStorage storage, ApplicationStore applications, TimeProvider time, ApplicationEntity application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(application);
        var applicationId = application.ApplicationId;
        var row = SlotOf(application.Programme, application.BusinessRegistrationNumber, applicationId);
        while (true)
        {
            try
            {
                await storage.ApplicationIndex.AddEntityAsync(row, cancellationToken);
                return applicationId;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var held = (await storage.ApplicationIndex.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value;
                var holder = held.GetString("ApplicationId");
                if (holder == applicationId || await StillOpenAsync(applications, time, held, cancellationToken))
                {
                    return holder;
                }

                try
                {
                    await storage.ApplicationIndex.UpdateEntityAsync(row, held.ETag, TableUpdateMode.Replace, cancellationToken);
                    return applicationId;
                }
                catch (RequestFailedException conflict) when (conflict.Status == 412)
                {
                    // Someone else took the slot meanwhile: look again.
                }
            }
        }
    }

    static TableEntity SlotOf(string programme, string businessRegistrationNumber, string applicationId) =>
        new($"open:{programme}", BusinessRegistrationNumber.Digits(businessRegistrationNumber))
        {
            ["ApplicationId"] = applicationId,
        };

    /// <summary>A slot is held while its application has not ended, or briefly before that application's row is written.</summary>
    static async Task<bool> StillOpenAsync(ApplicationStore applications, TimeProvider time, TableEntity held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(time);
        var holding = await applications.FindAsync(held.GetString("ApplicationId"), cancellationToken);
        return holding is not null ? !holding.CurrentStatus.IsTerminal() : time.GetUtcNow() - held.Timestamp < InFlight;
    }
}
