using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The year's outcome report on the demo data (docs/api.md, Reports): after an application completes with the firm's
/// rating, one is terminated after approval and one rejected, the report's figures equal those this test recomputes
/// from the applications as the admin API shows them; they stay the same through a purge of an ended application's
/// history; the spreadsheet carries them as numbers under Korean headers; the dashboard shows and prints them.
/// </summary>
public sealed class OutcomeReportTests(SupportHostFixture fixture) : BrowserTests, IClassFixture<SupportHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    static int ThisYear => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Year;

    [Fact]
    public async Task TheYearsReport_IsWhatTheApplicationsSay_ThroughAPurge_InTheSpreadsheet_AndOnThePrintedPage()
    {
        // One application completes: both tasks reported, the firm rates the support.
        var completed = await SupportFlow.ApprovedAsync(Host, firmName: "성과정밀");
        await SupportFlow.AcceptAsync(Host, completed.ReceiptNumber, "T1");
        await SupportFlow.AcceptAsync(Host, completed.ReceiptNumber, "T2");
        foreach (var task in new[] { "T1", "T2" })
        {
            var (_, reportLink) = await SupportFlow.TaskMailAsync(Host, completed.ReceiptNumber, task, SupportFlow.EngagementSubject);
            (await SupportFlow.ReportAsync(Host, reportLink, $"{task} 결과")).Dispose();
        }

        await FirmFlow.WaitForStatusAsync(Host, completed.Application, "AwaitingFeedback");
        (await FirmFlow.PostFeedbackAsync(Host, completed.Application, 4, "도움이 되었습니다")).Dispose();
        await FirmFlow.WaitForStatusAsync(Host, completed.Application, "Completed");

        // One is terminated after approval, one rejected.
        var terminated = await SupportFlow.ApprovedAsync(Host, firmName: "성과중단");
        using (var stop = await AdminApi.SendAsync(Host, HttpMethod.Post, $"/api/admin/applications/{terminated.Application.ApplicationId}/terminate", new { reason = "firm withdrew" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        }

        var firm = FirmFlow.NewFirm();
        var rejected = await ReviewFlow.SubmitForReviewAsync(Host, firm, SupportFlow.ApplicationJson(firm, ["Marketing"]));
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, rejected.ReceiptNumber, ReviewFlow.RequestSubject);
        await ReviewFlow.DecideOkAsync(Host, link, "reject", "지원 대상이 아닙니다");
        await FirmFlow.WaitForStatusAsync(Host, rejected.Application, "Rejected");
        await FirmFlow.WaitForStatusAsync(Host, terminated.Application, "Terminated");

        var report = await ReportAsync($"year={ThisYear}");
        var expected = await RecomputeAsync();
        Assert.Equal(expected.Applications, report.GetProperty("applications").GetInt32());
        Assert.Equal(expected.ByStatus, Counts(report, "byStatus"));
        Assert.Equal(expected.ByMiniCluster, Counts(report, "byMiniCluster"));
        Assert.Equal(expected.ByGrowthStage, Counts(report, "byGrowthStage"));
        Assert.Equal(expected.ByTrack, Counts(report, "byTrack"));
        Assert.Equal(expected.FirmsSupported, report.GetProperty("firmsSupported").GetInt32());
        Assert.Equal(expected.TasksBySupportType, Counts(report, "tasksBySupportType"));
        Assert.Equal(expected.TasksBySector, Counts(report, "tasksBySector"));
        var budget = report.GetProperty("budget");
        Assert.Equal(expected.Budget, (budget.GetProperty("budgetKrw").GetInt64(), budget.GetProperty("committedKrw").GetInt64(), budget.GetProperty("spentKrw").GetInt64()));
        Assert.True(budget.GetProperty("spentKrw").GetInt64() > 0); // the completed one's share
        var feedback = report.GetProperty("feedback");
        Assert.Equal((expected.Asked, expected.Ratings.Count), (feedback.GetProperty("asked").GetInt32(), feedback.GetProperty("responses").GetInt32()));
        Assert.Equal(Math.Round(expected.Ratings.Average(), 2), feedback.GetProperty("averageRating").GetDouble());
        Assert.Equal(Median(expected.DaysToApproval), report.GetProperty("medianDaysToApproval").GetDouble(), 0.051);
        Assert.Equal(Median(expected.DaysToCompletion), report.GetProperty("medianDaysToCompletion").GetDouble(), 0.051);
        Assert.Equal(expected.SlaBreaches, report.GetProperty("slaBreaches").GetInt32());

        // A purge of an ended application's engine history changes no figure.
        using (var purged = await AdminApi.SendAsync(Host, HttpMethod.Delete, $"/api/admin/applications/{terminated.Application.ApplicationId}/history"))
        {
            Assert.Equal(HttpStatusCode.NoContent, purged.StatusCode);
        }

        var afterPurge = await ReportAsync($"year={ThisYear}");
        Assert.Equal(report.GetRawText(), afterPurge.GetRawText());

        // The spreadsheet: a sheet per table, Korean headers, the figures as numbers.
        using var xlsx = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/reports/outcomes.xlsx?year={ThisYear}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheets = Sheets(book);
        Assert.Equal(["요약", "상태별", "미니클러스터별", "성장단계별", "트랙별", "지원유형별 과제", "산학연관별 과제", "지원유형별 예산"], sheets.Keys);
        Assert.Equal(["항목", "값"], sheets["요약"][0].Select(c => c.Text));
        var summary = sheets["요약"].Skip(1).ToDictionary(row => row[0].Text, row => row[1]);
        Assert.Equal((true, expected.Applications.ToString(CultureInfo.InvariantCulture)), (summary["신청 수"].IsNumber, summary["신청 수"].Text));
        Assert.Equal(expected.Budget.Spent.ToString(CultureInfo.InvariantCulture), summary["집행 (원)"].Text);
        Assert.Equal(expected.ByStatus, sheets["상태별"].Skip(1).ToDictionary(row => row[0].Text, row => int.Parse(row[1].Text, CultureInfo.InvariantCulture)));
        Assert.All(sheets["상태별"].Skip(1), row => Assert.True(row[1].IsNumber));
        Assert.Equal(["마케팅 (Marketing)", "수출 (ExportSupport)"], sheets["지원유형별 과제"].Skip(1).Select(row => row[0].Text).Order(StringComparer.Ordinal));

        // The dashboard shows the year's report with its charts, and prints it alone.
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(Host.BaseAddress, "/dashboard").ToString());
        await page.FillAsync("#key", IntakeHostFixture.AdminKey);
        await page.ClickAsync("#keyForm button");
        await page.Locator("#funnel svg g").First.WaitForAsync();
        await page.ClickAsync("#reportForm button[type='submit']");
        await page.Locator("#reportBody figure svg").First.WaitForAsync();
        var shown = await page.InnerTextAsync("#reportBody");
        Assert.Contains($"{expected.Applications}", shown, StringComparison.Ordinal);
        Assert.Contains($"{Math.Round(expected.Ratings.Average(), 2).ToString("0.##", CultureInfo.InvariantCulture)} / 5", shown, StringComparison.Ordinal);
        Assert.Equal(6, await page.Locator("#reportBody figure").CountAsync());
        Assert.Contains("수출", await page.InnerTextAsync("#reportBody table"), StringComparison.Ordinal); // support types in Korean
        await Browsers.ShotAsync(page, "dashboard-8-outcome-report");
        await Browsers.AssertAccessibleAsync(page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await page.IsVisibleAsync("#reportBody"));
        Assert.False(await page.IsVisibleAsync("#listTitle"));
        Assert.False(await page.IsVisibleAsync("#reportForm"));
        await Browsers.ShotAsync(page, "dashboard-9-outcome-report-print");
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("year=1999", HttpStatusCode.BadRequest)]
    [InlineData("year=abcd", HttpStatusCode.BadRequest)]
    [InlineData("callId=nothex", HttpStatusCode.BadRequest)]
    [InlineData("year=2026&callId=0123456789abcdef0123456789abcdef", HttpStatusCode.BadRequest)]
    [InlineData("callId=0123456789abcdef0123456789abcdef", HttpStatusCode.NotFound)]
    [InlineData("year=2099", HttpStatusCode.NotFound)]
    public async Task AReportForNothingKnown_IsAClearProblem(string query, HttpStatusCode status)
    {
        foreach (var path in new[] { "/api/admin/reports/outcomes", "/api/admin/reports/outcomes.xlsx" })
        {
            using var answer = await AdminApi.SendAsync(Host, HttpMethod.Get, $"{path}?{query}");
            Assert.Equal(status, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType!.MediaType);
        }
    }

    async Task<JsonElement> ReportAsync(string query)
    {
        using var answer = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/reports/outcomes?{query}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    static Dictionary<string, int> Counts(JsonElement report, string name) =>
        report.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    sealed record Expected(
        int Applications, Dictionary<string, int> ByStatus, Dictionary<string, int> ByMiniCluster, Dictionary<string, int> ByGrowthStage,
        Dictionary<string, int> ByTrack, int FirmsSupported, Dictionary<string, int> TasksBySupportType, Dictionary<string, int> TasksBySector,
        (long Budget, long Committed, long Spent) Budget, int Asked, List<int> Ratings, List<double> DaysToApproval, List<double> DaysToCompletion,
        int SlaBreaches);

    /// <summary>The figures from what the admin API shows of each application of the year's calls, not from the report's code.</summary>
    async Task<Expected> RecomputeAsync()
    {
        using var callsAnswer = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/calls");
        var calls = (await callsAnswer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Where(c => c.GetProperty("opensAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(9)).Year == ThisYear).ToList();
        var callIds = calls.Select(c => c.GetProperty("callId").GetString()).ToHashSet();
        using var expertsAnswer = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/experts");
        var sectorOf = (await expertsAnswer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("sector").GetString()!);
        using var list = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/applications?pageSize=200");
        var details = new List<JsonElement>();
        foreach (var item in (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray())
        {
            using var detail = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications/{item.GetProperty("applicationId").GetString()}");
            var view = await detail.Content.ReadFromJsonAsync<JsonElement>();
            if (view.TryGetProperty("callId", out var callId) && callIds.Contains(callId.GetString()))
            {
                details.Add(view);
            }
        }

        static Dictionary<string, int> Tally(IEnumerable<string> keys) => keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        DateTimeOffset? Reached(JsonElement view, string status) => view.GetProperty("timeline").EnumerateArray()
            .Where(t => t.GetProperty("status").GetString() == status).Select(t => (DateTimeOffset?)t.GetProperty("at").GetDateTimeOffset()).Min();
        List<double> Days(string status) => [.. details.Select(d => Reached(d, status) is { } at ? (at - d.GetProperty("submittedAt").GetDateTimeOffset()).TotalDays : -1).Where(d => d >= 0)];
        var diagnosed = details.Where(d => d.TryGetProperty("diagnosis", out var x) && x.ValueKind == JsonValueKind.Object).Select(d => d.GetProperty("diagnosis")).ToList();
        var done = details.SelectMany(d => d.GetProperty("tasks").EnumerateArray()).Where(t => t.GetProperty("status").GetString() == "Completed").ToList();
        var asked = details.Where(d => Reached(d, "AwaitingFeedback") is not null).ToList();
        return new Expected(
            details.Count,
            Tally(details.Select(d => d.GetProperty("status").GetString()!)),
            Tally(details.Select(d => d.GetProperty("form").GetProperty("firm").TryGetProperty("miniCluster", out var m) && m.GetString() is { } cluster ? cluster : "(none)")),
            Tally(diagnosed.Select(d => d.GetProperty("growthStage").GetString()!)),
            Tally(diagnosed.Select(d => d.GetProperty("track").GetString()!)),
            details.Where(d => d.GetProperty("tasks").EnumerateArray().Any(t => t.GetProperty("status").GetString() == "Completed"))
                .Select(d => d.GetProperty("firm").GetProperty("businessRegistrationNumber").GetString()).Distinct().Count(),
            Tally(done.Select(t => t.GetProperty("supportType").GetString()!)),
            Tally(done.Select(t => sectorOf[t.GetProperty("expertName").GetString()!])),
            (calls.Sum(c => c.GetProperty("budgetKrw").GetInt64()), calls.Sum(c => c.GetProperty("committedKrw").GetInt64()), calls.Sum(c => c.GetProperty("spentKrw").GetInt64())),
            asked.Count,
            [.. asked.Where(d => d.GetProperty("feedback").ValueKind == JsonValueKind.Object).Select(d => d.GetProperty("feedback").GetProperty("rating").GetInt32())],
            Days("Approved"),
            Days("Completed"),
            details.Sum(d => d.GetProperty("tasks").EnumerateArray().Count(t => t.GetProperty("slaBreached").GetBoolean())));
    }

    static double Median(List<double> days)
    {
        days.Sort();
        var middle = days.Count / 2;
        return Math.Round(days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2, 1);
    }

    sealed record CellRead(string Text, bool IsNumber);

    static Dictionary<string, List<List<CellRead>>> Sheets(SpreadsheetDocument book)
    {
        var part = book.WorkbookPart!;
        return part.Workbook.Sheets!.Elements<Sheet>().ToDictionary(
            sheet => sheet.Name!.Value!,
            sheet => ((WorksheetPart)part.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.Number
                    ? new CellRead(cell.CellValue!.Text, true)
                    : new CellRead(cell.InnerText, false)).ToList())
                .ToList());
    }
}
