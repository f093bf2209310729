using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Review;

namespace Serverless.LocalHost.Demo;

/// <summary>
/// With <c>LocalHost:SeedDemoData=true</c>: a dozen experts across every field, two reviewers and one escalation
/// reviewer, so a user can drive an application from submission to completion by clicking links, a call for
/// applications open for 60 days, and a handful of applications for the dashboard (<see cref="DemoApplications"/>).
/// Runs after the tables exist; a member already there (same email) is left as it is, with its counts, and a programme
/// that has a call already gets none.
/// </summary>
internal sealed partial class DemoData(
    IOptions<LocalHostOptions> options, IOptions<IntakeOptions> intake, ExpertStore experts, ReviewerStore reviewers, CallStore calls,
    DemoApplications applications, TimeProvider time, ILogger<DemoData> logger)
    : IHostedService
{
    static readonly (string Name, string Organization, string Sector, string[] Fields, int Years, int Max, string Language)[] Experts =
    [
        ("김기술", "한국생산기술연구원", "Research", ["Technology", "Prototype"], 18, 3, "ko"),
        ("이시제품", "인하대학교", "Academia", ["Prototype", "Production"], 12, 2, "ko"),
        ("박공정", "남동공정컨설팅", "Industry", ["Production"], 22, 3, "ko"),
        ("최마케팅", "인천마케팅랩", "Industry", ["Marketing"], 9, 2, "ko"),
        ("정수출", "KOTRA 인천", "Government", ["Export", "Marketing"], 15, 3, "ko"),
        ("Emma Export", "Global Trade Partners", "Industry", ["Export"], 11, 2, "en"),
        ("한재무", "인천신용보증재단", "Government", ["Finance"], 20, 3, "ko"),
        ("윤특허", "남동특허법률사무소", "Industry", ["IntellectualProperty"], 14, 2, "ko"),
        ("강교육", "인천인력개발원", "Government", ["Training"], 10, 3, "ko"),
        ("조경영", "경영혁신컨설팅", "Industry", ["Management", "Finance"], 25, 3, "ko"),
        ("임연구", "한국전자기술연구원", "Research", ["Technology", "IntellectualProperty"], 16, 2, "ko"),
        ("서종합", "남동산단 기업지원센터", "Government", ["Management", "Training", "Marketing"], 8, 4, "ko"),
    ];

    static readonly (string Name, string Role, string Language)[] Reviewers =
    [
        ("김심사", "Reviewer", "ko"),
        ("Grace Reviewer", "Reviewer", "en"),
        ("박총괄", "Escalation", "ko"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoData)
        {
            return;
        }

        for (var i = 0; i < Experts.Length; i++)
        {
            var (name, organization, sector, fields, years, max, language) = Experts[i];
            var email = $"expert{i + 1:D2}@demo.namdong-cluster.local";
            if (await experts.FindAsync(IdOf(email), cancellationToken) is null)
            {
                await experts.CreateAsync(new ExpertEntity
                {
                    RowKey = IdOf(email), Name = name, Email = email, Organization = organization, Sector = sector,
                    Fields = string.Join(",", fields), YearsOfExperience = years, MaxActiveAssignments = max, Language = language,
                }, cancellationToken);
            }
        }

        for (var i = 0; i < Reviewers.Length; i++)
        {
            var (name, role, language) = Reviewers[i];
            var email = $"{role.ToLowerInvariant()}{i + 1}@demo.namdong-cluster.local";
            if (await reviewers.FindAsync(IdOf(email), cancellationToken) is null)
            {
                await reviewers.CreateAsync(
                    new ReviewerEntity { RowKey = IdOf(email), Name = name, Email = email, Role = role, Language = language }, cancellationToken);
            }
        }

        await OpenCallAsync(cancellationToken);
        await applications.SubmitAsync(cancellationToken);
        LogSeeded(logger, Experts.Length, Reviewers.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Experts} experts, {Reviewers} reviewers and some applications (their mail shows in /dev/mailbox).")]
    static partial void LogSeeded(ILogger logger, int experts, int reviewers);

    /// <summary>The default programme's call: open since the start of today, for 60 days, with 2 billion won to commit.</summary>
    async Task OpenCallAsync(CancellationToken cancellationToken)
    {
        var programme = intake.Value.DefaultProgramme;
        if ((await calls.ListAsync(cancellationToken)).Any(call => call.Programme == programme))
        {
            return;
        }

        var now = time.GetUtcNow();
        var opensAt = new DateTimeOffset(KoreaTime.Today(time).ToDateTime(TimeOnly.MinValue), KoreaTime.Offset);
        var closesAt = opensAt.AddDays(60).AddHours(18);
        var request = new CallRequest(
            programme, new CallTitle($"{closesAt.Year}년 기업성장단계별 맞춤형 지원사업 모집공고", $"{closesAt.Year} customised support by growth stage: call for applications"),
            opensAt, closesAt, BudgetKrw: 2_000_000_000, MiniClusters: null, MaxApplications: null, CloseNow: null);
        var (call, _) = CallValidator.Validate(request, existing: null, taken: 0, intake.Value, now);
        await calls.SaveAsync(call!, isNew: true, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ids like the API's (32 lowercase hex), the same on every start, so seeding twice adds nothing.</summary>
    static string IdOf(string email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)))[..32];
}
