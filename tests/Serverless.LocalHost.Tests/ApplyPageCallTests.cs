using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>A host whose one programme has no call until the test opens one.</summary>
public sealed class NoCallHostFixture : IntakeHostFixture
{
    protected override bool OpensStandingCall => false;
}

/// <summary>
/// The apply page and the calls, in headless Chromium: outside a call it says so (and when the next opens) instead of
/// offering a form that cannot be sent; inside one it shows the call, its deadline in Korea time and, on the last day,
/// a countdown; a call closed while the firm was filling in the form is said in words, and the next call named.
/// </summary>
public sealed partial class ApplyPageCallTests(NoCallHostFixture fixture) : BrowserTests, IClassFixture<NoCallHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    const string Programme = "growth-stage";

    async Task<IPage> OpenAsync(int width = 1280)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync(new Uri(Host.BaseAddress, "/apply").ToString());
        await page.Locator("#call h2").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task AFirm_SeesTheCallItMayApplyIn_ItsDeadlineAndCountdown_AndIsToldWhenItClosed()
    {
        // No call at all: the page says so, and there is no form to fill in for nothing.
        var page = await OpenAsync();
        Assert.Equal("지금은 신청을 받지 않습니다", await page.InnerTextAsync("#call h2"));
        Assert.Contains("다음 모집 일정은 아직 정해지지 않았습니다", await page.InnerTextAsync("#call"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#application"));
        await Browsers.ShotAsync(page, "apply-call-1-none");
        await Browsers.AssertAccessibleAsync(page);

        // A call announced for later: the page names it and when it opens, in Korea time.
        var later = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(40).UtcDateTime.Date, TimeSpan.Zero).AddHours(1); // 10:00 in Korea
        await AdminApi.CreateCallAsync(Host, Programme, later, later.AddDays(30));
        await page.ReloadAsync();
        await page.Locator("#call h2").WaitForAsync();
        var announced = await page.InnerTextAsync("#call");
        Assert.Contains("다음 모집 「2027년 기업성장단계별 맞춤형 지원사업」", announced, StringComparison.Ordinal);
        Assert.Contains($"{later.ToOffset(TimeSpan.FromHours(9)).Day}일", announced, StringComparison.Ordinal);
        Assert.Contains("10:00", announced, StringComparison.Ordinal);

        // A call open now and closing within the day: its title, its deadline and the time left, and the form.
        var callId = await AdminApi.CreateCallAsync(Host, Programme, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(3));
        await page.ReloadAsync();
        await page.Locator("#call .countdown").WaitForAsync();
        Assert.Equal("2027년 기업성장단계별 맞춤형 지원사업", await page.InnerTextAsync("#call h2"));
        Assert.Contains("접수 마감:", await page.InnerTextAsync("#call"), StringComparison.Ordinal);
        Assert.Matches(TimeLeft(), await page.InnerTextAsync("#call .countdown"));
        Assert.True(await page.IsVisibleAsync("#application"));
        await Browsers.ShotAsync(page, "apply-call-2-open");
        await Browsers.AssertAccessibleAsync(page);
        var phone = await OpenAsync(375);
        await phone.Locator("#call .countdown").WaitForAsync();
        await Browsers.ShotAsync(phone, "apply-call-3-open-375");
        await Browsers.AssertAccessibleAsync(phone);
        await phone.ClickAsync("#lang");
        Assert.Matches(@"^\d+ h \d+ min left to apply$", await phone.InnerTextAsync("#call .countdown"));

        // The office closes the call while the firm fills in the form: sending it says so and names the next call.
        await ApplyForm.FillAsync(page, FirmFlow.NewFirm(), $"call-{Guid.NewGuid():N}@example.com");
        await AdminApi.CloseCallAsync(Host, callId);
        await page.ClickAsync("#submit");
        await page.Locator("#call h2", new PageLocatorOptions { HasTextString = "지금은 신청을 받지 않습니다" }).WaitForAsync();
        Assert.Contains("다음 모집 「2027년 기업성장단계별 맞춤형 지원사업」", await page.InnerTextAsync("#call"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#application"));
        Assert.False(await page.IsVisibleAsync("#receipt"));
        await Browsers.ShotAsync(page, "apply-call-4-closed-meanwhile");
        await Browsers.AssertAccessibleAsync(page);
    }

    [GeneratedRegex(@"^마감까지 [23]시간 \d+분 남았습니다$")]
    private static partial Regex TimeLeft();
}
