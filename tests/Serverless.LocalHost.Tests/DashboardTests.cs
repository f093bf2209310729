using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Serverless.Testing;
using Serverless.Workflow.Orchestration;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The admin dashboard in headless Chromium (<see cref="Chromium"/>; .ci/run installs Debian's): enter the key, see the
/// funnel, filter, open an application, terminate it and see its status change; read a completed application in full;
/// manage the pools. A screenshot of each step is kept in artifacts/screenshots.
/// </summary>
public sealed class DashboardTests(SupportHostFixture fixture) : BrowserTests, IClassFixture<SupportHostFixture>
{
    [Fact]
    public async Task AnAdmin_EntersTheKey_Filters_OpensAnApplication_AndTerminatesIt()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(fixture.Host);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var served = await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/admin").ToString());
        await ShotAsync(page, "1-key");

        // Nothing inline may run or style the page: its script and styles come from /assets/ alone.
        Assert.Contains("script-src 'self'; style-src 'self'", served!.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal(("no-store", "no-referrer"), (served.Headers["cache-control"], served.Headers["referrer-policy"]));
        var html = await served.TextAsync();
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)|<style|\sstyle=", html);

        await page.FillAsync("#key", IntakeHostFixture.AdminKey);
        await page.ClickAsync("#keyForm button");
        var awaitingReview = page.Locator("#funnel svg g[data-key='AwaitingReview']");
        await awaitingReview.WaitForAsync();
        Assert.DoesNotContain(IntakeHostFixture.AdminKey, page.Url, StringComparison.Ordinal);
        Assert.Equal("검토 대기", await awaitingReview.Locator("text.label").TextContentAsync());
        Assert.NotEqual("0", await awaitingReview.Locator("text.value").TextContentAsync());
        await ShotAsync(page, "2-funnel-and-list");

        // One letter of a firm's name is no search: the field says so in words, and no other filter's rows stay.
        await page.FillAsync("#q", "정");
        await page.ClickAsync("#filters button[type='submit']");
        await page.Locator("#qError", new PageLocatorOptions { HasText = "두 글자 이상" }).WaitForAsync();
        Assert.NotNull(await page.GetAttributeAsync("#q", "aria-invalid"));
        Assert.Equal(0, await page.Locator("#rows tr").CountAsync());
        await ShotAsync(page, "2b-search-refused-1280");
        await Browsers.AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(375, 800);
        await ShotAsync(page, "2b-search-refused-375");
        await Browsers.AssertAccessibleAsync(page);
        await AssertFitsTheWidthAsync(page);
        await page.SetViewportSizeAsync(1280, 900);

        await page.SelectOptionAsync("#status", "AwaitingReview");
        await page.FillAsync("#q", review.ReceiptNumber);
        await page.ClickAsync("#filters button[type='submit']");
        var row = page.Locator("#rows tr", new PageLocatorOptions { HasText = review.ReceiptNumber });
        await row.WaitForAsync();

        // The unfiltered list may show the row already; the filtered one replaces it a moment later.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await page.Locator("#rows tr").CountAsync() > 1 && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, await page.Locator("#rows tr").CountAsync());
        Assert.Equal(("", null), (await page.Locator("#qError").TextContentAsync(), await page.GetAttributeAsync("#q", "aria-invalid")));
        Assert.Equal(("검토 대기", "검토"), (await row.Locator("td[data-status]").TextContentAsync(), await row.Locator("td[data-stage]").TextContentAsync()));
        Assert.Equal($"v{WorkflowVersions.Current}", await row.Locator("td").Last.TextContentAsync()); // which path it is on, for removing old ones
        Assert.Matches($@"^v{WorkflowVersions.Current} \d+$", await page.Locator("#inFlightByVersion").TextContentAsync());
        await ShotAsync(page, "3-filtered");

        await row.ClickAsync();
        await page.Locator("#detailStatus[data-status='AwaitingReview']").WaitForAsync();
        Assert.Equal("검토 대기", await page.Locator("#detailStatus").TextContentAsync());
        Assert.Contains("→ 검토 대기", await page.Locator("#timeline li[data-status='AwaitingReview']").Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("SendReviewLinkActivity", await page.Locator("#history").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("검토", await page.Locator("#links li[data-purpose='Review']").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "4-detail");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync("브라우저 테스트에서 종료");
        await page.ClickAsync("button[data-action='terminate']");
        await page.Locator("#detailStatus[data-status='Terminated']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("Terminated", (await FirmFlow.GetAsync(fixture.Host, review.Application)).GetProperty("status").GetString());
        await ShotAsync(page, "5-terminated");

        await page.ClickAsync("#lang");
        Assert.Equal("Applications", await page.Locator("h2[data-en='Applications']").TextContentAsync());
        await ShotAsync(page, "6-english");
    }

    /// <summary>
    /// An application driven through the real workflow to Completed (two tasks, one report with a file, the firm's
    /// rating) answers from the dashboard alone what the firm asked for, how it was scored, who worked on it and what
    /// they reported; the view comes back on a reload; the charts carry their numbers.
    /// </summary>
    [Fact]
    public async Task ACompletedApplication_ShowsItsWholeStory_AndTheViewSurvivesAReload()
    {
        var spentBefore = await DemoCallSpentAsync();
        var application = await SupportFlow.ApprovedAsync(fixture.Host, firmName: "대시보드정밀"); // plan: T1 ExportSupport, T2 Marketing
        var receipt = application.ReceiptNumber;
        var t1Expert = await SupportFlow.AcceptAsync(fixture.Host, receipt, "T1");
        await SupportFlow.AcceptAsync(fixture.Host, receipt, "T2");
        var (_, t1Report) = await SupportFlow.TaskMailAsync(fixture.Host, receipt, "T1", SupportFlow.EngagementSubject);
        var (_, t2Report) = await SupportFlow.TaskMailAsync(fixture.Host, receipt, "T2", SupportFlow.EngagementSubject);
        (await SupportFlow.ReportAsync(fixture.Host, t1Report, "수출 바이어 3곳 발굴", FirmFlow.SmallPdf, "export-report.pdf")).Dispose();
        (await SupportFlow.ReportAsync(fixture.Host, t2Report, "온라인 마케팅 전략 수립")).Dispose();
        await FirmFlow.WaitForStatusAsync(fixture.Host, application.Application, "AwaitingFeedback");
        (await FirmFlow.PostFeedbackAsync(fixture.Host, application.Application, 4, "전문가 상담이 유익했습니다")).Dispose();
        var completed = await FirmFlow.WaitForStatusAsync(fixture.Host, application.Application, "Completed");
        using var answer = await AdminApi.SendAsync(fixture.Host, HttpMethod.Get, $"/api/admin/applications/{application.Application.ApplicationId}");
        var form = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("form");

        // Its programme share moved from committed to spent in its call.
        Assert.Equal(spentBefore + completed.GetProperty("plan").GetProperty("totalProgrammeShareKrw").GetInt64(), await DemoCallSpentAsync());

        var page = await LoggedInPageAsync();
        await page.SelectOptionAsync("#status", "Completed");
        await page.FillAsync("#q", receipt);
        await page.ClickAsync("#filters button[type='submit']");
        await page.Locator("#rows a[href*='status=Completed']", new PageLocatorOptions { HasText = receipt }).ClickAsync();
        var detail = page.Locator("#detail");
        await page.Locator("#detailStatus[data-status='Completed']").WaitForAsync();
        Assert.Contains($"status=Completed&q={receipt}&id={application.Application.ApplicationId}", page.Url, StringComparison.Ordinal);

        Assert.Equal("완료", await page.Locator("#detailStatus").TextContentAsync());
        var profile = await page.Locator("#profile").InnerTextAsync();
        Assert.Contains("대시보드정밀", profile, StringComparison.Ordinal);
        Assert.Contains(form.GetProperty("firm").GetProperty("representative").GetString()!, profile, StringComparison.Ordinal);
        var year = form.GetProperty("financials")[0];
        var yearRow = page.Locator("#financials tbody tr", new PageLocatorOptions { HasText = year.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture) });
        Assert.Contains(year.GetProperty("revenueKrw").GetInt64().ToString("N0", CultureInfo.InvariantCulture) + "원", await yearRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("수출 Export 지원 요청", await page.Locator("#difficulties").InnerTextAsync(), StringComparison.Ordinal);

        // Files come with the admin key in a header, saved from a blob: the very bytes under their own name.
        await AssertDownloadsAsync(page, page.Locator("#documents li", new PageLocatorOptions { HasText = "BusinessPlan.pdf" }).Locator("button"), "BusinessPlan.pdf", FirmFlow.SmallPdf);

        var chart = page.Locator("#diagnosis svg[role='img']");
        Assert.Equal(6, await chart.Locator("rect.bar").CountAsync()); // a bar per dimension, over its maximum
        Assert.Equal(6, await chart.Locator("rect.track").CountAsync());
        Assert.Matches(@"\d+(\.\d)? / \d+", await chart.GetAttributeAsync("aria-label"));
        var diagnosis = await page.Locator("#diagnosis").InnerTextAsync();
        Assert.Contains("성장단계", diagnosis, StringComparison.Ordinal);
        Assert.Contains("지원 트랙", diagnosis, StringComparison.Ordinal);
        Assert.Contains("합계", await page.Locator("#plan").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["T1", "T2"], await page.Locator("#plan tbody th").AllTextContentsAsync());

        var t1 = page.Locator("#tasks tbody tr", new PageLocatorOptions { HasText = "T1" });
        var t1Text = await t1.InnerTextAsync();
        Assert.Contains(t1Expert.GetProperty("name").GetString()!, t1Text, StringComparison.Ordinal);
        Assert.Contains("수출 바이어 3곳 발굴", t1Text, StringComparison.Ordinal);
        Assert.Equal("완료", await t1.Locator("td[data-status]").TextContentAsync());
        await AssertDownloadsAsync(page, t1.Locator("button"), "export-report.pdf", FirmFlow.SmallPdf);
        Assert.Equal(0, await page.Locator("#tasks tbody tr", new PageLocatorOptions { HasText = "T2" }).Locator("button").CountAsync()); // no file came

        var feedback = await page.Locator("#feedback").InnerTextAsync();
        Assert.Contains("4 / 5", feedback, StringComparison.Ordinal);
        Assert.Contains("전문가 상담이 유익했습니다", feedback, StringComparison.Ordinal);
        Assert.Contains("만족도 대기 → 완료", await page.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);

        // Every completion in the engine's history is named after the task it completes.
        var completions = page.Locator("#history tbody tr", new PageLocatorOptions { HasText = "TaskCompleted" });
        Assert.True(await completions.CountAsync() >= 5);
        Assert.DoesNotContain("", (await completions.Locator("td:nth-child(3)").AllTextContentsAsync()).Select(name => name.Trim()));
        Assert.Contains("RecordTaskActivity", await completions.Locator("td:nth-child(3)").AllTextContentsAsync());
        await ShotAsync(page, "8-completed-1280");
        await Browsers.AssertAccessibleAsync(page);

        // The funnel has a bar per status, the week chart one per week, this week's counting what was just submitted.
        Assert.Equal(16, await page.Locator("#funnel svg g").CountAsync());
        Assert.Contains("완료 ", await page.Locator("#funnel svg").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        var weeks = page.Locator("#weeks svg g");
        Assert.Equal(12, await weeks.CountAsync());
        var today = DateTime.UtcNow.AddHours(9);
        Assert.Equal($"{ISOWeek.GetYear(today)}-W{ISOWeek.GetWeekOfYear(today):D2}", await weeks.Last.GetAttributeAsync("data-week"));
        Assert.True(int.Parse(await weeks.Last.Locator("text.value").TextContentAsync() ?? "0", CultureInfo.InvariantCulture) >= 1);

        // A reload (or the link shared) opens the same view: the filters and the application.
        await page.ReloadAsync();
        await page.Locator("#detailStatus[data-status='Completed']").WaitForAsync();
        Assert.Equal(("Completed", receipt), (await page.InputValueAsync("#status"), await page.InputValueAsync("#q")));
        Assert.Contains(receipt, await page.Locator("#detailTitle").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("#rows tr[aria-current='true']").WaitForAsync();
        Assert.Equal(1, await page.Locator("#rows tr").CountAsync());

        await page.SetViewportSizeAsync(375, 800);
        await ShotAsync(page, "8-completed-375");
        await Browsers.AssertAccessibleAsync(page);
        await AssertFitsTheWidthAsync(page);
        await page.ClickAsync("#detail a[href]");
        await detail.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        await ShotAsync(page, "9-list-375");
        await Browsers.AssertAccessibleAsync(page);
        await AssertFitsTheWidthAsync(page);
        await page.SetViewportSizeAsync(1280, 900);
        await ShotAsync(page, "9-list-1280");
        await Browsers.AssertAccessibleAsync(page);
    }

    /// <summary>Nothing sticks out sideways on a phone: wide tables scroll in their own box, the page does not.</summary>
    static async Task AssertFitsTheWidthAsync(IPage page) =>
        Assert.Equal(375, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));

    static async Task AssertDownloadsAsync(IPage page, ILocator button, string fileName, byte[] content)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        Assert.Equal(content, bytes.ToArray());
    }

    [Fact]
    public async Task Pools_AnAdminAddsEditsAndDeactivatesFromTheDashboard()
    {
        var page = await LoggedInPageAsync();
        var email = $"dash-{Guid.NewGuid():N}@example.org";
        await page.FillAsync("#expertName", "대시보드전문가");
        await page.FillAsync("#expertEmail", email);
        await page.FillAsync("#expertFields", "Finance, Export");
        await page.ClickAsync("#expertForm button");
        var row = page.Locator("#experts tr", new PageLocatorOptions { HasText = "대시보드전문가" });
        await row.WaitForAsync();

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(dialog.Message == "maxActiveAssignments" ? "5" : dialog.DefaultValue);
        await row.Locator("button").First.ClickAsync();
        await page.Locator("#experts tr", new PageLocatorOptions { HasText = "0/5" }).WaitForAsync();
        await row.Locator("button").Nth(1).ClickAsync();
        await ShotAsync(page, "7-pools");

        var expert = await SupportFlow.ExpertByEmailAsync(fixture.Host, email);
        for (var attempt = 0; attempt < 40 && expert.GetProperty("active").GetBoolean(); attempt++)
        {
            await Task.Delay(250);
            expert = await SupportFlow.ExpertByEmailAsync(fixture.Host, email);
        }

        Assert.Equal((5, false), (expert.GetProperty("maxActiveAssignments").GetInt32(), expert.GetProperty("active").GetBoolean()));
        Assert.Equal(["Finance", "Export"], expert.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task AWrongKey_IsRefused_AndTheLoginAsksAgain()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/dashboard").ToString());
        await page.FillAsync("#key", "not-the-key");
        await page.ClickAsync("#keyForm button");

        await page.Locator("#keyError:not(:empty)").WaitForAsync();
        Assert.True(await page.Locator("#app").IsHiddenAsync());
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('adminKey')"));
    }

    /// <summary>
    /// The calls' table shows each call's budget, committed, spent and left (the demo's open call); an admin opens the
    /// next call from the form, in Korea time, and raises a budget from its row.
    /// </summary>
    [Fact]
    public async Task TheCallsTable_ShowsEachBudget_AndAnAdminOpensTheNextCallAndRaisesItsBudget()
    {
        var page = await LoggedInPageAsync();
        var demo = page.Locator("#calls tr", new PageLocatorOptions { HasTextString = "모집공고" }).First;
        await demo.WaitForAsync();
        var cells = await demo.Locator("td").AllInnerTextsAsync();
        Assert.Equal("접수 중", cells[1]);
        Assert.EndsWith("원", cells[6], StringComparison.Ordinal); // left: the demo's budget less what its approvals committed
        Assert.Contains("2,000,000,000원", await demo.InnerTextAsync(), StringComparison.Ordinal);

        // The next call opens when the demo's has closed (windows of a programme never overlap).
        var opens = DateTimeOffset.UtcNow.AddDays(70).ToOffset(TimeSpan.FromHours(9));
        await page.FillAsync("#callTitleKo", "2027년 하반기 기업성장 지원사업");
        await page.FillAsync("#callTitleEn", "2027 second-half growth support");
        await page.FillAsync("#callOpens", opens.ToString("yyyy-MM-dd'T'09:00", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#callCloses", opens.AddDays(30).ToString("yyyy-MM-dd'T'18:00", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#callBudget", "500,000,000");
        await page.ClickAsync("#callForm button[type='submit']");
        var next = page.Locator("#calls tr", new PageLocatorOptions { HasTextString = "2027년 하반기" });
        await next.WaitForAsync();
        Assert.Contains("예정", await next.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("오전 9:00", await next.InnerTextAsync(), StringComparison.Ordinal); // shown in Korea time, as entered
        Assert.Contains("500,000,000원", await next.InnerTextAsync(), StringComparison.Ordinal);

        page.Dialog += (_, dialog) => dialog.AcceptAsync("750000000");
        await next.Locator("button", new LocatorLocatorOptions { HasTextString = "예산 변경" }).ClickAsync();
        await page.Locator("#calls tr", new PageLocatorOptions { HasTextString = "750,000,000원" }).WaitForAsync();
        await ShotAsync(page, "7-calls");
        await Browsers.AssertAccessibleAsync(page);
    }

    async Task<long> DemoCallSpentAsync()
    {
        using var listed = await AdminApi.SendAsync(fixture.Host, HttpMethod.Get, "/api/admin/calls");
        return (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Single(call => call.GetProperty("state").GetString() == "Open").GetProperty("spentKrw").GetInt64();
    }

    async Task<IPage> LoggedInPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/dashboard").ToString());
        await page.FillAsync("#key", IntakeHostFixture.AdminKey);
        await page.ClickAsync("#keyForm button");
        await page.Locator("#funnel svg g").First.WaitForAsync();
        return page;
    }

    static Task ShotAsync(IPage page, string name) => Browsers.ShotAsync(page, $"dashboard-{name}");
}
