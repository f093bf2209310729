using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Diagnosis;

public sealed record PlanTask(
    string TaskId,
    DifficultyCategory Category,
    string SupportType,
    string Description,
    bool Recommended,
    long BudgetKrw,
    long ProgrammeShareKrw,
    long FirmShareKrw,
    DifficultyCategory ExpertField);

public sealed record SupportPlanResult(
    IReadOnlyList<PlanTask> Tasks, decimal ProgrammeShareRate, long TotalBudgetKrw, long TotalProgrammeShareKrw, long TotalFirmShareKrw);

/// <summary>The support plan, exactly by the rules of docs/workflow.md: the firm's difficulties, then its weakest dimension.</summary>
public static class SupportPlan
{
    static readonly Dictionary<string, DifficultyCategory> CategoryOfDimension = new()
    {
        [Dimensions.Rnd] = DifficultyCategory.Technology,
        [Dimensions.Commercialization] = DifficultyCategory.Production,
        [Dimensions.Marketing] = DifficultyCategory.Marketing,
        [Dimensions.People] = DifficultyCategory.Training,
        [Dimensions.Finance] = DifficultyCategory.Finance,
        [Dimensions.Management] = DifficultyCategory.Management,
    };

    public static SupportPlanResult Make(ApplicationForm form, DiagnosisResult diagnosis, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(diagnosis);
        ArgumentNullException.ThrowIfNull(options);
        var needs = form.Difficulties
            .GroupBy(d => d.Category)
            .Select(g => (Category: g.Key, Description: string.Join("\n", g.Select(d => d.Description)), Recommended: false))
            .ToList();
        var weakest = CategoryOfDimension[diagnosis.Weaknesses[0]];
        if (needs.All(n => n.Category != weakest))
        {
            needs.Add((weakest, WeaknessDescription(diagnosis.Weaknesses[0], form.Language), true));
        }

        var rate = RateFor(Rubric.Latest(form).RevenueKrw, options);
        var tasks = needs.Select((need, i) =>
        {
            var offer = need.Category == DifficultyCategory.Technology && form.Technology.Trl <= options.EarlyTechnologyUpToTrl
                ? options.EarlyTechnology
                : options.Catalogue[need.Category];
            var programmeShare = (long)Math.Round(offer.BudgetKrw * rate, MidpointRounding.AwayFromZero);
            return new PlanTask($"T{i + 1}", need.Category, offer.SupportType, need.Description, need.Recommended,
                offer.BudgetKrw, programmeShare, offer.BudgetKrw - programmeShare, need.Category);
        }).ToList();
        return new SupportPlanResult(tasks, rate, tasks.Sum(t => t.BudgetKrw), tasks.Sum(t => t.ProgrammeShareKrw), tasks.Sum(t => t.FirmShareKrw));
    }

    static decimal RateFor(long latestRevenue, PlanOptions options) =>
        options.ShareBands.FirstOrDefault(b => latestRevenue <= b.UpToRevenueKrw)?.Rate ?? options.RateAboveBands;

    static string WeaknessDescription(string dimension, string language) => language == "en"
        ? $"Recommended by the diagnosis: strengthen the weakest area ({DimensionLabels.English[dimension]})."
        : $"진단 결과 가장 취약한 분야({DimensionLabels.Korean[dimension]}) 보완을 위한 권장 과제";
}

/// <summary>How the dimensions are named to firms.</summary>
public static class DimensionLabels
{
    public static readonly IReadOnlyDictionary<string, string> Korean = new Dictionary<string, string>
    {
        [Dimensions.Rnd] = "연구개발", [Dimensions.Commercialization] = "사업화", [Dimensions.Marketing] = "마케팅",
        [Dimensions.People] = "인력", [Dimensions.Finance] = "재무", [Dimensions.Management] = "경영",
    };

    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        [Dimensions.Rnd] = "R&D", [Dimensions.Commercialization] = "commercialisation", [Dimensions.Marketing] = "marketing",
        [Dimensions.People] = "people", [Dimensions.Finance] = "finance", [Dimensions.Management] = "management",
    };
}
