using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Matching;

/// <summary>How an offer (or an admin's manual assignment) of a task ended.</summary>
public sealed record OfferOutcome(string ApplicationId, string TaskId, int Offer, OfferAnswered Answer);

/// <summary>
/// Records how an offer ended. Accepted (the load was taken when the expert accepted): the task is the expert's.
/// Otherwise the offer's link stops working, a load taken by an acceptance that came too late is given back, and an
/// expert who declined or let the offer lapse is passed over for this task (docs/workflow.md). Idempotent.
/// </summary>
public sealed class AnswerOfferActivity(
    ApplicationStore applications, AssignmentStore assignments, ExpertStore experts, ExpertLoads loads, LinkStore links)
    : TaskActivity<OfferOutcome, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, OfferOutcome input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var answer = input.Answer;
        var assignment = await assignments.FindAsync(input.ApplicationId, input.TaskId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Task {input.TaskId} of {input.ApplicationId} was never offered.");
        if (answer.Result == OfferResult.Accepted)
        {
            var expert = await experts.FindAsync(answer.ExpertId, CancellationToken.None);
            (assignment.Status, assignment.ExpertId, assignment.ExpertName, assignment.AcceptedAt) =
                (nameof(AssignmentStatus.Active), answer.ExpertId, expert?.Name ?? answer.ExpertId, answer.At);
        }
        else
        {
            // Revoke first, then look for a load: an acceptance racing this lapse either sees its link revoked and
            // gives its load back itself, or took the load before, and it is given back here.
            await links.RevokeAsync(
                input.ApplicationId,
                link => link.Purpose == nameof(LinkPurpose.AssignmentOffer) && link.TaskId == input.TaskId && link.Round == input.Offer,
                CancellationToken.None);
            await loads.ReleaseAsync(input.ApplicationId, input.TaskId, answer.ExpertId, CancellationToken.None);
            assignment.OfferedTo = "";
            if (answer.Result is OfferResult.Declined or OfferResult.Lapsed)
            {
                assignment.PassedOver = string.Join(",", assignment.PassedOverIds.Append(answer.ExpertId).Distinct());
            }
        }

        await assignments.SaveAsync(assignment, CancellationToken.None);
        await applications.RecordEventAsync(
            input.ApplicationId, $"Offer{answer.Result}", $"expert:{answer.ExpertId}", answer.Comment is null ? input.TaskId : $"{input.TaskId}: {answer.Comment}",
            answer.At, $"offer-{input.TaskId}-{input.Offer}", CancellationToken.None);
        return true;
    }
}

/// <summary>How the orchestrator runs <see cref="AnswerOfferActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class AnswerOfferCall
{
    public static Task<bool> AnswerOfferAsync(this StatusSteps steps, OfferOutcome outcome) =>
        steps.CallAsync<bool>(nameof(AnswerOfferActivity), outcome);
}
