using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Documents;

namespace Serverless.Workflow.Applications;

/// <summary>A name said to firms, in Korean and in English.</summary>
public sealed record Label(string Korean, string English);

/// <summary>How the application's enumerated choices are named to firms (the programme's own words).</summary>
public static class ChoiceLabels
{
    public static readonly IReadOnlyDictionary<DifficultyCategory, Label> Categories = new Dictionary<DifficultyCategory, Label>
    {
        [DifficultyCategory.Technology] = new("기술", "Technology"),
        [DifficultyCategory.Prototype] = new("시제품", "Prototype"),
        [DifficultyCategory.Production] = new("생산·품질", "Production and quality"),
        [DifficultyCategory.Marketing] = new("마케팅", "Marketing"),
        [DifficultyCategory.Export] = new("수출", "Export"),
        [DifficultyCategory.Finance] = new("자금", "Finance"),
        [DifficultyCategory.IntellectualProperty] = new("산업재산권", "Intellectual property"),
        [DifficultyCategory.Training] = new("교육훈련", "Training"),
        [DifficultyCategory.Management] = new("경영", "Management"),
    };

    public static readonly IReadOnlyDictionary<DocumentKind, Label> Documents = new Dictionary<DocumentKind, Label>
    {
        [DocumentKind.BusinessRegistration] = new("사업자등록증", "Business registration certificate"),
        [DocumentKind.FinancialStatements] = new("재무제표", "Financial statements"),
        [DocumentKind.BusinessPlan] = new("사업계획서", "Business plan"),
        [DocumentKind.TechnologyStatus] = new("기술현황", "Technology status"),
        [DocumentKind.Other] = new("기타", "Other"),
    };

    public static readonly IReadOnlyDictionary<Certification, Label> Certifications = new Dictionary<Certification, Label>
    {
        [Certification.Innobiz] = new("이노비즈(기술혁신형 중소기업)", "Innobiz (technology innovation SME)"),
        [Certification.Mainbiz] = new("메인비즈(경영혁신형 중소기업)", "Mainbiz (management innovation SME)"),
        [Certification.Venture] = new("벤처기업", "Venture business"),
        [Certification.Iso9001] = new("ISO 9001", "ISO 9001"),
        [Certification.Iso14001] = new("ISO 14001", "ISO 14001"),
    };

    public static readonly IReadOnlyDictionary<GrowthStage, Label> GrowthStages = new Dictionary<GrowthStage, Label>
    {
        [GrowthStage.Early] = new("초기", "Early"),
        [GrowthStage.Leap] = new("도약", "Leap"),
        [GrowthStage.Growth] = new("성장", "Growth"),
        [GrowthStage.Mature] = new("성숙", "Mature"),
    };

    public static readonly IReadOnlyDictionary<TechnologyPhase, Label> TechnologyPhases = new Dictionary<TechnologyPhase, Label>
    {
        [TechnologyPhase.TechnologyDevelopment] = new("기술개발", "Technology development"),
        [TechnologyPhase.Productization] = new("제품화", "Productization"),
        [TechnologyPhase.Commercialization] = new("시장화", "Commercialization"),
    };

    public static readonly IReadOnlyDictionary<SupportTrack, Label> SupportTracks = new Dictionary<SupportTrack, Label>
    {
        [SupportTrack.Global] = new("글로벌", "Global"),
        [SupportTrack.Growth] = new("성장", "Growth"),
        [SupportTrack.Foundation] = new("기반", "Foundation"),
    };
}
