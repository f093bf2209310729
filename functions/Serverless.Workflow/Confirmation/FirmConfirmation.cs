using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Confirmation;

/// <summary>What became of a confirmation.</summary>
public abstract record ConfirmationOutcome
{
    /// <summary>Confirmed now, or before (a second click), or started before confirmation existed (no time then).</summary>
    public sealed record Confirmed(DateTimeOffset? At) : ConfirmationOutcome;

    /// <summary>The application ended (expired unconfirmed, terminated) before the firm confirmed.</summary>
    public sealed record Ended(ApplicationStatus Status) : ConfirmationOutcome;

    /// <summary>Another application of the firm, confirmed earlier and still open, holds the firm's slot.</summary>
    public sealed record SlotHeld(string ApplicationId) : ConfirmationOutcome;
}

/// <summary>
/// The firm confirms its application: it takes the firm's one open-application slot and lets the workflow go on.
/// Confirming twice confirms once.
/// </summary>
public sealed class FirmConfirmation(ApplicationStore applications, WorkflowStorage storage, TimeProvider time)
{
    public async Task<ConfirmationOutcome> ConfirmAsync(ApplicationEntity application, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(durable);
        if (application.ConfirmedAt is not null || application.WorkflowVersion < 3)
        {
            return new ConfirmationOutcome.Confirmed(application.ConfirmedAt);
        }

        if (application.CurrentStatus.IsTerminal())
        {
            return new ConfirmationOutcome.Ended(application.CurrentStatus);
        }

        var holder = await OpenApplicationGuard.TakeAsync(storage, applications, time, application, cancellationToken);
        if (holder != application.ApplicationId)
        {
            return new ConfirmationOutcome.SlotHeld(holder);
        }

        // The event first: raised twice it is harmless (the workflow waits for one), while a confirmation recorded but
        // never raised would leave the application to expire. And only to a started instance: the engine discards an
        // event that reaches the instance before its start does ("no such instance"), which the demo data, confirming
        // the moment after intake, met. A firm's own link comes from the receipt mail, which the started instance sent.
        await durable.WaitForInstanceStartAsync(application.ApplicationId, cancellationToken);
        var now = time.GetUtcNow();
        await durable.RaiseEventAsync(application.ApplicationId, WorkflowEvents.ApplicationConfirmed, new ApplicationConfirmed(now), cancellationToken);
        await applications.MarkConfirmedAsync(application.ApplicationId, now, cancellationToken);
        return new ConfirmationOutcome.Confirmed(now);
    }
}
