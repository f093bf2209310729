using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>What a firm does after submitting: read its status, upload and fetch documents, resubmit; and what others cannot.</summary>
public sealed class FirmTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    static readonly byte[] Executable = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0];

    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task Get_WithItsToken_ShowsReceiptNumberStatusMissingDocumentsAndTimeline()
    {
        var application = await FirmFlow.SubmitAsync(Host);

        var view = await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingDocuments");

        Assert.Matches(@"^GS-\d{4}-\d{5}$", view.GetProperty("receiptNumber").GetString());
        Assert.Equal("growth-stage", view.GetProperty("programme").GetString());
        Assert.Equal("남동정밀(주)", view.GetProperty("firm").GetProperty("name").GetString());
        Assert.Equal(["BusinessRegistration", "FinancialStatements", "BusinessPlan"],
            view.GetProperty("missingDocuments").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["Submitted", "AwaitingDocuments"], FirmFlow.Timeline(view));
    }

    public static TheoryData<string> ForeignOrBrokenIds() =>
    [
        "0123456789abcdef0123456789abcdef",           // well formed, unknown
        "x' or PartitionKey ne 'x",                   // OData
        "..%2F..%2Fapplications",                     // path
        "ABCDEF0123456789ABCDEF0123456789",           // not our lowercase form
    ];

    [Theory]
    [MemberData(nameof(ForeignOrBrokenIds))]
    public async Task Get_UnknownOrMalformedId_Returns404(string id)
    {
        var application = await FirmFlow.SubmitAsync(Host);

        using var response = await GetAsync($"/api/applications/{id}", application.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithoutToken_Returns401_EvenForAnUnknownId()
    {
        using var response = await Host.Client.GetAsync(new Uri("/api/applications/0123456789abcdef0123456789abcdef", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Get_WithAForgedToken_Returns404(string token)
    {
        var application = await FirmFlow.SubmitAsync(Host);

        using var response = await GetAsync($"/api/applications/{application.ApplicationId}", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithAnotherApplicationsToken_Returns404()
    {
        var mine = await FirmFlow.SubmitAsync(Host);
        var theirs = await FirmFlow.SubmitAsync(Host);

        using var response = await GetAsync($"/api/applications/{theirs.ApplicationId}", mine.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Put_WhileNoChangesWereRequested_Returns409()
    {
        var application = await FirmFlow.SubmitAsync(Host);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/applications/{application.ApplicationId}")
        {
            Content = new StringContent(FirmFlow.ApplicationJson(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", application.AccessToken);

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Upload_APdf_Returns201WithItsHash_AndDownloadsAsAnAttachment()
    {
        var application = await FirmFlow.SubmitAsync(Host);

        using var upload = await FirmFlow.UploadAsync(Host, application, "BusinessPlan", FirmFlow.SmallPdf, "../../사업계획서.pdf");
        var document = await upload.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("사업계획서.pdf", document.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());
        Assert.Equal(FirmFlow.SmallPdf.Length, document.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(FirmFlow.SmallPdf)), document.GetProperty("sha256").GetString());

        using var download = await GetAsync(
            $"/api/applications/{application.ApplicationId}/documents/{document.GetProperty("documentId").GetString()}", application.AccessToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(FirmFlow.SmallPdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Upload_AnExecutableRenamedToPdf_Returns415_AndStoresNothing()
    {
        var application = await FirmFlow.SubmitAndSettleAsync(Host);
        var before = await fixture.StoredStateAsync();

        using var response = await FirmFlow.UploadAsync(Host, application, "BusinessPlan", Executable, "invoice.pdf");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await fixture.StoredStateAsync());
    }

    [Fact]
    public async Task Upload_OverTenMiB_Returns413_AndStoresNothing()
    {
        var application = await FirmFlow.SubmitAndSettleAsync(Host);
        var before = await fixture.StoredStateAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        FirmFlow.SmallPdf.CopyTo(big, 0);

        using var response = await FirmFlow.UploadAsync(Host, application, "BusinessPlan", big, "big.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await fixture.StoredStateAsync());
    }

    [Theory]
    [InlineData("Brochure", true)]
    [InlineData(null, true)]
    [InlineData("BusinessPlan", false)]
    public async Task Upload_UnknownKindOrMissingPart_Returns400(string? kind, bool withFile)
    {
        var application = await FirmFlow.SubmitAsync(Host);

        using var response = await FirmFlow.UploadAsync(Host, application, kind, withFile ? FirmFlow.SmallPdf : null, "plan.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_AsJson_Returns415()
    {
        var application = await FirmFlow.SubmitAsync(Host);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{application.ApplicationId}/documents")
        {
            Content = new StringContent("{\"kind\":\"BusinessPlan\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", application.AccessToken);

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Upload_WithAnotherApplicationsToken_Returns404_AndStoresNothing()
    {
        var mine = await FirmFlow.SubmitAndSettleAsync(Host);
        var theirs = await FirmFlow.SubmitAndSettleAsync(Host);
        var before = await fixture.StoredStateAsync();

        using var response = await FirmFlow.UploadAsync(Host, theirs, "BusinessPlan", FirmFlow.SmallPdf, "plan.pdf", bearer: mine.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await fixture.StoredStateAsync());
    }

    [Fact]
    public async Task Upload_ToAClosedApplication_Returns409()
    {
        var application = await FirmFlow.SubmitAsync(Host, employees: 300);
        await FirmFlow.WaitForStatusAsync(Host, application, "Ineligible");

        using var late = await FirmFlow.UploadAsync(Host, application, "FinancialStatements", FirmFlow.SmallPdf, "late.pdf");

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Upload_TheTwentyFirstDocument_Returns409_AndStoresNothing()
    {
        var application = await FirmFlow.SubmitAndSettleAsync(Host);
        for (var i = 0; i < 20; i++)
        {
            using var accepted = await FirmFlow.UploadAsync(Host, application, "Other", FirmFlow.SmallPdf, $"annex-{i}.pdf");
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        var before = await fixture.StoredStateAsync();
        using var refused = await FirmFlow.UploadAsync(Host, application, "Other", FirmFlow.SmallPdf, "annex-20.pdf");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, await fixture.StoredStateAsync());
    }

    [Fact]
    public async Task Upload_ThirtyDocumentsAtOnce_TwentyAreKept_TheRestAre409()
    {
        var application = await FirmFlow.SubmitAndSettleAsync(Host);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            FirmFlow.UploadAsync(Host, application, "Other", FirmFlow.SmallPdf, $"annex-{i}.pdf")));

        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(20, (await FirmFlow.GetAsync(Host, application)).GetProperty("documents").GetArrayLength());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task AnAddressSendGridRefuses_IsRecorded_TheStaffAreTold_AndTheApplicationWaitsForItsConfirmation()
    {
        var brn = FirmFlow.NewFirm();
        var json = FirmFlow.ApplicationJson(brn).Replace(SampleApplications.Email(brn), "ceo@firm.invalid", StringComparison.Ordinal);
        using var response = await FirmFlow.PostAsync(Host, json);
        var application = FirmFlow.Submitted.From(await response.Content.ReadFromJsonAsync<JsonElement>());

        var notice = await Mailbox.WaitForAsync(Host, application.ReceiptNumber, "메일 발송 실패");
        Assert.Equal(["staff@namdong-cluster.local"], notice.To);
        Assert.Contains("ceo@firm.invalid", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Does not contain a valid address.", notice.Text, StringComparison.Ordinal);
        using var detail = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications/{application.ApplicationId}");
        var admin = await detail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(admin.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "MailRejected");
        Assert.DoesNotContain(await Mailbox.MessagesAsync(Host, "ceo@firm.invalid"), _ => true);

        // Without its receipt the firm cannot confirm: the application waits (the staff reach the firm another way).
        Assert.Equal("Submitted", (await FirmFlow.GetAsync(Host, application)).GetProperty("status").GetString());
        Assert.Contains("\"Confirmation\"", admin.GetProperty("orchestration").GetProperty("customStatus").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptMail_ReachesTheFirmOnce_InKorean_WithItsPersonalLink_AndNoApiLink()
    {
        var brn = FirmFlow.NewFirm();
        var application = await FirmFlow.SubmitAsync(Host, brn);
        await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingDocuments");

        var mail = Assert.Single(
            await Mailbox.MessagesAsync(Host, SampleApplications.Email(brn)),
            m => Mailbox.IsAbout(m, application.ReceiptNumber, FirmFlow.ReceiptSubject));
        Assert.Contains("접수되었습니다", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("확인 기한", mail.Text, StringComparison.Ordinal);
        var link = Assert.Single(mail.Links);
        Assert.StartsWith($"{Host.BaseAddress.ToString().TrimEnd('/')}/firm/{application.ApplicationId}#", link, StringComparison.Ordinal);
        Assert.DoesNotContain(await Mailbox.MessagesAsync(Host, SampleApplications.Email(brn)), m => m.Links.Any(l => l.Contains("/api/", StringComparison.Ordinal)));
        var page = await Host.Client.GetStringAsync(new Uri("/dev/mailbox", UriKind.Relative));
        Assert.Contains(application.ReceiptNumber, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailboxMessages_SinceThatIsNoTime_Returns400()
    {
        using var response = await Host.Client.GetAsync(new Uri("/dev/mailbox/messages?since=yesterday-ish", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    async Task<HttpResponseMessage> GetAsync(string path, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await Host.Client.SendAsync(request);
    }
}
