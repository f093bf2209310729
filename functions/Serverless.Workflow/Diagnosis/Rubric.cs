using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Diagnosis;

/// <summary>The innovation-capability diagnosis, exactly by the rules of docs/workflow.md. Pure: same form, same result.</summary>
public static class Rubric
{
    /// <summary>Scores and indicators are shown rounded; the total is computed from the unrounded sum.</summary>
    const int ScoreDecimals = 2;
    const int IndicatorDecimals = 4;

    public static DiagnosisResult Diagnose(ApplicationForm form, DateOnly submittedOn, DiagnosisOptions options, DateTimeOffset diagnosedAt)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(options);
        var self = form.SelfAssessment;
        var dimensions = new (string Name, decimal Indicator, int Self)[]
        {
            (Dimensions.Rnd, RndIndicator(form, options), self.Rnd),
            (Dimensions.Commercialization, (form.Technology.Trl - 1) / 8m, self.Commercialization),
            (Dimensions.Marketing, Share(Latest(form).ExportKrw, Latest(form).RevenueKrw, options.ExportShareTarget), self.Marketing),
            (Dimensions.People, Share(form.Firm.TechnicalStaff, form.Firm.Employees, options.TechnicalStaffShareTarget), self.People),
            (Dimensions.Finance, FinanceIndicator(form, options), self.Finance),
            (Dimensions.Management, Math.Min(form.Technology.Certifications.Count / options.CertificationsTarget, 1), self.Management),
        };

        var scored = dimensions.Select(d =>
        {
            decimal max = options.Maxima[d.Name];
            var score = max * ((0.5m * d.Indicator) + (0.5m * (d.Self - 1) / 4m));
            return (d.Name, d.Indicator, d.Self, Max: max, Score: score);
        }).ToList();

        var total = (int)Math.Round(scored.Sum(d => d.Score), MidpointRounding.AwayFromZero);
        var grade = options.Grades.FirstOrDefault(g => total >= g.Value).Key ?? "D";
        var byRatio = scored.Select((d, order) => (d.Name, Ratio: d.Score / d.Max, Order: order)).ToList();
        return new DiagnosisResult(
            total,
            grade,
            StageOf(form.Firm.FoundedOn, submittedOn, options),
            PhaseOf(form.Technology.Trl),
            TrackOf(grade),
            [.. byRatio.OrderByDescending(d => d.Ratio).ThenBy(d => d.Order).Take(2).Select(d => d.Name)],
            [.. byRatio.OrderBy(d => d.Ratio).ThenBy(d => d.Order).Take(2).Select(d => d.Name)],
            [.. scored.Select(d => new DimensionScore(
                d.Name,
                Math.Round(d.Score, ScoreDecimals, MidpointRounding.AwayFromZero),
                d.Max,
                Math.Round(d.Indicator, IndicatorDecimals, MidpointRounding.AwayFromZero),
                d.Self))],
            diagnosedAt);
    }

    /// <summary>The entry with the greatest year.</summary>
    public static FinancialYear Latest(ApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Financials.MaxBy(f => f.Year)!;
    }

    static decimal RndIndicator(ApplicationForm form, DiagnosisOptions options)
    {
        var latest = Latest(form);
        var intensity = Share(latest.RdSpendKrw, latest.RevenueKrw, options.RdIntensityTarget);
        var lab = form.Technology.HasResearchLab ? 1m : 0m;
        var patents = Math.Min(form.Technology.Patents / options.PatentsTarget, 1);
        return (intensity + lab + patents) / 3m;
    }

    /// <summary>min(part / whole / target, 1); 0 when the whole is 0.</summary>
    static decimal Share(decimal part, decimal whole, decimal target) =>
        whole == 0 ? 0 : Math.Min(part / whole / target, 1);

    /// <summary>Growth g = latest / previous year's revenue − 1, linear between GrowthNone (0) and GrowthFull (1).</summary>
    static decimal FinanceIndicator(ApplicationForm form, DiagnosisOptions options)
    {
        var latest = Latest(form);
        var previous = form.Financials.FirstOrDefault(f => f.Year == latest.Year - 1);
        if (previous is null || previous.RevenueKrw == 0)
        {
            return 0.5m;
        }

        var growth = ((decimal)latest.RevenueKrw / previous.RevenueKrw) - 1;
        return growth >= options.GrowthFull ? 1
            : growth <= options.GrowthNone ? 0
            : (growth - options.GrowthNone) / (options.GrowthFull - options.GrowthNone);
    }

    static GrowthStage StageOf(DateOnly foundedOn, DateOnly submittedOn, DiagnosisOptions options)
    {
        var years = submittedOn.Year - foundedOn.Year - (submittedOn < foundedOn.AddYears(submittedOn.Year - foundedOn.Year) ? 1 : 0);
        return years < options.LeapFromYears ? GrowthStage.Early
            : years < options.GrowthFromYears ? GrowthStage.Leap
            : years < options.MatureFromYears ? GrowthStage.Growth
            : GrowthStage.Mature;
    }

    static TechnologyPhase PhaseOf(int trl) => trl switch
    {
        <= 3 => TechnologyPhase.TechnologyDevelopment,
        <= 6 => TechnologyPhase.Productization,
        _ => TechnologyPhase.Commercialization,
    };

    static SupportTrack TrackOf(string grade) => grade switch
    {
        "AAA" or "AA" => SupportTrack.Global,
        "A" or "B" => SupportTrack.Growth,
        _ => SupportTrack.Foundation,
    };
}
