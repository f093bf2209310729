using System.Net;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>The apply page when the host's write limit refuses the submission (429): said in words, the draft kept.</summary>
public sealed class ApplyPageLimitTests(OneWriteApplyHostFixture fixture) : BrowserTests, IClassFixture<OneWriteApplyHostFixture>
{
    [Fact]
    public async Task ASubmissionOverTheWriteLimit_IsRefusedInWords_AndTheFormStays()
    {
        using var spent = await FirmFlow.PostAsync(fixture.Host, "{}");
        Assert.Equal(HttpStatusCode.BadRequest, spent.StatusCode);
        var page = await ApplyForm.OpenAsync(Browser, fixture.Host);
        var firm = FirmFlow.NewFirm();
        await ApplyForm.FillAsync(page, firm, $"limit-{Guid.NewGuid():N}@example.com");

        await page.ClickAsync("#submit");

        await page.Locator("#notice:not([hidden])").WaitForAsync();
        Assert.Matches(@"요청이 너무 많습니다\. \d+초 뒤에 다시 제출해 주세요", await page.Locator("#notice").InnerTextAsync());
        Assert.Equal(firm, await page.InputValueAsync(ApplyForm.Control("firm.businessRegistrationNumber")));
        Assert.True(await page.IsEnabledAsync("#submit"));
        await Browsers.ShotAsync(page, "apply-7-too-many");
    }
}
