using System.Globalization;
using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Reports;

/// <summary>
/// <c>GET /api/admin/reports/outcomes</c> and <c>…/outcomes.xlsx</c> (docs/api.md, Reports): one call
/// (<c>callId=</c>) or the calls opened in a year (<c>year=</c>, Korea time), exactly one of the two.
/// </summary>
public sealed class OutcomeReportHandlers(OutcomeReportBuilder builder)
{
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await AnswerAsync(request, report => ApiResults.Json(report), cancellationToken);

    public async Task<IResult> SpreadsheetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await AnswerAsync(request, report => TypedResults.File(
            OutcomeWorkbook.Write(report), OutcomeWorkbook.ContentType,
            report.Scope.Year is { } year ? $"outcomes-{year}.xlsx" : $"outcomes-{report.Scope.CallId}.xlsx"), cancellationToken);

    async Task<IResult> AnswerAsync(HttpRequest request, Func<OutcomeReport, IResult> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (callId, year, errors) = Parse(request.Query);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        return await builder.BuildAsync(callId, year, cancellationToken) switch
        {
            OutcomeAnswer.Done(var report) => answer(report),
            OutcomeAnswer.NoCall(var detail) => Problems.NotFound(detail),
            _ => throw new InvalidOperationException("An outcome answer of another kind."),
        };
    }

    static (string? CallId, int? Year, ValidationErrors Errors) Parse(IQueryCollection query)
    {
        var errors = new ValidationErrors();
        var callId = query["callId"].ToString() is { Length: > 0 } id ? id : null;
        var yearText = query["year"].ToString() is { Length: > 0 } text ? text : null;
        int? year = null;
        if ((callId is null) == (yearText is null))
        {
            errors.Add("callId", "Give exactly one of callId and year.");
        }
        else if (callId is not null && !ApplicationIds.IsValid(callId))
        {
            errors.Add("callId", "A call id is 32 lowercase hex characters.");
        }
        else if (yearText is not null)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= EarliestYear and <= LatestYear)
            {
                year = parsed;
            }
            else
            {
                errors.Add("year", $"A year from {EarliestYear} to {LatestYear}.");
            }
        }

        return (callId, year, errors);
    }
}
