using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Firms;
using Serverless.Workflow.Matching;

namespace Serverless.Workflow.Reports;

/// <summary>What became of a report asked for.</summary>
public abstract record OutcomeAnswer
{
    public sealed record Done(OutcomeReport Report) : OutcomeAnswer;

    /// <summary>No such call, or no call opened in the year.</summary>
    public sealed record NoCall(string Detail) : OutcomeAnswer;
}

/// <summary>
/// Reads the stored facts of a call's applications (or of every call opened in a year, Korea time) and hands them to
/// <see cref="OutcomeFigures"/>: the calls and their share rows, and for each application its seat row names, its row,
/// audit trail and tasks, read side by side a few at a time.
/// </summary>
public sealed class OutcomeReportBuilder(
    CallStore calls, CallSeats seats, CallBudget budget, ApplicationStore applications, AssignmentStore assignments, ExpertStore experts,
    IOptions<PlanOptions> plan)
{
    const int ReadsAtOnce = 8;

    public async Task<OutcomeAnswer> BuildAsync(string? callId, int? year, CancellationToken cancellationToken)
    {
        var all = await calls.ListAsync(cancellationToken);
        var chosen = callId is not null
            ? [.. all.Where(call => call.CallId == callId)]
            : all.Where(call => KoreaTime.DateOf(call.OpensAt).Year == year).ToList();
        if (chosen.Count == 0)
        {
            return new OutcomeAnswer.NoCall(callId is not null ? $"No call {callId}." : $"No call opened in {year}.");
        }

        var ids = new List<string>();
        var shares = new List<BudgetShareEntity>();
        foreach (var call in chosen)
        {
            ids.AddRange(await seats.ApplicationsAsync(call.CallId, cancellationToken));
            shares.AddRange(await budget.SharesAsync(call.CallId, cancellationToken));
        }

        var facts = new List<ApplicationFacts>();
        foreach (var batch in ids.Chunk(ReadsAtOnce))
        {
            facts.AddRange((await Task.WhenAll(batch.Select(id => FactsAsync(id, cancellationToken)))).OfType<ApplicationFacts>());
        }

        var sectors = (await experts.ListAsync(cancellationToken)).ToDictionary(e => e.RowKey, e => e.Sector, StringComparer.Ordinal);
        var scope = new OutcomeScope(callId, callId is null ? year : null, [.. chosen.Select(c => new CallTitleOf(c.CallId, new CallTitle(c.TitleKo, c.TitleEn)))]);
        return new OutcomeAnswer.Done(OutcomeFigures.Compute(scope, chosen, facts, shares, sectors, SupportTypes(plan.Value)));
    }

    /// <summary>Each support type of the catalogue named by the difficulty it answers (the early-technology one as such).</summary>
    static List<Choice> SupportTypes(PlanOptions plan)
    {
        var technology = ChoiceLabels.Categories[DifficultyCategory.Technology];
        return
        [
            .. plan.Catalogue.Select(offer => new Choice(offer.Value.SupportType, ChoiceLabels.Categories[offer.Key].Korean, ChoiceLabels.Categories[offer.Key].English)),
            new Choice(plan.EarlyTechnology.SupportType, $"{technology.Korean} (초기 기술개발)", $"{technology.English} (early development)"),
        ];
    }

    async Task<ApplicationFacts?> FactsAsync(string applicationId, CancellationToken cancellationToken)
    {
        // A seat is taken just before its application is written: a submission cut short in between has none.
        if (await applications.FindAsync(applicationId, cancellationToken) is not { } application)
        {
            return null;
        }

        var events = applications.EventsAsync(applicationId, cancellationToken);
        var tasks = assignments.ListAsync(applicationId, cancellationToken);
        return new ApplicationFacts(application, await events, await tasks);
    }
}
