using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Serverless.Testing;
using Serverless.Workflow.Applications;
using Xunit;

namespace Serverless.Workflow.Tests.Applications;

/// <summary>Every field rule of docs/api.md, one case each, reported at its JSON path.</summary>
public sealed class ApplicationValidatorTests
{
    // 2026-11-29 20:00 in Korea (11:00 UTC).
    static readonly FakeTimeProvider Now = new(new DateTimeOffset(2026, 11, 29, 11, 0, 0, TimeSpan.Zero));
    static readonly ApplicationValidator Validator = new(Options.Create(new IntakeOptions()), Now);
    static readonly ApplicationRequest Valid = SampleApplications.Request();

    [Fact]
    public void Validate_TheSampleApplication_GivesTheNormalisedForm()
    {
        var (form, errors) = Validator.Validate(SampleApplications.Request("1248100998"));

        Assert.False(errors.Any);
        Assert.Equal("124-81-00998", form!.Firm.BusinessRegistrationNumber);
        Assert.Equal("growth-stage", form.Programme);
        Assert.Equal(DifficultyCategory.Export, form.Difficulties[0].Category);
        Assert.Equal([Certification.Innobiz], form.Technology.Certifications);
    }

    public static TheoryData<string, ApplicationRequest> Invalid()
    {
        var firm = Valid.Firm!;
        var year = Valid.Financials![0]!;
        var tech = Valid.Technology!;
        var self = Valid.SelfAssessment!;
        return new TheoryData<string, ApplicationRequest>
        {
            { "programme", Valid with { Programme = "other-programme" } },
            { "language", Valid with { Language = "jp" } },
            { "firm", Valid with { Firm = null } },
            { "firm.businessRegistrationNumber", Valid with { Firm = firm with { BusinessRegistrationNumber = null } } },
            { "firm.businessRegistrationNumber", Valid with { Firm = firm with { BusinessRegistrationNumber = "124-81-0099" } } },
            { "firm.businessRegistrationNumber", Valid with { Firm = firm with { BusinessRegistrationNumber = "124-81-00997" } } },
            { "firm.name", Valid with { Firm = firm with { Name = "" } } },
            { "firm.name", Valid with { Firm = firm with { Name = new string('가', 101) } } },
            { "firm.name", Valid with { Firm = firm with { Name = "남동\u0001정밀" } } },
            { "firm.representative", Valid with { Firm = firm with { Representative = new string('a', 51) } } },
            { "firm.foundedOn", Valid with { Firm = firm with { FoundedOn = new DateOnly(2026, 11, 30) } } },
            { "firm.foundedOn", Valid with { Firm = firm with { FoundedOn = new DateOnly(1899, 12, 31) } } },
            { "firm.foundedOn", Valid with { Firm = firm with { FoundedOn = null } } },
            { "firm.industryCode", Valid with { Firm = firm with { IndustryCode = "Z29" } } },
            { "firm.industryCode", Valid with { Firm = firm with { IndustryCode = "C2" } } },
            { "firm.employees", Valid with { Firm = firm with { Employees = 0 } } },
            { "firm.employees", Valid with { Firm = firm with { Employees = 100_001 } } },
            { "firm.technicalStaff", Valid with { Firm = firm with { TechnicalStaff = 43 } } },
            { "firm.technicalStaff", Valid with { Firm = firm with { TechnicalStaff = -1 } } },
            { "firm.email", Valid with { Firm = firm with { Email = "ceo@example" } } },
            { "firm.email", Valid with { Firm = firm with { Email = "ceo example.com" } } },
            { "firm.phone", Valid with { Firm = firm with { Phone = "call me" } } },
            { "firm.address", Valid with { Firm = firm with { Address = new string('주', 201) } } },
            { "firm.miniCluster", Valid with { Firm = firm with { MiniCluster = "없는클러스터" } } },
            { "financials", Valid with { Financials = [] } },
            { "financials", Valid with { Financials = [.. Enumerable.Range(2020, 6).Select(y => year with { Year = y })] } },
            { "financials[1].year", Valid with { Financials = [year, year] } },
            { "financials[0].year", Valid with { Financials = [year with { Year = 2027 }] } },
            { "financials[0].revenueKrw", Valid with { Financials = [year with { RevenueKrw = -1 }] } },
            { "financials[0].exportKrw", Valid with { Financials = [year with { ExportKrw = 5_200_000_001 }] } },
            { "financials[0].rdSpendKrw", Valid with { Financials = [year with { RdSpendKrw = 5_200_000_001 }] } },
            { "financials[0].rdSpendKrw", Valid with { Financials = [year with { RdSpendKrw = null }] } },
            { "technology", Valid with { Technology = null } },
            { "technology.trl", Valid with { Technology = tech with { Trl = 0 } } },
            { "technology.trl", Valid with { Technology = tech with { Trl = 10 } } },
            { "technology.patents", Valid with { Technology = tech with { Patents = 10_001 } } },
            { "technology.hasResearchLab", Valid with { Technology = tech with { HasResearchLab = null } } },
            { "technology.certifications[1]", Valid with { Technology = tech with { Certifications = ["Innobiz", "ISO9001"] } } },
            { "technology.certifications[0]", Valid with { Technology = tech with { Certifications = ["2"] } } },
            { "selfAssessment", Valid with { SelfAssessment = null } },
            { "selfAssessment.rnd", Valid with { SelfAssessment = self with { Rnd = 0 } } },
            { "selfAssessment.management", Valid with { SelfAssessment = self with { Management = 6 } } },
            { "difficulties", Valid with { Difficulties = [] } },
            { "difficulties", Valid with { Difficulties = [.. Enumerable.Repeat(new DifficultyRequest("Export", "x"), 11)] } },
            { "difficulties[0].category", Valid with { Difficulties = [new DifficultyRequest("export", "해외 판로")] } },
            { "difficulties[0].category", Valid with { Difficulties = [new DifficultyRequest("4", "해외 판로")] } },
            { "difficulties[0].description", Valid with { Difficulties = [new DifficultyRequest("Export", "")] } },
            { "difficulties[0].description", Valid with { Difficulties = [new DifficultyRequest("Export", new string('가', 1001))] } },
        };
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_ABrokenRule_IsReportedAtItsJsonPathAndGivesNoForm(string path, ApplicationRequest request)
    {
        var (form, errors) = Validator.Validate(request);

        Assert.Null(form);
        Assert.Equal([path], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Validate_TabsAndNewlinesInText_AreAllowed()
    {
        var (form, _) = Validator.Validate(Valid with { Difficulties = [new DifficultyRequest("Export", "첫째\t줄\r\n둘째 줄")] });

        Assert.Equal("첫째\t줄\r\n둘째 줄", form!.Difficulties[0].Description);
    }

    [Fact]
    public void Validate_FoundedToday_InKorea_IsAccepted_EvenWhileUtcIsStillYesterday()
    {
        var earlyMorningInSeoul = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero)); // 11-30 01:00 KST
        var validator = new ApplicationValidator(Options.Create(new IntakeOptions()), earlyMorningInSeoul);

        var (form, _) = validator.Validate(Valid with { Firm = Valid.Firm! with { FoundedOn = new DateOnly(2026, 11, 30) } });

        Assert.NotNull(form);
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReported()
    {
        var (_, errors) = Validator.Validate(Valid with { Language = "jp", Technology = Valid.Technology! with { Trl = 0 } });

        Assert.Equal(["language", "technology.trl"], errors.ToDictionary().Keys.Order());
    }

    [Theory]
    [InlineData("$.firm.employees", "firm.employees")]
    [InlineData("$.financials[1].year", "financials[1].year")]
    [InlineData("$", "$")]
    [InlineData(null, "$")]
    public void PathOf_SystemTextJsonPath_IsWrittenAsTheApiDoes(string? jsonPath, string expected) =>
        Assert.Equal(expected, ValidationErrors.PathOf(jsonPath));
}
