using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Serverless.Testing;
using Serverless.Workflow.Applications;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The firm's apply page in headless Chromium against the real host: errors at their fields (the page's own checks and
/// the server's), the draft through a reload, one application however often it is sent, English, and axe at a desktop's
/// and a phone's width. Screenshots of each step are kept in artifacts/screenshots.
/// </summary>
public sealed class ApplyPageTests(ApplyHostFixture fixture) : BrowserTests, IClassFixture<ApplyHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task AFirm_FixesWhatThePageAndTheServerSay_ReloadsItsDraft_AndDoubleClicksIntoOneApplication()
    {
        var before = await fixture.StoredStateAsync();
        var page = await ApplyForm.OpenAsync(Browser, Host);
        var posts = new List<IRequest>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/applications", StringComparison.Ordinal))
            {
                posts.Add(request);
            }
        };

        // Empty: every required field says so, the summary links to each and has the focus, nothing is sent.
        await page.ClickAsync("#submit");
        var brn = page.Locator(ApplyForm.Control("firm.businessRegistrationNumber"));
        Assert.Equal("필수 항목입니다.", await ApplyForm.ErrorAsync(page, "firm.businessRegistrationNumber"));
        Assert.Equal("", await brn.GetAttributeAsync("aria-invalid"));
        Assert.Contains("f-firm-businessRegistrationNumber-error", await brn.GetAttributeAsync("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("필수 항목입니다.", await ApplyForm.ErrorAsync(page, "selfAssessment.marketing"));
        Assert.Equal(23, await page.Locator("#summary li a").CountAsync());
        Assert.Equal("summary", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.ClickAsync("#summary a[href='#f-firm-email']");
        Assert.Equal("f-firm-email", await page.EvaluateAsync<string>("document.activeElement.id"));
        await Browsers.ShotAsync(page, "apply-1-empty-submitted");
        await Browsers.AssertAccessibleAsync(page);

        // A number whose check digit is wrong is refused at its field as the person leaves it, and cleared once put right.
        await brn.FillAsync("124-81-00997");
        await brn.PressAsync("Tab");
        Assert.Contains("검증 숫자", await ApplyForm.ErrorAsync(page, "firm.businessRegistrationNumber"), StringComparison.Ordinal);
        await Browsers.ShotAsync(page, "apply-2-check-digit");
        var firm = FirmFlow.NewFirm();
        var email = $"apply-{Guid.NewGuid():N}@example.com";
        await ApplyForm.FillAsync(page, firm, email);
        Assert.Equal("", await ApplyForm.ErrorAsync(page, "firm.businessRegistrationNumber"));
        Assert.Null(await brn.GetAttributeAsync("aria-invalid"));
        Assert.Empty(posts);

        // A year added and removed again leaves the others as they were.
        await page.ClickAsync("section[data-path='financials'] .add");
        await page.FillAsync(ApplyForm.Control("financials[2].year"), "2023");
        await page.ClickAsync("section[data-path='financials'] .row:nth-child(3) .remove");
        Assert.Equal(2, await page.Locator("section[data-path='financials'] .row").CountAsync());
        Assert.Equal("2024", await page.InputValueAsync(ApplyForm.Control("financials[1].year")));

        // A mini-cluster the page cannot know is wrong (its option changed in the DOM): the server's error at its field.
        await page.EvalOnSelectorAsync("#f-firm-miniCluster option[value='친환경나노']", "option => { option.value = '없는클러스터'; }");
        await page.ClickAsync("#submit");
        await page.Locator("#f-firm-miniCluster-error:not(:empty)").WaitForAsync();
        Assert.StartsWith("Unknown mini-cluster", await ApplyForm.ErrorAsync(page, "firm.miniCluster"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#summary a[href='#f-firm-miniCluster']").CountAsync());
        Assert.Equal(400, (await posts.Single().ResponseAsync())!.Status);
        Assert.Equal(before, await fixture.StoredStateAsync());
        await Browsers.ShotAsync(page, "apply-3-server-error");

        // A reload loses nothing; the configured mini-cluster is offered.
        await page.ReloadAsync();
        await page.SelectOptionAsync(ApplyForm.Control("firm.miniCluster"), ApplyHostFixture.ConfiguredMiniCluster);
        Assert.Equal(firm, await brn.InputValueAsync());
        Assert.Equal("C29", await page.InputValueAsync(ApplyForm.Control("firm.industryCode")));
        Assert.Equal("4,800,000,000", await page.InputValueAsync(ApplyForm.Control("financials[1].revenueKrw")));
        Assert.Equal("Prototype", await page.InputValueAsync(ApplyForm.Control("difficulties[1].category")));
        Assert.True(await page.IsCheckedAsync("#f-selfAssessment-commercialization-4"));
        Assert.True(await page.IsCheckedAsync("#f-technology-hasResearchLab-true"));

        // A double click sends once; the receipt number shown is the application's and the receipt mail's.
        await page.DblClickAsync("#submit");
        await page.Locator("#receipt").WaitForAsync();
        var receipt = await page.Locator("#receiptNumber").InnerTextAsync();
        Assert.Contains("메일을 확인해 확인 링크를 눌러 주세요", await page.Locator("#receipt").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, posts.Count);
        Assert.Equal([receipt], await ReceiptNumbersAsync(firm));
        var mail = await Mailbox.WaitForAsync(Host, receipt, "접수되었습니다");
        Assert.Equal([email], mail.To);
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('applyDraft')"));
        await Browsers.ShotAsync(page, "apply-4-received");

        // The answer lost and the same request sent again (its Idempotency-Key with it): the same application, still one.
        var sent = posts[1];
        using var again = await FirmFlow.PostAsync(Host, sent.PostData!, sent.Headers["idempotency-key"]);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(receipt, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString());
        Assert.Equal([receipt], await ReceiptNumbersAsync(firm));
    }

    [Fact]
    public async Task AnOpenApplication_AndAKeyUsedBeforeForOtherContent_AreSaidInWords()
    {
        var open = FirmFlow.NewFirm();
        await FirmFlow.SubmitAsync(Host, open);
        var page = await ApplyForm.OpenAsync(Browser, Host);
        await ApplyForm.FillAsync(page, open, $"open-{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("#submit");
        await page.Locator("#notice:not([hidden])").WaitForAsync();
        Assert.Contains("진행 중인 신청이 이미 있어", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
        await Browsers.ShotAsync(page, "apply-5-already-open");

        // Another body was sent with this draft's key (a lost answer, then the form changed): said so, then a new key.
        var key = await page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('applyDraft')).idempotencyKey");
        using var first = await FirmFlow.PostAsync(Host, FirmFlow.ApplicationJson(), key);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var firm = FirmFlow.NewFirm();
        await page.FillAsync(ApplyForm.Control("firm.businessRegistrationNumber"), firm);
        await page.ClickAsync("#submit");
        await page.Locator("#notice", new PageLocatorOptions { HasText = "앞서 다른 내용으로" }).WaitForAsync();
        await page.ClickAsync("#submit");
        await page.Locator("#receipt").WaitForAsync();
        Assert.Equal([await page.Locator("#receiptNumber").InnerTextAsync()], await ReceiptNumbersAsync(firm));
    }

    [Fact]
    public async Task TheEnglishToggle_ShowsEnglish_SetsTheLanguage_AndIsRemembered()
    {
        var page = await ApplyForm.OpenAsync(Browser, Host, width: 360);
        await page.ClickAsync("#lang");

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Business registration number", await page.InnerTextAsync("label[for='f-firm-businessRegistrationNumber']"));
        Assert.Equal("Financials", await page.InnerTextAsync("#f-financials-title"));
        Assert.Equal("한국어", await page.InnerTextAsync("#lang"));
        Assert.Equal("en", await page.InputValueAsync(ApplyForm.Control("language")));
        await page.ClickAsync("#submit");
        Assert.Equal("Required.", await ApplyForm.ErrorAsync(page, "firm.name"));

        await page.ReloadAsync();
        await page.Locator("#f-firm-name").WaitForAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Submit application", await page.InnerTextAsync("#submit"));
        await Browsers.ShotAsync(page, "apply-6-english-360");
        await Browsers.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ThePage_IsAccessibleAtBothWidths_UnderAPolicyWithoutInlineScriptOrStyle()
    {
        var url = new Uri(Host.BaseAddress, "/apply");
        var text = await Browsers.LookAtAsync(Browser, url, "apply");
        Assert.Contains("사업자등록번호", text, StringComparison.Ordinal);
        Assert.Contains("자가진단", text, StringComparison.Ordinal);

        using var response = await Host.Client.GetAsync(url);
        Assert.Equal(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("style=", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBrnCheckInThePage_AgreesWithTheServer_OnEveryVector()
    {
        var vectors = File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "Serverless.Workflow.Tests", "Applications", "brn-vectors.txt"))
            .Where(line => !line.StartsWith('#') && line.Length > 0)
            .Select(line => line.Split(' ')[1])
            .ToArray();
        var page = await ApplyForm.OpenAsync(Browser, Host);

        var inPage = await page.EvaluateAsync<bool[]>(
            "async numbers => { const form = await import('/assets/application-form.js'); " +
            "return numbers.map(n => form.brnDigits(n) !== null && form.hasValidCheckDigit(form.brnDigits(n))); }",
            vectors);

        Assert.Equal(vectors.Select(v => BusinessRegistrationNumber.Normalize(v) is not null), inPage);
        Assert.Contains(true, inPage);
        Assert.Contains(false, inPage);
    }

    [Fact]
    public async Task TheOptions_ListTheConfiguredMiniClusters_AndOnlyEmbeddedAssetsAreServed()
    {
        var options = await Host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/intake/options", UriKind.Relative));
        Assert.Contains(ApplyHostFixture.ConfiguredMiniCluster, options.GetProperty("miniClusters").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("친환경나노", options.GetProperty("miniClusters").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("수출", options.GetProperty("difficultyCategories").EnumerateArray().Single(c => c.GetProperty("value").GetString() == "Export").GetProperty("ko").GetString());

        foreach (var (name, type) in new[] { ("apply.js", "text/javascript"), ("application-form.js", "text/javascript") })
        {
            using var asset = await Host.Client.GetAsync(new Uri($"/assets/{name}", UriKind.Relative));
            Assert.Equal((HttpStatusCode.OK, type, "no-cache"),
                (asset.StatusCode, asset.Content.Headers.ContentType!.MediaType, asset.Headers.CacheControl!.ToString()));
        }

        // The stylesheet by the name the page gives it, with its content's hash: kept for a year.
        var stylesheet = Regex.Match(await Host.Client.GetStringAsync(new Uri("/apply", UriKind.Relative)), "href=\"(/assets/site\\.[0-9a-f]{12}\\.css)\"").Groups[1].Value;
        using (var css = await Host.Client.GetAsync(new Uri(stylesheet, UriKind.Relative)))
        {
            Assert.Equal((HttpStatusCode.OK, "text/css", "public, max-age=31536000, immutable"),
                (css.StatusCode, css.Content.Headers.ContentType!.MediaType, css.Headers.CacheControl!.ToString()));
        }

        foreach (var name in new[] { "unknown.js", "apply.html", "dashboard.html", "site.css", "site.000000000000.css" })
        {
            using var missing = await Host.Client.GetAsync(new Uri($"/assets/{name}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    async Task<IReadOnlyList<string>> ReceiptNumbersAsync(string businessRegistrationNumber)
    {
        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications?q={businessRegistrationNumber}");
        response.EnsureSuccessStatusCode();
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("receiptNumber").GetString()!)];
    }
}
