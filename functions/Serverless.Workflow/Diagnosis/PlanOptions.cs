using System.ComponentModel.DataAnnotations;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Diagnosis;

/// <summary>What the programme offers per difficulty category (docs/workflow.md, Support plan).</summary>
public sealed class SupportOffer
{
    public string SupportType { get; set; } = "";

    public long BudgetKrw { get; set; }
}

/// <summary>Programme share of a task's budget for firms up to a revenue.</summary>
public sealed class ShareBand
{
    public long UpToRevenueKrw { get; set; }

    public decimal Rate { get; set; }
}

/// <summary>The support catalogue and the share bands; defaults are docs/workflow.md's tables.</summary>
public sealed class PlanOptions : IValidatableObject
{
    public const string Section = "Plan";

    public Dictionary<DifficultyCategory, SupportOffer> Catalogue { get; set; } = new()
    {
        [DifficultyCategory.Technology] = new() { SupportType = "TechnicalGuidance", BudgetKrw = 5_000_000 },
        [DifficultyCategory.Prototype] = new() { SupportType = "Prototyping", BudgetKrw = 15_000_000 },
        [DifficultyCategory.Production] = new() { SupportType = "ProcessImprovement", BudgetKrw = 10_000_000 },
        [DifficultyCategory.Marketing] = new() { SupportType = "Marketing", BudgetKrw = 8_000_000 },
        [DifficultyCategory.Export] = new() { SupportType = "ExportSupport", BudgetKrw = 10_000_000 },
        [DifficultyCategory.Finance] = new() { SupportType = "FinanceLinkage", BudgetKrw = 2_000_000 },
        [DifficultyCategory.IntellectualProperty] = new() { SupportType = "IntellectualProperty", BudgetKrw = 5_000_000 },
        [DifficultyCategory.Training] = new() { SupportType = "Training", BudgetKrw = 3_000_000 },
        [DifficultyCategory.Management] = new() { SupportType = "ManagementConsulting", BudgetKrw = 6_000_000 },
    };

    /// <summary>Technology difficulties of firms at TRL 3 or below get technology development instead of guidance.</summary>
    public SupportOffer EarlyTechnology { get; set; } = new() { SupportType = "TechnologyDevelopment", BudgetKrw = 20_000_000 };

    public int EarlyTechnologyUpToTrl { get; set; } = 3;

    /// <summary>Bands by latest revenue, rising; above the last, <see cref="RateAboveBands"/>.</summary>
    public List<ShareBand> ShareBands { get; set; } =
    [
        new() { UpToRevenueKrw = 300_000_000, Rate = 0.9m },
        new() { UpToRevenueKrw = 1_000_000_000, Rate = 0.8m },
        new() { UpToRevenueKrw = 5_000_000_000, Rate = 0.7m },
        new() { UpToRevenueKrw = 12_000_000_000, Rate = 0.5m },
    ];

    public decimal RateAboveBands { get; set; } = 0.3m;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var missing = Enum.GetValues<DifficultyCategory>().Where(c => !Catalogue.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            yield return new ValidationResult($"Plan:Catalogue has no offer for {string.Join(", ", missing)}.");
        }

        if (Catalogue.Values.Append(EarlyTechnology).Any(o => string.IsNullOrWhiteSpace(o.SupportType) || o.BudgetKrw <= 0))
        {
            yield return new ValidationResult("Every Plan offer needs a support type and a positive budget.");
        }

        if (ShareBands.Count == 0 || !ShareBands.Zip(ShareBands.Skip(1)).All(p => p.First.UpToRevenueKrw < p.Second.UpToRevenueKrw))
        {
            yield return new ValidationResult("Plan:ShareBands must rise strictly by UpToRevenueKrw, without overlaps.");
        }

        if (ShareBands.Select(b => b.Rate).Append(RateAboveBands).Any(r => r is <= 0 or > 1))
        {
            yield return new ValidationResult("Plan share rates must be above 0 and at most 1.");
        }
    }
}
