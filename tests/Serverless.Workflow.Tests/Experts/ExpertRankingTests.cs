using Serverless.Workflow.Applications;
using Serverless.Workflow.Experts;
using Xunit;

namespace Serverless.Workflow.Tests.Experts;

/// <summary>Who may be offered a task, best first (docs/workflow.md, Who gets the work).</summary>
public sealed class ExpertRankingTests
{
    static readonly MatchingFirm Firm = new("124-81-00998", "남동정밀(주)");

    static ExpertEntity Expert(
        string id, string fields = "Export", int active = 0, int max = 2, int years = 10, int total = 0, bool enabled = true,
        string conflicts = "", string organization = "기관") => new()
        {
            RowKey = id, Name = id, Fields = fields, ActiveAssignments = active, MaxActiveAssignments = max, YearsOfExperience = years,
            TotalAssignments = total, Active = enabled, ConflictBusinessRegistrationNumbers = conflicts, Organization = organization,
        };

    static IReadOnlyList<string> Rank(IEnumerable<ExpertEntity> experts, ISet<string>? excluded = null, ISet<string>? holding = null) =>
        [.. ExpertRanking.Rank(experts, DifficultyCategory.Export, Firm,
            (IReadOnlySet<string>?)excluded ?? new HashSet<string>(), (IReadOnlySet<string>?)holding ?? new HashSet<string>()).Select(e => e.RowKey)];

    [Fact]
    public void Rank_KeepsOnlyActiveExpertsOfTheFieldWithRoom_AndNoConflict()
    {
        var ranked = Rank([
            Expert("ok"),
            Expert("other-field", fields: "Finance"),
            Expert("full", active: 2, max: 2),
            Expert("inactive", enabled: false),
            Expert("brn-conflict", conflicts: "214-86-39180,124-81-00998"),
            Expert("works-there", organization: "  남동정밀(주) "),
            Expert("declined"),
        ], excluded: new HashSet<string> { "declined" });

        Assert.Equal(["ok"], ranked);
    }

    [Fact]
    public void Rank_OrganisationIsComparedTrimmedAndCaseFolded()
    {
        var firm = new MatchingFirm("124-81-00998", "Namdong Precision Co.");
        var ranked = ExpertRanking.Rank(
            [Expert("same", organization: " NAMDONG precision co. "), Expert("other", organization: "Namdong Precision Group")],
            DifficultyCategory.Export, firm, new HashSet<string>(), new HashSet<string>());

        Assert.Equal(["other"], ranked.Select(e => e.RowKey));
    }

    [Fact]
    public void Rank_OrdersByOtherTask_ThenLoadShare_ThenExperience_ThenTotal_ThenId()
    {
        var ranked = Rank([
            Expert("e-holds-another", years: 40),
            Expert("d-half-loaded", active: 1, max: 2, years: 30),
            Expert("c-less-experienced", years: 5),
            Expert("b-busier-history", years: 20, total: 9),
            Expert("a2-tie", years: 20, total: 1),
            Expert("a1-tie", years: 20, total: 1),
        ], holding: new HashSet<string> { "e-holds-another" });

        Assert.Equal(["a1-tie", "a2-tie", "b-busier-history", "c-less-experienced", "d-half-loaded", "e-holds-another"], ranked);
    }
}
