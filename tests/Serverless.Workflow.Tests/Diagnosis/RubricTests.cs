using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;
using Xunit;

namespace Serverless.Workflow.Tests.Diagnosis;

/// <summary>The rubric of docs/workflow.md, worked by hand, at every boundary.</summary>
public sealed class RubricTests
{
    static readonly DiagnosisOptions Options = new();
    static readonly DateOnly SubmittedOn = new(2026, 11, 29);
    static readonly DateTimeOffset At = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A firm whose every indicator is 1 (R&amp;D 5 % of revenue, a lab, 3 patents, TRL 9, 30 % export, 30 %
    /// technical staff, 20 % growth, 2 certifications), so each dimension scores max × (0.5 + (self − 1) / 8).
    /// </summary>
    internal static ApplicationForm Form(
        int rnd = 5, int commercialization = 5, int marketing = 5, int people = 5, int finance = 5, int management = 5,
        int trl = 9, long revenue = 100_000, long rdSpend = 5_000, long export = 30_000, int employees = 10, int technicalStaff = 3,
        FinancialYear[]? financials = null, int certifications = 2, DateOnly? foundedOn = null, Difficulty[]? difficulties = null) =>
        new(
            "growth-stage",
            "ko",
            new FirmForm("124-81-00998", "남동정밀(주)", "홍길동", foundedOn ?? new DateOnly(2015, 3, 1), "C29", employees, technicalStaff,
                "ceo@example.com", null, null, null),
            financials ?? [new FinancialYear(2024, revenue * 10 / 12, 0, 0), new FinancialYear(2025, revenue, export, rdSpend)],
            new TechnologyForm(trl, 3, true, [.. Enum.GetValues<Certification>().Take(certifications)]),
            new SelfAssessment(rnd, commercialization, marketing, people, finance, management),
            difficulties ?? [new Difficulty(DifficultyCategory.Export, "해외 판로 개척")]);

    static DiagnosisResult Diagnose(ApplicationForm form) => Rubric.Diagnose(form, SubmittedOn, Options, At);

    [Fact]
    public void Diagnose_TheSampleApplication_MatchesTheHandWorkedResult()
    {
        // docs/api.md's sample: rnd 250×(0.5+0.25)=187.5; commercialization 200×(0.3125+0.375)=137.5;
        // marketing 150×(0.8/5.2/0.3/2+0.125)=57.21; people 100×(8/42/0.3/2+0.125)=44.25; finance (one year) 75;
        // management (1 of 2 certifications) 75: 576.46 → 576, C.
        var form = Form(rnd: 3, commercialization: 4, marketing: 2, people: 2, finance: 3, management: 3, trl: 6,
            employees: 42, technicalStaff: 8, certifications: 1,
            financials: [new FinancialYear(2025, 5_200_000_000, 800_000_000, 300_000_000)]);

        var diagnosis = Diagnose(form);

        Assert.Equal(576, diagnosis.TotalScore);
        Assert.Equal("C", diagnosis.Grade);
        Assert.Equal(SupportTrack.Foundation, diagnosis.Track);
        Assert.Equal(GrowthStage.Mature, diagnosis.GrowthStage);
        Assert.Equal(TechnologyPhase.Productization, diagnosis.TechnologyPhase);
        Assert.Equal([187.5m, 137.5m, 57.21m, 44.25m, 75m, 75m], diagnosis.Dimensions.Select(d => d.Score));
        Assert.Equal([1m, 0.625m, 0.5128m, 0.6349m, 0.5m, 0.5m], diagnosis.Dimensions.Select(d => d.Indicator));
        Assert.Equal(["rnd", "commercialization"], diagnosis.Strengths);
        Assert.Equal(["marketing", "people"], diagnosis.Weaknesses);
    }

    public static TheoryData<ApplicationForm, int, string, SupportTrack> Totals() => new()
    {
        { Form(), 1000, "AAA", SupportTrack.Global },
        { Form(commercialization: 1), 900, "AAA", SupportTrack.Global },                          // 1000 − 200×4/8
        // R&D intensity 0.988: rnd indicator 0.996, −0.5 point: 899.5 rounds half away from zero to 900.
        { Form(commercialization: 1, revenue: 10_000, rdSpend: 494, export: 3_000), 900, "AAA", SupportTrack.Global },
        // intensity 0.9856: −0.6 point: 899.4 → 899.
        { Form(commercialization: 1, revenue: 100_000, rdSpend: 4_928), 899, "AA", SupportTrack.Global },
        // 500 + rnd 125 + commercialization 50 + people 50 + finance 75 = 800.
        { Form(commercialization: 3, marketing: 1, management: 1), 800, "AA", SupportTrack.Global },
        { Form(commercialization: 3, marketing: 1, management: 1, people: 4), 788, "A", SupportTrack.Growth }, // 787.5
        { Form(rnd: 1, commercialization: 1, marketing: 1, people: 5, finance: 5, management: 5), 700, "A", SupportTrack.Growth },
        { Form(rnd: 1, commercialization: 1, marketing: 1, people: 1, finance: 1, management: 5), 575, "C", SupportTrack.Foundation },
        { Form(rnd: 1, commercialization: 1, marketing: 1, people: 1, finance: 1, management: 1), 500, "C", SupportTrack.Foundation },
        { Form(rnd: 1, commercialization: 1, marketing: 1, people: 1, finance: 1, management: 1, trl: 8), 488, "D", SupportTrack.Foundation }, // 487.5
    };

    [Theory]
    [MemberData(nameof(Totals))]
    public void Diagnose_TotalsAtTheGradeEdges_GradeAndTrackFollowTheRoundedTotal(ApplicationForm form, int total, string grade, SupportTrack track)
    {
        var diagnosis = Diagnose(form);

        Assert.Equal(total, diagnosis.TotalScore);
        Assert.Equal(grade, diagnosis.Grade);
        Assert.Equal(track, diagnosis.Track);
    }

    [Fact]
    public void Diagnose_GradeB_FromSixHundred()
    {
        // 1000 − rnd 125 − commercialization 100 − marketing 75 − management 75 − people 25 = 600.
        var atSixHundred = Diagnose(Form(rnd: 1, commercialization: 1, marketing: 1, management: 1, people: 3));
        var below = Diagnose(Form(rnd: 1, commercialization: 1, marketing: 1, management: 1, people: 3, trl: 8)); // 587.5 → 588

        Assert.Equal((600, "B", SupportTrack.Growth), (atSixHundred.TotalScore, atSixHundred.Grade, atSixHundred.Track));
        Assert.Equal((588, "C"), (below.TotalScore, below.Grade));
    }

    [Fact]
    public void Diagnose_RevenueZero_MarketingAndRdIntensityAreZero_FinanceIsHalf()
    {
        var diagnosis = Diagnose(Form(financials: [new FinancialYear(2024, 0, 0, 0), new FinancialYear(2025, 0, 0, 0)]));

        Assert.Equal(2m / 3m, diagnosis.Dimensions[0].Indicator, 4); // lab and patents only
        Assert.Equal(0m, diagnosis.Dimensions[2].Indicator);
        Assert.Equal(0.5m, diagnosis.Dimensions[4].Indicator);
    }

    public static TheoryData<FinancialYear[], decimal> Growth() => new()
    {
        { [new FinancialYear(2025, 1000, 0, 0)], 0.5m },                                              // a single year
        { [new FinancialYear(2023, 500, 0, 0), new FinancialYear(2025, 1000, 0, 0)], 0.5m },          // no 2024
        { [new FinancialYear(2024, 1000, 0, 0), new FinancialYear(2025, 1200, 0, 0)], 1m },           // g = 0.2
        { [new FinancialYear(2024, 1000, 0, 0), new FinancialYear(2025, 1300, 0, 0)], 1m },
        { [new FinancialYear(2024, 1000, 0, 0), new FinancialYear(2025, 900, 0, 0)], 0m },            // g = −0.1
        { [new FinancialYear(2024, 1000, 0, 0), new FinancialYear(2025, 1050, 0, 0)], 0.5m },         // halfway
        { [new FinancialYear(2025, 1000, 0, 0), new FinancialYear(2024, 1000, 0, 0)], 1m / 3m },      // order given does not matter
        { [new FinancialYear(2022, 9000, 0, 0), new FinancialYear(2024, 0, 0, 0), new FinancialYear(2025, 100, 0, 0)], 0.5m },
    };

    [Theory]
    [MemberData(nameof(Growth))]
    public void Diagnose_FinanceIndicator_FollowsLatestOverPreviousYearsRevenue(FinancialYear[] financials, decimal indicator) =>
        Assert.Equal(Math.Round(indicator, 4), Diagnose(Form(financials: financials)).Dimensions[4].Indicator);

    [Theory]
    [InlineData(1, TechnologyPhase.TechnologyDevelopment)]
    [InlineData(3, TechnologyPhase.TechnologyDevelopment)]
    [InlineData(4, TechnologyPhase.Productization)]
    [InlineData(6, TechnologyPhase.Productization)]
    [InlineData(7, TechnologyPhase.Commercialization)]
    [InlineData(9, TechnologyPhase.Commercialization)]
    public void Diagnose_TechnologyPhase_ByTrl(int trl, TechnologyPhase phase) =>
        Assert.Equal(phase, Diagnose(Form(trl: trl)).TechnologyPhase);

    [Theory]
    [InlineData("2023-11-30", GrowthStage.Early)]   // 2 years and 364 days
    [InlineData("2023-11-29", GrowthStage.Leap)]    // exactly 3 years
    [InlineData("2019-11-30", GrowthStage.Leap)]
    [InlineData("2019-11-29", GrowthStage.Growth)]  // 7
    [InlineData("2016-11-30", GrowthStage.Growth)]
    [InlineData("2016-11-29", GrowthStage.Mature)]  // 10
    [InlineData("2026-11-29", GrowthStage.Early)]   // founded the day it applied
    public void Diagnose_GrowthStage_ByWholeYearsInKorea(string foundedOn, GrowthStage stage) =>
        Assert.Equal(stage, Diagnose(Form(foundedOn: DateOnly.Parse(foundedOn, System.Globalization.CultureInfo.InvariantCulture))).GrowthStage);

    [Fact]
    public void Diagnose_TiedRatios_StrengthsAndWeaknessesInTableOrder()
    {
        var allEqual = Diagnose(Form(rnd: 3, commercialization: 3, marketing: 3, people: 3, finance: 3, management: 3));

        Assert.Equal(["rnd", "commercialization"], allEqual.Strengths);
        Assert.Equal(["rnd", "commercialization"], allEqual.Weaknesses);
    }
}
