using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Screening;

namespace Serverless.Workflow.Documents;

/// <summary>
/// Waits for the required documents (docs/workflow.md, step 1): one mail listing what is missing, a screening after each
/// upload, one reminder at <see cref="WorkflowOptions.DocumentsReminderAfter"/>, until the deadline.
/// </summary>
internal static class DocumentsStep
{
    /// <returns>True once every required document is there; false when the deadline passed first.</returns>
    public static async Task<bool> AwaitAsync(
        TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow, IReadOnlyList<DocumentKind> missing)
    {
        var deadline = context.CurrentUtcDateTime + workflow.DocumentsDeadline;
        var reminderAt = context.CurrentUtcDateTime + workflow.DocumentsReminderAfter;
        await steps.RecordAsync(ApplicationStatus.AwaitingDocuments, pendingKind: PendingKinds.Documents, dueAt: deadline);
        await steps.MailAsync(EmailKind.MissingDocuments, "missing-documents", Names(missing));

        var reminded = reminderAt >= deadline;

        // One waiter at a time: a new one only after the last has fired, or an event could go to a stale waiter.
        // Every wake-up screens again, so documents whose upload event was lost still count.
        var upload = context.WaitForExternalEvent<DocumentsUpdated>(WorkflowEvents.DocumentsUpdated);
        while (context.CurrentUtcDateTime < deadline)
        {
            var uploaded = await context.ArrivesByAsync(upload, reminded ? deadline : reminderAt);
            missing = (await steps.ScreenAsync()).Missing;
            if (missing.Count == 0)
            {
                return true;
            }

            if (uploaded)
            {
                upload = context.WaitForExternalEvent<DocumentsUpdated>(WorkflowEvents.DocumentsUpdated);
            }
            else if (!reminded)
            {
                reminded = true;
                await steps.MailAsync(EmailKind.DocumentsReminder, "documents-reminder", Names(missing));
            }
            else
            {
                break;
            }
        }

        return false;
    }

    static string[] Names(IReadOnlyList<DocumentKind> kinds) => [.. kinds.Select(k => k.ToString())];
}
