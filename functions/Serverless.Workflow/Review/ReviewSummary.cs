using System.Globalization;
using System.Text.Json;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Email;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Review;

/// <summary>
/// What a reviewer needs to decide, as the review mail says it (receipt number, firm, application summary, diagnosis
/// and plan, in the reviewer's language); the page the mail's link opens shows all of it and more (<see cref="Links.ApplicationDossier"/>).
/// </summary>
public static class ReviewSummary
{
    public static void Write(IBodyWriter writer, ApplicationEntity application, bool english)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(application);
        string Say(string korean, string englishText) => english ? englishText : korean;
        string Named(Label label) => Say(label.Korean, label.English);
        var form = JsonSerializer.Deserialize<ApplicationForm>(application.FormJson, Json.Options)!;
        var latest = form.Financials.MaxBy(f => f.Year)!;

        writer.Heading(Say("신청 개요", "Application"))
            .Field(Say("접수번호", "Receipt number"), application.ReceiptNumber)
            .Field(Say("기업명", "Firm"), form.Firm.Name)
            .Field(Say("사업자등록번호", "Business registration number"), form.Firm.BusinessRegistrationNumber)
            .Field(Say("대표자", "Representative"), form.Firm.Representative)
            .Field(Say("설립일", "Founded"), form.Firm.FoundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Field(Say("업종", "Industry"), form.Firm.IndustryCode)
            .Field(Say("상시 근로자 / 기술인력", "Employees / technical staff"), $"{form.Firm.Employees} / {form.Firm.TechnicalStaff}")
            .Field(Say($"{latest.Year}년 매출액", $"Revenue {latest.Year}"), Krw(latest.RevenueKrw))
            .Field(Say("기술성숙도(TRL)", "Technology readiness (TRL)"), form.Technology.Trl.ToString(CultureInfo.InvariantCulture));
        foreach (var difficulty in form.Difficulties)
        {
            writer.Field(Say("애로사항", "Difficulty") + $" ({Named(ChoiceLabels.Categories[difficulty.Category])})", difficulty.Description);
        }

        if (application.DiagnosisJson is not { } json)
        {
            return;
        }

        var report = JsonSerializer.Deserialize<DiagnosisReport>(json, Json.Options)!;
        var labels = english ? DimensionLabels.English : DimensionLabels.Korean;
        var diagnosis = report.Diagnosis;
        writer.Heading(Say("혁신역량 진단", "Innovation-capability diagnosis"))
            .Field(Say("총점 / 등급", "Total / grade"), $"{diagnosis.TotalScore} / 1000, {diagnosis.Grade}")
            .Field(Say("성장단계 / 기술단계 / 지원트랙", "Growth stage / technology phase / track"),
                $"{Named(ChoiceLabels.GrowthStages[diagnosis.GrowthStage])} / {Named(ChoiceLabels.TechnologyPhases[diagnosis.TechnologyPhase])} / {Named(ChoiceLabels.SupportTracks[diagnosis.Track])}")
            .Field(Say("강점", "Strengths"), string.Join(", ", diagnosis.Strengths.Select(d => labels[d])))
            .Field(Say("약점", "Weaknesses"), string.Join(", ", diagnosis.Weaknesses.Select(d => labels[d])));
        foreach (var dimension in diagnosis.Dimensions)
        {
            writer.Field(labels[dimension.Dimension], $"{Math.Round(dimension.Score, 1).ToString(CultureInfo.InvariantCulture)} / {dimension.Max}");
        }

        var plan = report.Plan;
        writer.Heading(Say("지원 계획", "Support plan"));
        foreach (var task in plan.Tasks)
        {
            writer.Field(
                $"{task.TaskId} {task.SupportType}{(task.Recommended ? Say(" (진단 권장)", " (recommended)") : "")}",
                $"{Krw(task.BudgetKrw)} ({Say("지원금", "programme share")} {Krw(task.ProgrammeShareKrw)}): {task.Description}");
        }

        writer.Field(Say("총 사업비 / 지원금 / 기업부담금", "Total / programme share / firm share"),
            $"{Krw(plan.TotalBudgetKrw)} / {Krw(plan.TotalProgrammeShareKrw)} / {Krw(plan.TotalFirmShareKrw)}");
    }

    static string Krw(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture) + " KRW";
}
