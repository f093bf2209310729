using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>Steps 5-8 of docs/workflow.md on the real engine with the demo pool: matching, engagement, feedback, completion.</summary>
public sealed class SupportTests(SupportHostFixture fixture) : IClassFixture<SupportHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task FromSubmissionToCompleted_ByClickingTheLinksInTheMailbox()
    {
        var loadsBefore = await LoadsAsync();
        var application = await SupportFlow.ApprovedAsync(Host); // plan: T1 ExportSupport, T2 Marketing (recommended)
        var receipt = application.ReceiptNumber;

        var t1Expert = await SupportFlow.AcceptAsync(Host, receipt, "T1");
        var t2Expert = await SupportFlow.AcceptAsync(Host, receipt, "T2");
        await FirmFlow.WaitForStatusAsync(Host, application.Application, "InProgress");
        Assert.NotEqual(t1Expert.GetProperty("expertId").GetString(), t2Expert.GetProperty("expertId").GetString()); // spread over experts

        var (_, t1Report) = await SupportFlow.TaskMailAsync(Host, receipt, "T1", SupportFlow.EngagementSubject);
        var (_, t2Report) = await SupportFlow.TaskMailAsync(Host, receipt, "T2", SupportFlow.EngagementSubject);
        using (var page = await ReviewFlow.OpenAsync(Host, t1Report))
        {
            Assert.Contains("multipart/form-data", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var report = await SupportFlow.ReportAsync(Host, t1Report, "수출 바이어 3곳 발굴, 상담 2건 진행", FirmFlow.SmallPdf))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }

        using (var report = await SupportFlow.ReportAsync(Host, t2Report, "온라인 마케팅 전략 수립"))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }

        await FirmFlow.WaitForStatusAsync(Host, application.Application, "AwaitingFeedback");
        var feedbackMail = await Mailbox.WaitForAsync(Host, receipt, "지원 만족도 평가 요청");
        Assert.Contains("/firm/", Assert.Single(feedbackMail.Links), StringComparison.Ordinal);
        using (var feedback = await FirmFlow.PostFeedbackAsync(Host, application.Application, 5, "매우 도움이 되었습니다"))
        {
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        }

        var view = await FirmFlow.WaitForStatusAsync(Host, application.Application, "Completed");
        var completion = await Mailbox.WaitForAsync(Host, receipt, "지원 완료 안내");

        Assert.Equal(["Approved", "Matching", "InProgress", "AwaitingFeedback", "Completed"], FirmFlow.Timeline(view).TakeLast(5));
        Assert.Equal(
            [("T1", "ExportSupport", "Completed", "수출 바이어 3곳 발굴, 상담 2건 진행"), ("T2", "Marketing", "Completed", "온라인 마케팅 전략 수립")],
            view.GetProperty("assignments").EnumerateArray().Select(a => (
                a.GetProperty("taskId").GetString(), a.GetProperty("supportType").GetString(), a.GetProperty("status").GetString(),
                a.GetProperty("reportSummary").GetString())));
        Assert.Equal(t1Expert.GetProperty("name").GetString(), view.GetProperty("assignments")[0].GetProperty("expertName").GetString());
        Assert.Contains("수출 바이어 3곳 발굴", completion.Text, StringComparison.Ordinal);
        Assert.Equal([SampleApplications.Email(view.GetProperty("firm").GetProperty("businessRegistrationNumber").GetString()!)], completion.To);
        Assert.True((await fixture.Documents.GetBlobClient($"{application.Application.ApplicationId}/reports/T1/report.pdf").ExistsAsync()).Value);
        Assert.Equal(loadsBefore, await LoadsAsync()); // every load given back
    }

    [Fact]
    public async Task Decline_GoesToTheNextCandidate_AndTerminationGivesEveryLoadBack()
    {
        var loadsBefore = await LoadsAsync();
        var application = await SupportFlow.ApprovedAsync(Host);
        var (first, firstLink) = await SupportFlow.TaskMailAsync(Host, application.ReceiptNumber, "T1", SupportFlow.OfferSubject);
        using (var declined = await SupportFlow.AnswerAsync(Host, firstLink, "decline"))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        var (second, secondLink) = await SupportFlow.TaskMailAsync(Host, application.ReceiptNumber, "T1", SupportFlow.OfferSubject, firstLink);
        Assert.NotEqual(first.To, second.To);
        using (var accepted = await SupportFlow.AnswerAsync(Host, secondLink, "accept"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var holder = await SupportFlow.ExpertByEmailAsync(Host, second.To.Single());
        Assert.Equal(loadsBefore[holder.GetProperty("expertId").GetString()!] + 1, holder.GetProperty("activeAssignments").GetInt32());

        var (_, t2Offer) = await SupportFlow.TaskMailAsync(Host, application.ReceiptNumber, "T2", SupportFlow.OfferSubject);
        var terminate = $"/api/admin/applications/{application.Application.ApplicationId}/terminate";
        using (var noReason = await AdminApi.SendAsync(Host, HttpMethod.Post, terminate, new { reason = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using (var terminated = await AdminApi.SendAsync(Host, HttpMethod.Post, terminate, new { reason = "기업 요청으로 중단" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        }

        var view = await FirmFlow.WaitForStatusAsync(Host, application.Application, "Terminated");
        using var again = await AdminApi.SendAsync(Host, HttpMethod.Post, terminate, new { reason = "두 번째" });
        using var lateAnswer = await SupportFlow.AnswerAsync(Host, t2Offer, "accept");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, lateAnswer.StatusCode); // the pending offer's link was revoked
        // The reason is the staff's: the firm's timeline shows the end without it, the admin detail's audit trail keeps it.
        var end = view.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("Terminated", end.GetProperty("status").GetString());
        Assert.False(end.TryGetProperty("note", out _));
        using (var detail = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications/{application.Application.ApplicationId}"))
        {
            var events = (await detail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").EnumerateArray();
            Assert.Contains(events, e => e.TryGetProperty("note", out var note) && note.GetString() == "기업 요청으로 중단");
        }

        Assert.Equal(loadsBefore, await LoadsAsync());
        using var assignAfterwards = await AdminApi.SendAsync(Host, HttpMethod.Post,
            $"/api/admin/applications/{application.Application.ApplicationId}/tasks/T2/assign", new { expertId = holder.GetProperty("expertId").GetString() });
        Assert.Equal(HttpStatusCode.Conflict, assignAfterwards.StatusCode); // an ended application takes no work
        Assert.Equal(loadsBefore, await LoadsAsync());
    }

    [Fact]
    public async Task ConflictedExperts_AreNeverOffered_NeitherByNumberNorByOrganisation()
    {
        var firm = FirmFlow.NewFirm();
        var sameOrganisation = await SupportFlow.AddExpertAsync(Host, "동일기관", ["Finance"], years: 70, organization: "  conflict TEST co. ");
        var listed = await SupportFlow.AddExpertAsync(Host, "충돌목록", ["Finance"], years: 69);
        var current = await SupportFlow.ExpertAsync(Host, listed);
        using (var changed = await AdminApi.SendAsync(Host, HttpMethod.Put, $"/api/admin/experts/{listed}", ExpertBody(current, conflicts: [firm])))
        {
            changed.EnsureSuccessStatusCode();
        }

        var review = await ReviewFlow.SubmitForReviewAsync(Host, firm, SupportFlow.ApplicationJson(firm, ["Finance"], "Conflict Test Co."));
        var (_, reviewLink) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        await ReviewFlow.DecideOkAsync(Host, reviewLink, "approve");
        var (offer, _) = await SupportFlow.TaskMailAsync(Host, review.ReceiptNumber, "T1", SupportFlow.OfferSubject);

        var offeredTo = await SupportFlow.ExpertByEmailAsync(Host, offer.To.Single());
        Assert.DoesNotContain(offeredTo.GetProperty("expertId").GetString(), new[] { sameOrganisation, listed });
        Assert.Contains("Finance", offeredTo.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        await TerminateAsync(review);
    }

    [Fact]
    public async Task NobodyLeft_IsUnmatched_TheStaffAreMailed_AndAnAdminAssignsByHand()
    {
        var firm = FirmFlow.NewFirm();
        using (var pool = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/experts"))
        {
            foreach (var trainer in (await pool.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
                .Where(e => e.GetProperty("fields").EnumerateArray().Any(f => f.GetString() == "Training")))
            {
                // Only this firm's number is added: other tests' firms keep the whole pool.
                using var changed = await AdminApi.SendAsync(Host, HttpMethod.Put, $"/api/admin/experts/{trainer.GetProperty("expertId").GetString()}",
                    ExpertBody(trainer, conflicts: [.. trainer.GetProperty("conflictBusinessRegistrationNumbers").EnumerateArray().Select(b => b.GetString()!), firm]));
                changed.EnsureSuccessStatusCode();
            }
        }

        var review = await ReviewFlow.SubmitForReviewAsync(Host, firm, SupportFlow.ApplicationJson(firm, ["Training"]));
        var (_, reviewLink) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        await ReviewFlow.DecideOkAsync(Host, reviewLink, "approve");
        var staffMail = await Mailbox.WaitForAsync(Host, review.ReceiptNumber, "전문가 매칭 실패");
        await FirmFlow.WaitForStatusAsync(Host, review.Application, "Unmatched");
        Assert.Equal(["staff@namdong-cluster.local"], staffMail.To);

        var assign = $"/api/admin/applications/{review.Application.ApplicationId}/tasks/T1/assign";
        var conflicted = (await SupportFlow.ExpertByEmailAsync(Host, "expert09@demo.namdong-cluster.local")).GetProperty("expertId").GetString(); // 강교육, Training
        var inactive = await SupportFlow.AddExpertAsync(Host, "비활성", ["Training"]);
        using (var deactivated = await AdminApi.SendAsync(Host, HttpMethod.Put, $"/api/admin/experts/{inactive}",
            ExpertBody(await SupportFlow.ExpertAsync(Host, inactive), active: false)))
        {
            deactivated.EnsureSuccessStatusCode();
        }

        var chosen = await SupportFlow.AddExpertAsync(Host, "수동배정", ["Management"]);
        using (var withConflict = await AdminApi.SendAsync(Host, HttpMethod.Post, assign, new { expertId = conflicted }))
        using (var notActive = await AdminApi.SendAsync(Host, HttpMethod.Post, assign, new { expertId = inactive }))
        using (var unknown = await AdminApi.SendAsync(Host, HttpMethod.Post, assign, new { expertId = new string('a', 32) }))
        using (var badTask = await AdminApi.SendAsync(Host, HttpMethod.Post, assign.Replace("/T1/", "/T9'/", StringComparison.Ordinal), new { expertId = chosen }))
        {
            Assert.Equal(
                (HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
                (withConflict.StatusCode, notActive.StatusCode, unknown.StatusCode, badTask.StatusCode));
        }

        using (var assigned = await AdminApi.SendAsync(Host, HttpMethod.Post, assign, new { expertId = chosen }))
        {
            Assert.Equal(HttpStatusCode.Accepted, assigned.StatusCode);
        }

        using (var twice = await AdminApi.SendAsync(Host, HttpMethod.Post, assign, new { expertId = chosen }))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode); // no longer Unmatched
        }

        await SupportFlow.AcceptAsync(Host, review.ReceiptNumber, "T2");
        var view = await FirmFlow.WaitForStatusAsync(Host, review.Application, "InProgress");
        Assert.Equal("수동배정", view.GetProperty("assignments")[0].GetProperty("expertName").GetString());
        Assert.Equal(1, (await SupportFlow.ExpertAsync(Host, chosen)).GetProperty("activeAssignments").GetInt32());
        await TerminateAsync(review);
        Assert.Equal(0, (await SupportFlow.ExpertAsync(Host, chosen)).GetProperty("activeAssignments").GetInt32());
    }

    [Fact]
    public async Task TwoApplicationsCompetingForAnExpertWithRoomForOne_OneGetsTheExpert_TheOtherTheNextCandidate()
    {
        var single = await SupportFlow.AddExpertAsync(Host, "단일과제", ["IntellectualProperty"], years: 70, max: 1);
        var first = await SupportFlow.ApprovedAsync(Host, ["IntellectualProperty"]);
        var second = await SupportFlow.ApprovedAsync(Host, ["IntellectualProperty"]);
        var (firstOffer, firstLink) = await SupportFlow.TaskMailAsync(Host, first.ReceiptNumber, "T1", SupportFlow.OfferSubject);
        var (secondOffer, secondLink) = await SupportFlow.TaskMailAsync(Host, second.ReceiptNumber, "T1", SupportFlow.OfferSubject);
        var singleEmail = (await SupportFlow.ExpertAsync(Host, single)).GetProperty("email").GetString()!;
        Assert.Equal([singleEmail, singleEmail], new[] { firstOffer.To.Single(), secondOffer.To.Single() }); // both offered while free

        var answers = await Task.WhenAll(SupportFlow.AnswerAsync(Host, firstLink, "accept"), SupportFlow.AnswerAsync(Host, secondLink, "accept"));
        var statuses = answers.Select(a => a.StatusCode).Order().ToList();
        var refusedPage = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        Assert.Contains("최대 동시 수행 과제 수에 도달", refusedPage, StringComparison.Ordinal); // in the expert's language
        Assert.Equal(1, (await SupportFlow.ExpertAsync(Host, single)).GetProperty("activeAssignments").GetInt32());
        var loser = answers[0].StatusCode == HttpStatusCode.Conflict ? first : second;
        var (next, _) = await SupportFlow.TaskMailAsync(Host, loser.ReceiptNumber, "T1", SupportFlow.OfferSubject, loser == first ? firstLink : secondLink);
        Assert.NotEqual(singleEmail, next.To.Single());

        await TerminateAsync(first);
        await TerminateAsync(second);
        Assert.Equal(0, (await SupportFlow.ExpertAsync(Host, single)).GetProperty("activeAssignments").GetInt32());
    }

    [Fact]
    public async Task AnExpertHoldingWork_CannotBeDeleted_AndInvalidExpertsAreRefusedAtTheirFields()
    {
        var busy = await SupportFlow.AddExpertAsync(Host, "삭제불가", ["Prototype"], years: 70);
        var application = await SupportFlow.ApprovedAsync(Host, ["Prototype"]);
        await SupportFlow.AcceptAsync(Host, application.ReceiptNumber, "T1");

        using (var delete = await AdminApi.SendAsync(Host, HttpMethod.Delete, $"/api/admin/experts/{busy}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        }

        using var invalid = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/experts", new
        {
            name = "", email = "not-an-email", sector = "Space", fields = (string[])["Cooking"], yearsOfExperience = -1, maxActiveAssignments = 0,
            conflictBusinessRegistrationNumbers = (string[])["123-45-67890"],
        });
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(
            ["conflictBusinessRegistrationNumbers[0]", "email", "fields[0]", "maxActiveAssignments", "name", "sector", "yearsOfExperience"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        await TerminateAsync(application);
        using var deleted = await AdminApi.SendAsync(Host, HttpMethod.Delete, $"/api/admin/experts/{busy}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    async Task TerminateAsync(ReviewFlow.InReview application)
    {
        using var terminated = await AdminApi.SendAsync(
            Host, HttpMethod.Post, $"/api/admin/applications/{application.Application.ApplicationId}/terminate", new { reason = "test cleanup" });
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
    }

    async Task<Dictionary<string, int>> LoadsAsync()
    {
        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/experts");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .ToDictionary(e => e.GetProperty("expertId").GetString()!, e => e.GetProperty("activeAssignments").GetInt32());
    }

    static object ExpertBody(JsonElement expert, string[]? conflicts = null, bool? active = null) => new
    {
        name = expert.GetProperty("name").GetString(),
        email = expert.GetProperty("email").GetString(),
        organization = expert.GetProperty("organization").GetString(),
        sector = expert.GetProperty("sector").GetString(),
        fields = expert.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToArray(),
        yearsOfExperience = expert.GetProperty("yearsOfExperience").GetInt32(),
        maxActiveAssignments = expert.GetProperty("maxActiveAssignments").GetInt32(),
        active = active ?? expert.GetProperty("active").GetBoolean(),
        language = expert.GetProperty("language").GetString(),
        conflictBusinessRegistrationNumbers = conflicts ?? expert.GetProperty("conflictBusinessRegistrationNumbers").EnumerateArray().Select(b => b.GetString()).ToArray(),
    };
}
