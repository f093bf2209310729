using System.Globalization;
using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Confirmation;

/// <summary>
/// Step 0 (docs/workflow.md, from version 3): the receipt mail carries the firm's personal link, and nothing else
/// happens (no other mail, no slot held) until the firm confirms from it, or <see cref="WorkflowOptions.ConfirmationDeadline"/> passes.
/// </summary>
internal static class ConfirmationStep
{
    /// <returns>True once the firm has confirmed; false when the deadline passed first.</returns>
    public static async Task<bool> AwaitAsync(TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow)
    {
        var deadline = context.CurrentUtcDateTime + workflow.ConfirmationDeadline;
        steps.SetPending(ApplicationStatus.Submitted, PendingKinds.Confirmation, deadline);
        var confirmBy = new DateTimeOffset(deadline, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
        await steps.MailAsync(EmailKind.Receipt, "receipt", [confirmBy]);

        var confirmed = await context.ArrivesByAsync(
            context.WaitForExternalEvent<ApplicationConfirmed>(WorkflowEvents.ApplicationConfirmed), deadline);
        steps.SetPending(ApplicationStatus.Submitted, null, null);
        return confirmed;
    }
}
