using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;

namespace Serverless.Workflow.Confirmation;

/// <summary>What the firm's confirmation answers.</summary>
public sealed record ConfirmationView(string ApplicationId, ApplicationStatus Status, DateTimeOffset? ConfirmedAt);

/// <summary>
/// <c>POST /api/applications/{id}/confirm</c> (docs/api.md, Firms): the firm confirms with the personal link its receipt
/// mail carried (the access token alone does not), and takes its one open-application slot.
/// </summary>
public sealed class ConfirmationHandlers(FirmAccess access, FirmConfirmation confirmation)
{
    public async Task<IResult> ConfirmAsync(HttpRequest request, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var (firm, refusal) = await access.AuthorizeAsync(request, applicationId, cancellationToken);
        if (firm is null)
        {
            return refusal!;
        }

        var application = firm.Application;

        if (!firm.ByMailedLink)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Forbidden",
                "Only the personal link in the receipt mail confirms an application; the access token does not.");
        }

        return await confirmation.ConfirmAsync(application, durable, cancellationToken) switch
        {
            ConfirmationOutcome.Confirmed(var at) => ApiResults.Json(new ConfirmationView(applicationId, application.CurrentStatus, at)),
            ConfirmationOutcome.Ended(var status) => Problems.Conflict($"The application is {status}; it can no longer be confirmed."),
            ConfirmationOutcome.SlotHeld(var holder) => Problems.Conflict(
                "This firm already has an open application in this programme.", new Dictionary<string, object?> { ["applicationId"] = holder }),
            _ => throw new InvalidOperationException("An outcome of a confirmation without an answer."),
        };
    }
}
