using Microsoft.Playwright;
using Serverless.Testing;

namespace Serverless.LocalHost.Tests;

/// <summary>What a person does on the apply page (GET /apply): open it, fill in the form as a firm would.</summary>
internal static class ApplyForm
{
    public static readonly string[] Dimensions = ["rnd", "commercialization", "marketing", "people", "finance", "management"];

    /// <summary>The control of a JSON path, by the page's rule: the path with its punctuation as hyphens, after "f-".</summary>
    public static string Control(string path) => "#f-" + path.Replace("[", "-", StringComparison.Ordinal).Replace("].", "-", StringComparison.Ordinal).Replace(".", "-", StringComparison.Ordinal);

    /// <summary>The text shown as the error of a JSON path's field.</summary>
    public static Task<string> ErrorAsync(IPage page, string path) => page.Locator(Control(path) + "-error").InnerTextAsync();

    public static async Task<IPage> OpenAsync(IBrowser browser, LocalHostProcess host, int width = 1280)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync(new Uri(host.BaseAddress, "/apply").ToString());
        await page.Locator(Control("firm.businessRegistrationNumber")).WaitForAsync();
        return page;
    }

    /// <summary>Every field, valid: two years of financials, two difficulties, the optional fields too.</summary>
    public static async Task FillAsync(IPage page, string businessRegistrationNumber, string email)
    {
        await page.ClickAsync("section[data-path='financials'] .add");
        await page.ClickAsync("section[data-path='difficulties'] .add");
        (string Path, string Value)[] typed =
        [
            ("firm.businessRegistrationNumber", businessRegistrationNumber), ("firm.name", "남동정밀(주)"), ("firm.representative", "홍길동"),
            ("firm.foundedOn", "2015-03-01"), ("firm.industryCode", "c29"), ("firm.employees", "42"), ("firm.technicalStaff", "8"),
            ("firm.email", email), ("firm.phone", "032-123-4567"), ("firm.address", "인천광역시 남동구 남동대로 1"),
            ("financials[0].year", "2025"), ("financials[0].revenueKrw", "5,200,000,000"), ("financials[0].exportKrw", "800000000"),
            ("financials[0].rdSpendKrw", "300000000"), ("financials[1].year", "2024"), ("financials[1].revenueKrw", "4800000000"),
            ("financials[1].exportKrw", "0"), ("financials[1].rdSpendKrw", "250000000"), ("technology.patents", "3"),
            ("difficulties[0].description", "해외 판로 개척"), ("difficulties[1].description", "시제품 신뢰성 시험"),
        ];
        foreach (var (path, value) in typed)
        {
            await page.FillAsync(Control(path), value);
        }

        await page.SelectOptionAsync(Control("firm.miniCluster"), "친환경나노");
        await page.SelectOptionAsync(Control("technology.trl"), "6");
        await page.SelectOptionAsync(Control("difficulties[0].category"), "Export");
        await page.SelectOptionAsync(Control("difficulties[1].category"), "Prototype");
        await page.CheckAsync(Control("technology.hasResearchLab") + "-true");
        await page.CheckAsync(Control("technology.certifications") + "-Innobiz");
        foreach (var (dimension, score) in Dimensions.Zip([3, 4, 2, 2, 3, 3]))
        {
            await page.CheckAsync($"{Control("selfAssessment." + dimension)}-{score}");
        }
    }
}
