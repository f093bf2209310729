using System.Text.Json;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Firms;
using Serverless.Workflow.Http;
using Serverless.Workflow.Matching;

namespace Serverless.Workflow.Reports;

/// <summary>What is stored of one application: its row, its audit trail and its tasks.</summary>
public sealed record ApplicationFacts(ApplicationEntity Application, IReadOnlyList<ApplicationEventEntity> Events, IReadOnlyList<AssignmentEntity> Tasks);

/// <summary>
/// The outcome report's figures from stored facts only (<see cref="OutcomeReportBuilder"/> reads them): the
/// applications' rows, audit trails and tasks, the calls and their share rows. Nothing here reads an orchestration,
/// so the figures stay what they were when an application is terminated or its engine history purged.
/// </summary>
public static class OutcomeFigures
{
    /// <param name="sectors">Each expert's sector by expert id; a task of an expert since removed counts as <c>Unknown</c>.</param>
    /// <param name="supportTypes">The support types' names, handed on to the report.</param>
    public static OutcomeReport Compute(
        OutcomeScope scope, IReadOnlyList<CallEntity> calls, IReadOnlyList<ApplicationFacts> applications,
        IReadOnlyList<BudgetShareEntity> shares, IReadOnlyDictionary<string, string> sectors, IReadOnlyList<Choice> supportTypes)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentNullException.ThrowIfNull(sectors);
        var diagnosed = applications.Select(a => Diagnosis(a.Application)).OfType<DiagnosisResult>().ToList();
        var carriedOut = applications.SelectMany(a => a.Tasks.Where(t => t.CurrentStatus == AssignmentStatus.Completed)).ToList();
        var asked = applications.Where(a => Reached(a, ApplicationStatus.AwaitingFeedback) is not null).ToList();
        var ratings = asked.Select(a => FeedbackView.Latest(a.Events)).OfType<FeedbackView>().Select(f => f.Rating).ToList();
        var budgetByType = shares
            .Where(s => s.CurrentState != ShareState.Returned)
            .SelectMany(s => JsonSerializer.Deserialize<List<TaskShare>>(s.TasksJson, Json.Options)!.Select(t => (t.SupportType, t.ProgrammeShareKrw, s.CurrentState)))
            .GroupBy(t => t.SupportType, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new SupportTypeBudget(
                    g.Where(t => t.CurrentState == ShareState.Committed).Sum(t => t.ProgrammeShareKrw),
                    g.Where(t => t.CurrentState == ShareState.Spent).Sum(t => t.ProgrammeShareKrw)),
                StringComparer.Ordinal);
        return new OutcomeReport(
            scope,
            applications.Count,
            Count(applications.Select(a => a.Application.Status)),
            Count(applications.Select(a => a.Application.MiniCluster ?? "(none)")),
            Count(diagnosed.Select(d => d.GrowthStage.ToString())),
            Count(diagnosed.Select(d => d.Track.ToString())),
            applications.Where(a => a.Tasks.Any(t => t.CurrentStatus == AssignmentStatus.Completed))
                .Select(a => a.Application.BusinessRegistrationNumber).Distinct(StringComparer.Ordinal).Count(),
            Count(carriedOut.Select(t => t.SupportType)),
            Count(carriedOut.Select(t => sectors.GetValueOrDefault(t.ExpertId, "Unknown"))),
            new BudgetOutcome(calls.Sum(c => c.BudgetKrw), calls.Sum(c => c.CommittedKrw), calls.Sum(c => c.SpentKrw), budgetByType),
            new FeedbackOutcome(
                asked.Count, ratings.Count,
                asked.Count == 0 ? null : Math.Round((double)ratings.Count / asked.Count, 3),
                ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2)),
            MedianDays(applications, ApplicationStatus.Approved),
            MedianDays(applications, ApplicationStatus.Completed),
            applications.Sum(a => a.Tasks.Count(t => t.SlaBreached)),
            supportTypes);
    }

    static DiagnosisResult? Diagnosis(ApplicationEntity application) =>
        application.DiagnosisJson is { } json ? JsonSerializer.Deserialize<DiagnosisReport>(json, Json.Options)!.Diagnosis : null;

    /// <summary>When the application first moved to <paramref name="status"/>, by its audit trail.</summary>
    static DateTimeOffset? Reached(ApplicationFacts facts, ApplicationStatus status) =>
        facts.Events.Where(e => e.ToStatus == status.ToString()).Select(e => (DateTimeOffset?)e.At).Min();

    static double? MedianDays(IReadOnlyList<ApplicationFacts> applications, ApplicationStatus status)
    {
        var days = applications
            .Select(a => Reached(a, status) is { } at ? (at - a.Application.SubmittedAt).TotalDays : (double?)null)
            .OfType<double>()
            .Order()
            .ToList();
        if (days.Count == 0)
        {
            return null;
        }

        var middle = days.Count / 2;
        return Math.Round(days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2, 1);
    }

    static Dictionary<string, int> Count(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
