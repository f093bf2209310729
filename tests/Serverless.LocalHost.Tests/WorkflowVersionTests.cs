using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Serverless.Testing;
using Serverless.Workflow.Orchestration;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// docs/workflow.md, Workflow versions: an application waits for weeks, so one started before a deployment finishes
/// on the path it started on, while new ones take the new path.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class WorkflowVersionTests(AzuriteFixture azurite)
{
    /// <summary>Long enough for the new host to take over the engine's partition from the stopped one.</summary>
    static readonly TimeSpan AfterDeployment = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task AnApplicationStartedOnVersionTwo_RunsToCompleted_WithoutConfirmation_OnAHostOfVersionThree()
    {
        var settings = LocalHostProcess.IsolatedSettings(azurite, ("LocalHost:SeedDemoData", "true"), ("LocalHost:AdminKey", IntakeHostFixture.AdminKey));
        var firm = FirmFlow.NewFirm();
        FirmFlow.Submitted older;
        await using (var previous = await LocalHostProcess.StartAsync(new Dictionary<string, string>(settings) { ["Durable:WorkflowVersion"] = "2" }))
        {
            older = await FirmFlow.SubmitAsync(previous, json: SupportFlow.ApplicationJson(firm, ["Export"]), confirm: false);
            await FirmFlow.WaitForStatusAsync(previous, older, "AwaitingDocuments"); // version 2 asks for no confirmation

            // Stopped once the instance only waits: a step in the middle of its episode would stay hidden for the
            // engine's visibility timeout (5 minutes) before the new host could take it.
            var lastStep = await Mailbox.WaitForAsync(previous, older.ReceiptNumber, "보완 요청");
            await EngineCheckpoints.WaitUntilCheckpointedAfterAsync(settings, older.ApplicationId, lastStep.SentAt);
            await previous.InterruptAsync(TimeSpan.FromMinutes(1)); // the deployment stops the old host in order
        }

        await using var current = await LocalHostProcess.StartAsync(settings);
        var newer = await FirmFlow.SubmitAsync(current, confirm: false);
        await FirmFlow.UploadRequiredAsync(current, older);
        await FirmFlow.WaitForStatusAsync(current, older, "AwaitingReview", AfterDeployment);
        var (_, review) = await ReviewFlow.LinkMailAsync(current, older.ReceiptNumber, ReviewFlow.RequestSubject);
        await ReviewFlow.DecideOkAsync(current, review, "approve");
        var tasks = (await FirmFlow.WaitForStatusAsync(current, older, "Matching")).GetProperty("plan").GetProperty("tasks")
            .EnumerateArray().Select(task => task.GetProperty("taskId").GetString()!).ToList();
        foreach (var task in tasks)
        {
            await SupportFlow.AcceptAsync(current, older.ReceiptNumber, task);
        }

        foreach (var task in tasks)
        {
            var (_, report) = await SupportFlow.TaskMailAsync(current, older.ReceiptNumber, task, SupportFlow.EngagementSubject);
            using var reported = await SupportFlow.ReportAsync(current, report, $"{task} 완료");
            Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        }

        await Mailbox.WaitForAsync(current, older.ReceiptNumber, "지원 만족도 평가 요청");
        using (var given = await FirmFlow.PostFeedbackAsync(current, older, 4))
        {
            Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        }

        var done = await FirmFlow.WaitForStatusAsync(current, older, "Completed");
        Assert.Equal(
            ["Submitted", "AwaitingDocuments", "Diagnosed", "AwaitingReview", "Approved", "Matching", "InProgress", "AwaitingFeedback", "Completed"],
            FirmFlow.Timeline(done));

        // Meanwhile the new application waits for its firm, on the current version; the staff see which is which.
        Assert.Equal("Submitted", (await FirmFlow.GetAsync(current, newer)).GetProperty("status").GetString());
        using var list = await AdminApi.SendAsync(current, HttpMethod.Get, "/api/admin/applications?pageSize=200");
        var items = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        var versions = items.ToDictionary(item => item.GetProperty("applicationId").GetString()!, item => item.GetProperty("workflowVersion").GetInt32());
        Assert.Equal((2, WorkflowVersions.Current), (versions[older.ApplicationId], versions[newer.ApplicationId]));
        var instances = new TableServiceClient(settings["Storage:ConnectionString"]).GetTableClient(settings["Durable:TaskHub"] + "Instances");
        Assert.Equal( // the engine's own orchestration version, which the workers match and the orchestrator branches on
            ("2", WorkflowVersions.CurrentName),
            ((await instances.GetEntityAsync<TableEntity>(older.ApplicationId, "")).Value.GetString("Version"),
             (await instances.GetEntityAsync<TableEntity>(newer.ApplicationId, "")).Value.GetString("Version")));

        // The stats count what is in flight per version (the demo applications, seeded by the old host, are version 2).
        string[] ended = ["Completed", "Expired", "Rejected", "Ineligible", "Terminated", "Failed"];
        var expected = items.Where(item => !ended.Contains(item.GetProperty("status").GetString()))
            .GroupBy(item => item.GetProperty("workflowVersion").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(group => group.Key, group => group.LongCount());
        using var stats = await AdminApi.SendAsync(current, HttpMethod.Get, "/api/admin/stats");
        var inFlight = (await stats.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inFlightByVersion")
            .EnumerateObject().ToDictionary(version => version.Name, version => version.Value.GetInt64());
        Assert.Equal(expected, inFlight);
    }
}
