using System.Globalization;
using System.Text.Json;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Links;

/// <summary>
/// What a reviewer or an expert reads of an application on their link's page, in their language: the firm, its
/// financials, its difficulties, its documents (when the link opens them), the diagnosis as the chart the firm sees,
/// and the plan with its budgets and shares.
/// </summary>
public static class ApplicationDossier
{
    public static void Write(LinkPage page, ApplicationEntity application)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(application);
        var form = JsonSerializer.Deserialize<ApplicationForm>(application.FormJson, Json.Options)!;
        Firm(page, application, form);
        page.DocumentList(ChoiceLabels.Documents.ToDictionary(d => d.Key.ToString(), d => page.Say(d.Value.Korean, d.Value.English)));
        if (application.DiagnosisJson is { } json)
        {
            var report = JsonSerializer.Deserialize<DiagnosisReport>(json, Json.Options)!;
            Diagnosis(page, report.Diagnosis);
            Plan(page, report.Plan);
        }
    }

    static void Firm(LinkPage page, ApplicationEntity application, ApplicationForm form)
    {
        var firm = form.Firm;
        page.Heading(page.Say("기업 정보", "The firm"))
            .Field(page.Say("접수번호", "Receipt number"), application.ReceiptNumber)
            .Field(page.Say("기업명", "Firm"), firm.Name)
            .Field(page.Say("사업자등록번호", "Business registration number"), firm.BusinessRegistrationNumber)
            .Field(page.Say("대표자", "Representative"), firm.Representative)
            .Field(page.Say("설립일", "Founded"), firm.FoundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Field(page.Say("업종 (KSIC)", "Industry (KSIC)"), firm.IndustryCode)
            .Field(page.Say("상시 근로자 / 기술인력", "Employees / technical staff"), $"{firm.Employees} / {firm.TechnicalStaff}")
            .Field(page.Say("미니클러스터", "Mini-cluster"), firm.MiniCluster ?? "—")
            .Field(page.Say("기술성숙도 (TRL)", "Technology readiness (TRL)"), form.Technology.Trl.ToString(CultureInfo.InvariantCulture))
            .Field(page.Say("특허 / 연구소", "Patents / research lab"),
                $"{form.Technology.Patents} / {(form.Technology.HasResearchLab ? page.Say("있음", "yes") : page.Say("없음", "no"))}")
            .Table(
                page.Say("재무 (원)", "Financials (KRW)"),
                [page.Say("연도", "Year"), page.Say("매출액", "Revenue"), page.Say("수출액", "Exports"), page.Say("연구개발비", "R&D spend")],
                form.Financials.OrderByDescending(f => f.Year).Select(f => (IReadOnlyList<string>)
                    [f.Year.ToString(CultureInfo.InvariantCulture), Krw(f.RevenueKrw), Krw(f.ExportKrw), Krw(f.RdSpendKrw)]),
                "money");
        page.Heading(page.Say("애로사항", "Difficulties"));
        foreach (var difficulty in form.Difficulties)
        {
            var category = ChoiceLabels.Categories[difficulty.Category];
            page.Field(page.Say(category.Korean, category.English), difficulty.Description);
        }
    }

    static void Diagnosis(LinkPage page, DiagnosisResult diagnosis)
    {
        string Named<T>(IReadOnlyDictionary<T, Label> labels, T value)
            where T : notnull => page.Say(labels[value].Korean, labels[value].English);
        string Dimension(string dimension) => page.Say(DimensionLabels.Korean[dimension], DimensionLabels.English[dimension]);

        page.Heading(page.Say("혁신역량 진단", "Innovation-capability diagnosis"))
            .Field(page.Say("등급", "Grade"), $"{diagnosis.Grade} ({diagnosis.TotalScore}/1000)")
            .Field(page.Say("성장단계", "Growth stage"), Named(ChoiceLabels.GrowthStages, diagnosis.GrowthStage))
            .Field(page.Say("기술단계", "Technology phase"), Named(ChoiceLabels.TechnologyPhases, diagnosis.TechnologyPhase))
            .Field(page.Say("지원 트랙", "Support track"), Named(ChoiceLabels.SupportTracks, diagnosis.Track))
            .Field(page.Say("강점 / 약점", "Strengths / weaknesses"),
                $"{string.Join(", ", diagnosis.Strengths.Select(Dimension))} / {string.Join(", ", diagnosis.Weaknesses.Select(Dimension))}")
            .Chart(page.Say("부문별 점수(만점 대비)와 자가진단(1-5)", "Score against the maximum per dimension, and the firm's self-assessment (1-5)"),
                diagnosis.Dimensions.Select(d => (Dimension(d.Dimension), (double)d.Score, (double)d.Max, d.SelfAssessment)));
    }

    static void Plan(LinkPage page, SupportPlanResult plan)
    {
        page.Heading(page.Say("지원 계획", "Support plan"))
            .Table(
                page.Say($"사업비 지원 비율 {Percent(plan.ProgrammeShareRate)}", $"Programme share {Percent(plan.ProgrammeShareRate)}"),
                [page.Say("과제", "Task"), page.Say("내용", "Support"), page.Say("전문 분야", "Expert field"), page.Say("예산", "Budget"),
                    page.Say("사업비 지원", "Programme"), page.Say("기업 부담", "Firm")],
                [.. plan.Tasks.Select(t => (IReadOnlyList<string>)
                        [t.TaskId, t.Description, Category(page, t.ExpertField), Krw(t.BudgetKrw), Krw(t.ProgrammeShareKrw), Krw(t.FirmShareKrw)]),
                    [page.Say("합계", "Total"), "", "", Krw(plan.TotalBudgetKrw), Krw(plan.TotalProgrammeShareKrw), Krw(plan.TotalFirmShareKrw)]],
                "money");
    }

    /// <summary>The field a task's expert works in, in the page's language.</summary>
    public static string Category(LinkPage page, DifficultyCategory category)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Say(ChoiceLabels.Categories[category].Korean, ChoiceLabels.Categories[category].English);
    }

    static string Percent(decimal rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Krw(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);
}
