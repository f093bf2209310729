using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;
using Xunit;

namespace Serverless.Workflow.Tests.Diagnosis;

/// <summary>The support plan of docs/workflow.md: tasks, the recommended task, budgets and shares.</summary>
public sealed class SupportPlanTests
{
    static readonly DiagnosisOptions Diagnosis = new();
    static readonly PlanOptions Plan = new();

    static SupportPlanResult Make(ApplicationForm form) =>
        SupportPlan.Make(form, Rubric.Diagnose(form, new DateOnly(2026, 11, 29), Diagnosis, DateTimeOffset.UnixEpoch), Plan);

    [Fact]
    public void Make_TheSampleApplication_ExportThenTheRecommendedMarketingTask_HalfShared()
    {
        var form = RubricTests.Form(rnd: 3, commercialization: 4, marketing: 2, people: 2, finance: 3, management: 3, trl: 6,
            employees: 42, technicalStaff: 8, certifications: 1,
            financials: [new FinancialYear(2025, 5_200_000_000, 800_000_000, 300_000_000)]);

        var plan = Make(form);

        Assert.Equal(
            [("T1", DifficultyCategory.Export, "ExportSupport", false, 10_000_000L, 5_000_000L, 5_000_000L),
             ("T2", DifficultyCategory.Marketing, "Marketing", true, 8_000_000L, 4_000_000L, 4_000_000L)],
            plan.Tasks.Select(t => (t.TaskId, t.Category, t.SupportType, t.Recommended, t.BudgetKrw, t.ProgrammeShareKrw, t.FirmShareKrw)));
        Assert.Equal("해외 판로 개척", plan.Tasks[0].Description);
        Assert.Equal(DifficultyCategory.Marketing, plan.Tasks[1].ExpertField);
        Assert.Equal((0.5m, 18_000_000L, 9_000_000L, 9_000_000L), (plan.ProgrammeShareRate, plan.TotalBudgetKrw, plan.TotalProgrammeShareKrw, plan.TotalFirmShareKrw));
    }

    [Fact]
    public void Make_DuplicateCategories_OneTaskEachInOrderOfFirstAppearance_DescriptionsJoined()
    {
        var form = RubricTests.Form(marketing: 1, difficulties:
        [
            new Difficulty(DifficultyCategory.Finance, "운전자금"),
            new Difficulty(DifficultyCategory.Export, "해외 판로"),
            new Difficulty(DifficultyCategory.Finance, "시설자금"),
        ]);

        var plan = Make(form);

        Assert.Equal([DifficultyCategory.Finance, DifficultyCategory.Export, DifficultyCategory.Marketing], plan.Tasks.Select(t => t.Category));
        Assert.Equal("운전자금\n시설자금", plan.Tasks[0].Description);
        Assert.Equal(["T1", "T2", "T3"], plan.Tasks.Select(t => t.TaskId));
    }

    [Fact]
    public void Make_WeakestDimensionAlreadyCovered_AddsNothingAndFlagsNothing()
    {
        // marketing is the weakest; the firm already named a Marketing difficulty.
        var form = RubricTests.Form(marketing: 1, difficulties: [new Difficulty(DifficultyCategory.Marketing, "온라인 홍보")]);

        var plan = Make(form);

        var only = Assert.Single(plan.Tasks);
        Assert.False(only.Recommended);
    }

    [Theory]
    [InlineData(3, "TechnologyDevelopment", 20_000_000)]
    [InlineData(4, "TechnicalGuidance", 5_000_000)]
    public void Make_TechnologyTask_DependsOnTrl(int trl, string supportType, long budget)
    {
        var plan = Make(RubricTests.Form(trl: trl, difficulties: [new Difficulty(DifficultyCategory.Technology, "공정 자동화")]));

        Assert.Equal((supportType, budget), (plan.Tasks[0].SupportType, plan.Tasks[0].BudgetKrw));
    }

    [Fact]
    public void Make_WeakestRnd_RecommendsATechnologyTask()
    {
        var plan = Make(RubricTests.Form(rnd: 1));

        Assert.Equal((DifficultyCategory.Technology, true), (plan.Tasks[^1].Category, plan.Tasks[^1].Recommended));
    }

    [Theory]
    [InlineData(300_000_000, 0.9)]
    [InlineData(300_000_001, 0.8)]
    [InlineData(1_000_000_000, 0.8)]
    [InlineData(1_000_000_001, 0.7)]
    [InlineData(5_000_000_000, 0.7)]
    [InlineData(5_000_000_001, 0.5)]
    [InlineData(12_000_000_000, 0.5)]
    [InlineData(12_000_000_001, 0.3)]
    [InlineData(0, 0.9)]
    public void Make_ProgrammeShare_ByLatestRevenueBand(long revenue, double rate)
    {
        var plan = Make(RubricTests.Form(financials: [new FinancialYear(2024, 1, 0, 0), new FinancialYear(2025, revenue, 0, 0)]));

        Assert.Equal((decimal)rate, plan.ProgrammeShareRate);
        Assert.All(plan.Tasks, t => Assert.Equal(t.BudgetKrw, t.ProgrammeShareKrw + t.FirmShareKrw));
        Assert.Equal((long)(plan.Tasks[0].BudgetKrw * (decimal)rate), plan.Tasks[0].ProgrammeShareKrw);
    }
}
