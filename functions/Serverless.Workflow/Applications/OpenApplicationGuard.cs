using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Applications;

/// <summary>
/// One open application per firm (BRN) and programme. A row in ApplicationIndex, partition <c>open:{programme}</c>,
/// row key the BRN's digits, names the firm's current application; inserting it is the atomic claim. A row whose
/// application has ended is taken over (under its ETag), so nothing has to remember to release it.
/// </summary>
public static class OpenApplicationGuard
{
    /// <summary>How long a slot whose application row is not written yet counts as taken (a submission in flight).</summary>
    static readonly TimeSpan InFlight = TimeSpan.FromMinutes(1);

    /// <summary>Claims the firm's slot for <paramref name="applicationId"/>; returns the id that holds it now.</summary>
    public static async Task<string> TakeAsync(
        WorkflowStorage storage, ApplicationStore applications, TimeProvider time, ApplicationForm form, string applicationId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(form);
        var row = new TableEntity($"open:{form.Programme}", BusinessRegistrationNumber.Digits(form.Firm.BusinessRegistrationNumber))
        {
            ["ApplicationId"] = applicationId,
        };
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
                var holding = holder == applicationId ? null : await applications.FindAsync(holder, cancellationToken);
                var stillOpen = holding is not null
                    ? !holding.CurrentStatus.IsTerminal()
                    : time.GetUtcNow() - held.Timestamp < InFlight;
                if (holder == applicationId || stillOpen)
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
}
