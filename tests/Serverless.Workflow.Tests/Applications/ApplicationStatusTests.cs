using Serverless.Workflow.Applications;
using Xunit;

namespace Serverless.Workflow.Tests.Applications;

public sealed class ApplicationStatusTests
{
    // The table of docs/workflow.md, Statuses and stages.
    [Theory]
    [InlineData(ApplicationStatus.Submitted, ApplicationStage.Intake)]
    [InlineData(ApplicationStatus.AwaitingDocuments, ApplicationStage.Screening)]
    [InlineData(ApplicationStatus.Ineligible, ApplicationStage.Screening)]
    [InlineData(ApplicationStatus.Diagnosed, ApplicationStage.Diagnosis)]
    [InlineData(ApplicationStatus.AwaitingReview, ApplicationStage.Review)]
    [InlineData(ApplicationStatus.ChangesRequested, ApplicationStage.Review)]
    [InlineData(ApplicationStatus.Approved, ApplicationStage.Review)]
    [InlineData(ApplicationStatus.Rejected, ApplicationStage.Review)]
    [InlineData(ApplicationStatus.Matching, ApplicationStage.Matching)]
    [InlineData(ApplicationStatus.Unmatched, ApplicationStage.Matching)]
    [InlineData(ApplicationStatus.InProgress, ApplicationStage.Execution)]
    [InlineData(ApplicationStatus.AwaitingFeedback, ApplicationStage.Feedback)]
    [InlineData(ApplicationStatus.Completed, ApplicationStage.Closed)]
    [InlineData(ApplicationStatus.Expired, ApplicationStage.Closed)]
    [InlineData(ApplicationStatus.Terminated, ApplicationStage.Closed)]
    [InlineData(ApplicationStatus.Failed, ApplicationStage.Closed)]
    public void Stage_OfEachStatus_IsTheWorkflowTablesStage(ApplicationStatus status, ApplicationStage stage) =>
        Assert.Equal(stage, status.Stage());

    [Fact]
    public void Terminal_AreExactlyTheEndStatuses()
    {
        var terminal = Enum.GetValues<ApplicationStatus>().Where(s => s.IsTerminal());

        Assert.Equal(
            [ApplicationStatus.Ineligible, ApplicationStatus.Rejected, ApplicationStatus.Completed,
             ApplicationStatus.Expired, ApplicationStatus.Terminated, ApplicationStatus.Failed],
            terminal);
    }
}
