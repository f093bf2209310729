using System.Net;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>A review with nobody to do it: the staff are told, and an admin's resend finds the reviewer added since.</summary>
public sealed class NoReviewerTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task EmptyPool_MailsTheStaff_ThenAResendAfterAddingAReviewer_MailsTheReview()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var staffMail = await Mailbox.WaitForAsync(Host, review.ReceiptNumber, "검토위원 배정 불가");
        Assert.Equal(["staff@namdong-cluster.local"], staffMail.To);

        var reviewerId = await AdminApi.AddReviewerAsync(Host, "뒤늦은 검토위원");
        var resend = $"/api/admin/applications/{review.Application.ApplicationId}/resend";
        using (var noKey = await AdminApi.SendAsync(Host, HttpMethod.Post, resend, key: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        }

        using (var accepted = await AdminApi.SendAsync(Host, HttpMethod.Post, resend))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var (mail, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        Assert.Equal((await AdminApi.ReviewerAsync(Host, reviewerId)).GetProperty("email").GetString(), mail.To.Single());
        await ReviewFlow.DecideOkAsync(Host, link, "approve");
        await FirmFlow.WaitForReachedAsync(Host, review.Application, "Approved");

        using var tooLate = await AdminApi.SendAsync(Host, HttpMethod.Post, resend);
        using var unknown = await AdminApi.SendAsync(Host, HttpMethod.Post, $"/api/admin/applications/{new string('0', 32)}/resend");
        using var odata = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/applications/x'%20or%20PartitionKey%20ne%20'/resend");
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, odata.StatusCode));
        Assert.Equal(1, await ReviewFlow.CountMailsAsync(Host, review.ReceiptNumber, "검토위원 배정 불가"));
    }
}
