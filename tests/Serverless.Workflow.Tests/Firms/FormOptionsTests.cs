using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Serverless.Testing;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Firms;
using Serverless.Workflow.Http;
using Xunit;

namespace Serverless.Workflow.Tests.Firms;

/// <summary>What GET /api/intake/options tells the apply page is what the validator does: each bound is where it starts refusing.</summary>
public sealed class FormOptionsTests
{
    // 2026-11-29 20:00 in Korea (11:00 UTC).
    static readonly FakeTimeProvider Now = new(new DateTimeOffset(2026, 11, 29, 11, 0, 0, TimeSpan.Zero));
    // A configured mini-cluster as long as one may be, so that the longest name can be valid.
    static readonly IntakeOptions Intake = new() { MiniClusters = [.. new IntakeOptions().MiniClusters, new string('나', ApplicationLimits.MiniClusterLength)] };
    static readonly ApplicationValidator Validator = new(Options.Create(Intake), Now);
    static readonly FormOptions Told = new FormOptionsHandler(Options.Create(Intake), null!, Now).Build(new Dictionary<string, Serverless.Workflow.Calls.ProgrammeCalls>());

    public static TheoryData<string> Paths() => [.. Told.Limits.Keys];

    [Theory]
    [MemberData(nameof(Paths))]
    public void EachBound_IsAccepted_AndOneBeyondItIsRefusedAtItsPath(string path)
    {
        var limit = Told.Limits[path];
        var at = path.Replace("[]", "[0]", StringComparison.Ordinal);
        var checks = new List<(JsonNode Value, bool Valid)>();
        if (limit.Min is { } min)
        {
            checks.AddRange([(Value(path, min), true), (Value(path, min - 1), false)]);
        }

        if (limit.Max is { } max)
        {
            checks.AddRange([(Value(path, max), true), (Value(path, max + 1), false)]);
        }

        if (limit.MaxLength is { } maxLength)
        {
            checks.AddRange([(Text(path, maxLength), true), (Text(path, maxLength + 1), false)]);
        }

        Assert.NotEmpty(checks);
        foreach (var (value, valid) in checks)
        {
            var (_, errors) = Validator.Validate(With(at, value));
            Assert.True(valid != errors.ToDictionary().ContainsKey(at), $"{at} = {value.ToJsonString()}: {string.Join("; ", errors.ToDictionary().Keys)}");
        }
    }

    [Fact]
    public void TheChoices_AreTheValidatorsAndTheConfiguration()
    {
        Assert.Equal(Enum.GetNames<DifficultyCategory>(), Told.DifficultyCategories.Select(c => c.Value));
        Assert.Equal(Enum.GetNames<Certification>(), Told.Certifications.Select(c => c.Value));
        Assert.Equal(Intake.MiniClusters, Told.MiniClusters);
        Assert.Equal(new DateOnly(2026, 11, 29), Told.Today);
        Assert.All(Told.DifficultyCategories.Concat(Told.Certifications).Concat(Told.SelfAssessment), c => Assert.False(string.IsNullOrWhiteSpace(c.Ko + c.En)));
    }

    /// <summary>A number for a field, or a list of that many valid entries for a list (distinct years for financials).</summary>
    static JsonNode Value(string path, long number)
    {
        if (path is "financials" or "difficulties")
        {
            var first = Sample()[path]![0]!;
            return new JsonArray([.. Enumerable.Range(0, (int)number).Select(i =>
            {
                var entry = first.DeepClone();
                if (path == "financials")
                {
                    entry["year"] = 2025 - i;
                }

                return entry;
            })]);
        }

        return JsonValue.Create(number);
    }

    /// <summary>A text of that many characters that is otherwise valid for its field.</summary>
    static JsonValue Text(string path, int length) => JsonValue.Create(path switch
    {
        "firm.email" => new string('a', length - "@b.kr".Length) + "@b.kr",
        "firm.phone" => "+" + new string('0', length - 1),
        "firm.industryCode" => "C29".PadRight(length, '9'),
        "firm.miniCluster" => new string('나', length),
        _ => new string('가', length),
    });

    /// <summary>The sample application with one value set at a JSON path; a bound on the technical staff needs as many employees.</summary>
    static ApplicationRequest With(string path, JsonNode value)
    {
        var request = Sample();
        if (path == "firm.technicalStaff")
        {
            request["firm"]!["employees"] = ApplicationLimits.MaxEmployees;
        }

        var steps = path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        var parent = steps[..^1].Aggregate((JsonNode)request, (node, step) => int.TryParse(step, out var i) ? node[i]! : node[step]!);
        parent[steps[^1]] = value;
        return request.Deserialize<ApplicationRequest>(Json.Options)!;
    }

    static JsonObject Sample() => JsonSerializer.SerializeToNode(SampleApplications.Request(), Json.Options)!.AsObject();
}
