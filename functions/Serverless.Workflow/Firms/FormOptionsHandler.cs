using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Http;
using static Serverless.Workflow.Applications.ApplicationLimits;

namespace Serverless.Workflow.Firms;

/// <summary><c>GET /api/intake/options</c>: what the apply page needs from configuration and from the validator.</summary>
public sealed class FormOptionsHandler(IOptions<IntakeOptions> intake, CallSeats seats, TimeProvider time)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        var calls = new Dictionary<string, ProgrammeCalls>(StringComparer.Ordinal);
        foreach (var programme in intake.Value.Programmes.Keys)
        {
            calls[programme] = await seats.NowAsync(programme, time.GetUtcNow(), cancellationToken);
        }

        return ApiResults.Json(Build(calls));
    }

    /// <param name="calls">Each programme's call open now and the next (<see cref="CallSeats.NowAsync"/>).</param>
    public FormOptions Build(IReadOnlyDictionary<string, ProgrammeCalls> calls)
    {
        var options = intake.Value;
        var now = time.GetUtcNow();
        var today = KoreaTime.Today(time);
        return new FormOptions(
            options.DefaultProgramme,
            [.. options.Programmes.Keys],
            options.MiniClusters,
            Choices(ChoiceLabels.Categories),
            Choices(ChoiceLabels.Certifications),
            [.. Dimensions.All.Select(d => new Choice(d, DimensionLabels.Korean[d], Capitalized(DimensionLabels.English[d])))],
            Choices(ChoiceLabels.Documents),
            Choices(ChoiceLabels.GrowthStages),
            Choices(ChoiceLabels.TechnologyPhases),
            Choices(ChoiceLabels.SupportTracks),
            EarliestFounding,
            today,
            Limits(today),
            calls,
            now);
    }

    /// <summary>The validator's bounds by path; the bounds that depend on another field (at most the employees, the revenue) are the page's to apply.</summary>
    static Dictionary<string, FieldLimit> Limits(DateOnly today)
    {
        var limits = new Dictionary<string, FieldLimit>(StringComparer.Ordinal)
        {
            ["firm.name"] = new(MinLength: 1, MaxLength: NameLength),
            ["firm.representative"] = new(MinLength: 1, MaxLength: RepresentativeLength),
            ["firm.industryCode"] = new(MinLength: IndustryCodeLength, MaxLength: IndustryCodeLength, Pattern: IndustryCodePattern),
            ["firm.employees"] = new(MinEmployees, MaxEmployees),
            ["firm.technicalStaff"] = new(0, MaxEmployees),
            ["firm.email"] = new(MinLength: MinEmailLength, MaxLength: MaxEmailLength),
            ["firm.phone"] = new(MaxLength: PhoneLength, Pattern: PhonePattern),
            ["firm.address"] = new(MaxLength: AddressLength),
            ["firm.miniCluster"] = new(MaxLength: MiniClusterLength),
            ["financials"] = new(MinFinancialYears, MaxFinancialYears),
            ["financials[].year"] = new(EarliestYear, today.Year),

            // Money has no upper bound but the 64-bit integer's, which JavaScript cannot hold exactly.
            ["financials[].revenueKrw"] = new(0),
            ["financials[].exportKrw"] = new(0),
            ["financials[].rdSpendKrw"] = new(0),
            ["technology.trl"] = new(MinTrl, MaxTrl),
            ["technology.patents"] = new(0, MaxPatents),
            ["difficulties"] = new(MinDifficulties, MaxDifficulties),
            ["difficulties[].description"] = new(MinLength: 1, MaxLength: DescriptionLength),
        };
        foreach (var dimension in Dimensions.All)
        {
            limits[$"selfAssessment.{dimension}"] = new(MinScore, MaxScore);
        }

        return limits;
    }

    static Choice[] Choices<T>(IReadOnlyDictionary<T, Label> labels)
        where T : struct, Enum => [.. labels.Select(c => new Choice(c.Key.ToString(), c.Value.Korean, c.Value.English))];

    static string Capitalized(string label) => char.ToUpper(label[0], CultureInfo.InvariantCulture) + label[1..];
}
