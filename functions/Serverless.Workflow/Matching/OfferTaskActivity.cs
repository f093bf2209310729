using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Matching;

/// <summary>The <see cref="Offer"/>th offer of a task, open until <see cref="ExpiresAt"/>.</summary>
public sealed record OfferWanted(string ApplicationId, string TaskId, int Offer, DateTimeOffset ExpiresAt);

/// <summary>
/// Offers a task to the best candidate (docs/workflow.md, Who gets the work) with an <c>AssignmentOffer</c> link; returns
/// the expert, or null when nobody is left (the task is then Unmatched). A retry of the same offer re-sends nothing and
/// returns the expert chosen before; the link is issued only once the mail's intent is claimed.
/// </summary>
public sealed class OfferTaskActivity(
    ApplicationStore applications, AssignmentStore assignments, ExpertStore experts, LinkStore links, EmailOutbox outbox, IOptions<EmailOptions> options)
    : TaskActivity<OfferWanted, string?>
{
    public override async Task<string?> RunAsync(TaskActivityContext context, OfferWanted input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await applications.GetUnlessEndedAsync(input.ApplicationId, CancellationToken.None) is not { } application)
        {
            return null;
        }

        var task = ApplicationPlan.Task(application, input.TaskId)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} has no task {input.TaskId}.");
        var assignment = await assignments.FindAsync(input.ApplicationId, input.TaskId, CancellationToken.None)
            ?? new AssignmentEntity { PartitionKey = input.ApplicationId, RowKey = input.TaskId, Category = task.Category.ToString(), SupportType = task.SupportType };

        var expert = assignment.OfferNumber == input.Offer
            ? await experts.FindAsync(assignment.OfferedTo, CancellationToken.None)
            : await ChooseAsync(application, assignment, input.TaskId);
        if (expert is null)
        {
            assignment.Status = nameof(AssignmentStatus.Unmatched);
            await assignments.SaveAsync(assignment, CancellationToken.None);
            return null;
        }

        (assignment.Status, assignment.OfferNumber, assignment.OfferedTo) = (nameof(AssignmentStatus.Offered), input.Offer, expert.RowKey);
        await assignments.SaveAsync(assignment, CancellationToken.None);
        await outbox.SendOnceAsync(input.ApplicationId, $"offer-{input.TaskId}-{input.Offer}", async cancellationToken =>
        {
            var token = await links.IssueAsync(
                new LinkGrant(input.ApplicationId, LinkPurpose.AssignmentOffer, expert.RowKey, expert.Language, input.Offer, input.TaskId, input.ExpiresAt),
                cancellationToken);
            return ExpertMail.Render(ExpertMailKind.Offer, application, task, expert, options.Value.Link($"/api/links/{token}"), input.ExpiresAt);
        }, CancellationToken.None);
        return expert.RowKey;
    }

    async Task<ExpertEntity?> ChooseAsync(ApplicationEntity application, AssignmentEntity assignment, string taskId)
    {
        // Another task of this application counts from its offer on, so tasks matched side by side spread out.
        var others = (await assignments.ListAsync(application.ApplicationId, CancellationToken.None))
            .Where(a => a.TaskId != taskId)
            .Select(a => a.CurrentStatus == AssignmentStatus.Offered ? a.OfferedTo : a.ExpertId)
            .Where(id => id.Length > 0)
            .ToHashSet();
        var ranked = ExpertRanking.Rank(
            await experts.ListAsync(CancellationToken.None),
            Enum.Parse<DifficultyCategory>(assignment.Category),
            new MatchingFirm(application.BusinessRegistrationNumber, application.FirmName),
            assignment.PassedOverIds,
            others);
        return ranked.Count > 0 ? ranked[0] : null;
    }
}

/// <summary>How the orchestrator runs <see cref="OfferTaskActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class OfferTaskCall
{
    public static Task<string?> OfferTaskAsync(this StatusSteps steps, OfferWanted wanted) =>
        steps.CallAsync<string?>(nameof(OfferTaskActivity), wanted);
}
