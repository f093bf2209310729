using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;

namespace Serverless.Workflow.Completion;

/// <summary>
/// <c>POST /api/applications/{id}/feedback</c> (docs/api.md, Firms): the firm rates the support from its page, which
/// the feedback mail opens, with its bearer credential and the feedback form (<c>rating</c>, <c>comment</c>). It is
/// decided through the application's live feedback link (issued, never mailed), whose one use makes the first rating stand.
/// </summary>
public sealed class FirmFeedbackHandler(FirmAccess access, LinkStore links, LinkHandlers linkHandlers, TimeProvider time)
{
    public async Task<IResult> GiveAsync(HttpRequest request, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (firm, refusal) = await access.AuthorizeAsync(request, applicationId, cancellationToken);
        if (firm is null)
        {
            return refusal!;
        }

        var application = firm.Application;

        var now = time.GetUtcNow();
        var asked = application.CurrentStatus == ApplicationStatus.AwaitingFeedback
            ? (await links.ListAsync(applicationId, cancellationToken)).LastOrDefault(link => link.Purpose == nameof(LinkPurpose.Feedback) && link.IsLive(now))
            : null;
        return asked is null
            ? Problems.Conflict("No feedback is asked for now: it was given already, or its time has passed.")
            : await linkHandlers.DecideAsync(request, asked, durable, cancellationToken);
    }
}
