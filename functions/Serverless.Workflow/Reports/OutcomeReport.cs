using Serverless.Workflow.Calls;
using Serverless.Workflow.Firms;

namespace Serverless.Workflow.Reports;

/// <summary>
/// A call's or a year's outcomes (docs/api.md, Reports): what the programme reports every year. Counts are keyed by
/// the API's words (statuses, growth stages, tracks, support types, expert sectors); money is in won; days are from
/// submission, to one decimal; a figure nothing could give yet is null. <see cref="SupportTypes"/> names the
/// catalogue's support types in Korean and English (by the difficulty they answer), for the page and the spreadsheet.
/// </summary>
public sealed record OutcomeReport(
    OutcomeScope Scope,
    int Applications,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByMiniCluster,
    IReadOnlyDictionary<string, int> ByGrowthStage,
    IReadOnlyDictionary<string, int> ByTrack,
    int FirmsSupported,
    IReadOnlyDictionary<string, int> TasksBySupportType,
    IReadOnlyDictionary<string, int> TasksBySector,
    BudgetOutcome Budget,
    FeedbackOutcome Feedback,
    double? MedianDaysToApproval,
    double? MedianDaysToCompletion,
    int SlaBreaches,
    IReadOnlyList<Choice> SupportTypes);

/// <summary>What the report covers: one call, or the calls that opened in a year (Korea time).</summary>
public sealed record OutcomeScope(string? CallId, int? Year, IReadOnlyList<CallTitleOf> Calls);

public sealed record CallTitleOf(string CallId, CallTitle Title);

/// <summary>The calls' budgets and what became of them, in total and by support type.</summary>
public sealed record BudgetOutcome(long BudgetKrw, long CommittedKrw, long SpentKrw, IReadOnlyDictionary<string, SupportTypeBudget> BySupportType);

public sealed record SupportTypeBudget(long CommittedKrw, long SpentKrw);

/// <summary>Firms asked for their rating (their application reached the feedback request), those that gave one, and the mean rating.</summary>
public sealed record FeedbackOutcome(int Asked, int Responses, double? ResponseRate, double? AverageRating);
