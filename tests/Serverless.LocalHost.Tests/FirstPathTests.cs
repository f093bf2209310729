using System.Net;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>Confirmation, screening, diagnosis and the plan (docs/workflow.md steps 0-3) on the real engine, over HTTP.</summary>
[Collection(AzuriteTests.Name)]
public sealed class FirstPathTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task MissingDocuments_UploadedOneByOne_MovesOnOnlyWhenTheSetIsComplete_ThroughDiagnosisToReview()
    {
        await using var host = await LocalHostProcess.StartAsync(azurite);
        var application = await FirmFlow.SubmitAsync(host);
        await FirmFlow.WaitForStatusAsync(host, application, "AwaitingDocuments");

        await FirmFlow.UploadRequiredAsync(host, application, "BusinessPlan", "Other");
        var halfway = await FirmFlow.GetAsync(host, application);
        await FirmFlow.UploadRequiredAsync(host, application, "BusinessRegistration", "FinancialStatements");
        var view = await FirmFlow.WaitForStatusAsync(host, application, "AwaitingReview");

        Assert.Equal(["BusinessRegistration", "FinancialStatements"], halfway.GetProperty("missingDocuments").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["Submitted", "AwaitingDocuments", "Diagnosed", "AwaitingReview"], FirmFlow.Timeline(view));
        Assert.Equal("Review", view.GetProperty("stage").GetString());
        Assert.Empty(view.GetProperty("missingDocuments").EnumerateArray());
    }

    [Fact]
    public async Task Diagnosed_TheSampleApplication_ShowsTheDiagnosisAndPlanWorkedByHand()
    {
        await using var host = await LocalHostProcess.StartAsync(azurite);
        var application = await FirmFlow.SubmitAsync(host);
        await FirmFlow.WaitForStatusAsync(host, application, "AwaitingDocuments");

        await FirmFlow.UploadRequiredAsync(host, application);
        var view = await FirmFlow.WaitForStatusAsync(host, application, "AwaitingReview");

        // The sample of docs/api.md, worked by hand in RubricTests and SupportPlanTests: 576 points, C, Foundation.
        var diagnosis = view.GetProperty("diagnosis");
        Assert.Equal(576, diagnosis.GetProperty("totalScore").GetInt32());
        Assert.Equal("C", diagnosis.GetProperty("grade").GetString());
        Assert.Equal("Mature", diagnosis.GetProperty("growthStage").GetString());
        Assert.Equal("Productization", diagnosis.GetProperty("technologyPhase").GetString());
        Assert.Equal("Foundation", diagnosis.GetProperty("track").GetString());
        Assert.Equal(["marketing", "people"], diagnosis.GetProperty("weaknesses").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(57.21m, diagnosis.GetProperty("dimensions")[2].GetProperty("score").GetDecimal());
        var plan = view.GetProperty("plan");
        Assert.Equal(["T1:ExportSupport:10000000", "T2:Marketing:8000000"], plan.GetProperty("tasks").EnumerateArray()
            .Select(t => $"{t.GetProperty("taskId").GetString()}:{t.GetProperty("supportType").GetString()}:{t.GetProperty("budgetKrw").GetInt64()}"));
        Assert.True(plan.GetProperty("tasks")[1].GetProperty("recommended").GetBoolean());
        Assert.Equal(9_000_000, plan.GetProperty("totalProgrammeShareKrw").GetInt64());
    }

    [Fact]
    public async Task MissingDocuments_ReminderThenUpload_MailsEachOnce_AndReachesReview()
    {
        await using var host = await LocalHostProcess.StartAsync(azurite,
            ("Workflow:DocumentsReminderAfter", "00:00:02"), ("Workflow:DocumentsDeadline", "00:01:00"));
        var application = await FirmFlow.SubmitAsync(host);
        var waiting = await FirmFlow.WaitForStatusAsync(host, application, "AwaitingDocuments");
        var receipt = waiting.GetProperty("receiptNumber").GetString()!;

        var reminder = await Mailbox.WaitForAsync(host, receipt, "재안내");
        await FirmFlow.UploadRequiredAsync(host, application);
        await FirmFlow.WaitForStatusAsync(host, application, "AwaitingReview");

        var mails = (await Mailbox.MessagesAsync(host)).Where(m => m.Subject.Contains(receipt, StringComparison.Ordinal)).ToList();
        Assert.Single(mails, m => m.Subject.Contains("보완 요청", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Subject.Contains("재안내", StringComparison.Ordinal));
        Assert.Contains("사업계획서 (BusinessPlan)", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentsThatArrivedWithoutTheirEvent_AreFoundAtTheReminder_AndNoReminderIsSent()
    {
        var settings = LocalHostProcess.IsolatedSettings(azurite,
            ("Workflow:DocumentsReminderAfter", "00:00:02"), ("Workflow:DocumentsDeadline", "00:01:00"));
        await using var host = await LocalHostProcess.StartAsync(settings);
        var application = await FirmFlow.SubmitAsync(host);
        var waiting = await FirmFlow.WaitForStatusAsync(host, application, "AwaitingDocuments");

        // Stored as an upload would, but the host "died" before raising DocumentsUpdated.
        var documents = new Workflow.Documents.DocumentStore(azurite.Storage(settings["Storage:TablePrefix"]), TimeProvider.System);
        foreach (var kind in FirmFlow.RequiredKinds)
        {
            using var pdf = new MemoryStream(FirmFlow.SmallPdf);
            await documents.SaveAsync(application.ApplicationId, kind, $"{kind}.pdf", "application/pdf", pdf, CancellationToken.None);
        }

        await FirmFlow.WaitForStatusAsync(host, application, "AwaitingReview");
        var receipt = waiting.GetProperty("receiptNumber").GetString()!;
        Assert.DoesNotContain(await Mailbox.MessagesAsync(host), m =>
            m.Subject.Contains(receipt, StringComparison.Ordinal) && m.Subject.Contains("재안내", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingDocuments_PastTheDeadline_Expires_AndTheFirmIsMailed()
    {
        var deadline = TimeSpan.FromSeconds(3);
        await using var host = await LocalHostProcess.StartAsync(azurite,
            ("Workflow:DocumentsDeadline", deadline.ToString()), ("Workflow:DocumentsReminderAfter", "00:00:01"));

        var application = await FirmFlow.SubmitAsync(host);
        var waiting = await FirmFlow.WaitForStatusAsync(host, application, "AwaitingDocuments");
        var view = await FirmFlow.WaitForStatusAsync(host, application, "Expired");

        Assert.Equal(["Submitted", "AwaitingDocuments", "Expired"], FirmFlow.Timeline(view));
        var waitedFor = view.GetProperty("updatedAt").GetDateTimeOffset() - waiting.GetProperty("updatedAt").GetDateTimeOffset();
        // Durable timers on Azurite may fire up to a second early (queue visibility is in whole seconds).
        Assert.InRange(waitedFor, deadline - TimeSpan.FromSeconds(1), deadline + TimeSpan.FromSeconds(30));
        await Mailbox.WaitForAsync(host, view.GetProperty("receiptNumber").GetString()!, "만료");
    }

    /// <summary>
    /// Step 0: an application its firm never confirms expires at the confirmation deadline, and nobody is mailed again;
    /// past the retention after its end the personal link opens nothing (the access token still does).
    /// </summary>
    [Fact]
    public async Task Unconfirmed_PastTheConfirmationDeadline_Expires_WithNoMailButTheReceipt_ThenTheLinkLapses()
    {
        var retention = TimeSpan.FromSeconds(6);
        await using var host = await LocalHostProcess.StartAsync(
            azurite, ("Workflow:ConfirmationDeadline", "00:00:03"), ("Workflow:FirmLinkRetention", retention.ToString()));

        var application = await FirmFlow.SubmitAsync(host, confirm: false);
        var view = await FirmFlow.WaitForStatusAsync(host, application, "Expired");
        var link = await FirmFlow.PersonalLinkAsync(host, application.ReceiptNumber);
        using var late = await FirmFlow.PostConfirmAsync(host, application.ApplicationId, link.Fragment[1..]);

        Assert.Equal(["Submitted", "Expired"], FirmFlow.Timeline(view));
        Assert.Equal("not confirmed", view.GetProperty("timeline")[1].GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await Mailbox.MessagesAsync(host), m => m.Subject.Contains(application.ReceiptNumber, StringComparison.Ordinal));

        await Task.Delay(retention);
        using var lapsed = await FirmFlow.PostConfirmAsync(host, application.ApplicationId, link.Fragment[1..]);
        Assert.Equal(HttpStatusCode.NotFound, lapsed.StatusCode);
        Assert.Equal("Expired", (await FirmFlow.GetAsync(host, application)).GetProperty("status").GetString()); // the access token stays
    }

    [Fact]
    public async Task TooManyEmployees_IsIneligible_WithTheReason_AndTheFirmIsMailed()
    {
        await using var host = await LocalHostProcess.StartAsync(azurite);

        var application = await FirmFlow.SubmitAsync(host, employees: 300);
        var view = await FirmFlow.WaitForStatusAsync(host, application, "Ineligible");

        Assert.Equal("TooManyEmployees", view.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());
        var mail = await Mailbox.WaitForAsync(host, view.GetProperty("receiptNumber").GetString()!, "부적격");
        Assert.Contains("상시 근로자 수", mail.Text, StringComparison.Ordinal);
        using var upload = await FirmFlow.UploadAsync(host, application, "BusinessPlan", FirmFlow.SmallPdf, "plan.pdf");
        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
    }
}
