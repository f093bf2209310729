using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// Step 0 (docs/workflow.md): an application goes no further until the firm confirms it from the personal link its
/// receipt mail carries; until then it mails nothing else and holds no slot; a flood of applications to one address stops.
/// </summary>
public sealed class ConfirmationTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task Unconfirmed_MailsOnlyTheReceipt_AndConfirmingFromTheMailedLink_StartsTheWorkflow()
    {
        var application = await FirmFlow.SubmitAsync(Host, confirm: false);
        var link = await FirmFlow.PersonalLinkAsync(Host, application.ReceiptNumber);

        await Task.Delay(TimeSpan.FromSeconds(3)); // time enough for a workflow that did not wait to ask for documents
        var waiting = await FirmFlow.GetAsync(Host, application);
        Assert.Equal("Submitted", waiting.GetProperty("status").GetString());
        Assert.Single(await ApplicationMailsAsync(application));

        // The personal link reads the application as the access token does.
        Assert.Equal(application.ReceiptNumber, (await Host.GetAsync<JsonElement>($"/api/applications/{application.ApplicationId}", link.Fragment[1..]))
            .GetProperty("receiptNumber").GetString());

        using var confirmed = await FirmFlow.PostConfirmAsync(Host, application.ApplicationId, link.Fragment[1..]);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var view = await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingDocuments");
        Assert.Equal(["Submitted", "AwaitingDocuments"], FirmFlow.Timeline(view));
    }

    [Fact]
    public async Task TheAccessTokenAlone_DoesNotConfirm()
    {
        var application = await FirmFlow.SubmitAsync(Host, confirm: false);

        using var refused = await FirmFlow.PostConfirmAsync(Host, application.ApplicationId, application.AccessToken);
        using var anonymous = await Host.Client.PostAsync(new Uri($"/api/applications/{application.ApplicationId}/confirm", UriKind.Relative), null);
        using var forged = await FirmFlow.PostConfirmAsync(Host, application.ApplicationId, new string('A', 43));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("Submitted", (await FirmFlow.GetAsync(Host, application)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ConfirmedTwiceAtOnce_ConfirmsOnce()
    {
        var application = await FirmFlow.SubmitAsync(Host, confirm: false);
        var token = (await FirmFlow.PersonalLinkAsync(Host, application.ReceiptNumber)).Fragment[1..];

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => FirmFlow.PostConfirmAsync(Host, application.ApplicationId, token)));
        using var again = await FirmFlow.PostConfirmAsync(Host, application.ApplicationId, token);

        Assert.All([.. answers, again], answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingDocuments");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["Submitted", "AwaitingDocuments"], FirmFlow.Timeline(await FirmFlow.GetAsync(Host, application)));
        Assert.Single(await ApplicationMailsAsync(application), m => m.Subject.Contains("보완 요청", StringComparison.Ordinal));
        Array.ForEach(answers, answer => answer.Dispose());
    }

    [Fact]
    public async Task AnUnconfirmedApplication_HoldsNoSlot_TheSecondConfirmedOfOneFirmIs409()
    {
        var brn = FirmFlow.NewFirm();
        var first = await FirmFlow.SubmitAsync(Host, brn, confirm: false);
        var second = await FirmFlow.SubmitAsync(Host, brn, confirm: false); // accepted: the first holds nothing yet

        await FirmFlow.ConfirmAsync(Host, first);
        var secondToken = (await FirmFlow.PersonalLinkAsync(Host, second.ReceiptNumber)).Fragment[1..];
        using var refused = await FirmFlow.PostConfirmAsync(Host, second.ApplicationId, secondToken);
        using var third = await FirmFlow.PostAsync(Host, FirmFlow.ApplicationJson(brn));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(first.ApplicationId, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode); // once confirmed, the slot is held as it always was
        await FirmFlow.WaitForStatusAsync(Host, first, "AwaitingDocuments");
        Assert.Equal("Submitted", (await FirmFlow.GetAsync(Host, second)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnAdminsResend_RevokesTheFirmsPersonalLinks_AndMailsANewOne()
    {
        var application = await FirmFlow.SubmitAsync(Host, confirm: false);
        var first = (await FirmFlow.PersonalLinkAsync(Host, application.ReceiptNumber)).Fragment[1..];

        using (var resent = await AdminApi.SendAsync(Host, HttpMethod.Post, $"/api/admin/applications/{application.ApplicationId}/resend"))
        {
            Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        }

        var mail = await Mailbox.WaitForAsync(Host, application.ReceiptNumber, "신청 페이지 링크 안내");
        var second = new Uri(mail.Links.Single()).Fragment[1..];
        using var revoked = await FirmFlow.PostConfirmAsync(Host, application.ApplicationId, first);
        using var confirmed = await FirmFlow.PostConfirmAsync(Host, application.ApplicationId, second);

        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("확인해 주십시오", mail.Text, StringComparison.Ordinal);
        await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingDocuments");
    }

    [Fact]
    public async Task OneAddress_GetsFiveApplicationsADay_TheSixthIs429_AndStoresNothing()
    {
        var address = $"flood.{Guid.NewGuid():N}@example.com";
        string Json(string brn) => FirmFlow.ApplicationJson(brn).Replace(SampleApplications.Email(brn), address, StringComparison.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            using var accepted = await FirmFlow.PostAsync(Host, Json(FirmFlow.NewFirm()));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var refused = await FirmFlow.PostAsync(Host, Json(FirmFlow.NewFirm()), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("firm.email", out _));

        // The five receipt mails go out from their workflows, each in its own time (a fixed pause saw four in a CI
        // run); once they are all in, a moment more shows that no sixth follows.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await Mailbox.MessagesAsync(Host, address)).Count < 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(5, (await Mailbox.MessagesAsync(Host, address)).Count);
    }

    async Task<IReadOnlyList<MailMessage>> ApplicationMailsAsync(FirmFlow.Submitted application) =>
        [.. (await Mailbox.MessagesAsync(Host)).Where(m => m.Subject.Contains(application.ReceiptNumber, StringComparison.Ordinal))];
}
