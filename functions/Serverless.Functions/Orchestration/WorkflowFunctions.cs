using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Engagement;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Review;
using Serverless.Workflow.Screening;

namespace Serverless.Functions.Orchestration;

/// <summary>
/// The orchestrator and every activity of <see cref="WorkflowTasks"/>, each behind a [Function] named after its type,
/// so the names in history are the same as on the local host. Each invocation resolves only the activity it runs.
/// </summary>
public static class WorkflowFunctions
{
    [Function(nameof(SupportApplicationOrchestrator))]
    public static Task<ApplicationStatus> SupportApplication(
        [OrchestrationTrigger] TaskOrchestrationContext context, ApplicationStarted input) =>
        new SupportApplicationOrchestrator().RunAsync(context, input);

    [Function(nameof(LoadWorkflowOptionsActivity))]
    public static Task<WorkflowOptions> LoadWorkflowOptions([ActivityTrigger] string applicationId, FunctionContext function) =>
        function.RunActivityAsync<LoadWorkflowOptionsActivity, string, WorkflowOptions>(applicationId);

    [Function(nameof(RecordStatusActivity))]
    public static Task<ApplicationStatus> RecordStatus([ActivityTrigger] StatusChange change, FunctionContext function) =>
        function.RunActivityAsync<RecordStatusActivity, StatusChange, ApplicationStatus>(change);

    [Function(nameof(SendEmailActivity))]
    public static Task<bool> SendEmail([ActivityTrigger] EmailRequest email, FunctionContext function) =>
        function.RunActivityAsync<SendEmailActivity, EmailRequest, bool>(email);

    [Function(nameof(ScreenApplicationActivity))]
    public static Task<ScreeningResult> ScreenApplication([ActivityTrigger] string applicationId, FunctionContext function) =>
        function.RunActivityAsync<ScreenApplicationActivity, string, ScreeningResult>(applicationId);

    [Function(nameof(DiagnoseApplicationActivity))]
    public static Task<int> DiagnoseApplication([ActivityTrigger] DiagnoseRequest request, FunctionContext function) =>
        function.RunActivityAsync<DiagnoseApplicationActivity, DiagnoseRequest, int>(request);

    [Function(nameof(AssignReviewerActivity))]
    public static Task<string?> AssignReviewer([ActivityTrigger] ReviewerWanted wanted, FunctionContext function) =>
        function.RunActivityAsync<AssignReviewerActivity, ReviewerWanted, string?>(wanted);

    [Function(nameof(SendReviewLinkActivity))]
    public static Task<bool> SendReviewLink([ActivityTrigger] ReviewLinkWanted wanted, FunctionContext function) =>
        function.RunActivityAsync<SendReviewLinkActivity, ReviewLinkWanted, bool>(wanted);

    [Function(nameof(CloseReviewActivity))]
    public static Task<int> CloseReview([ActivityTrigger] ReviewClosing closing, FunctionContext function) =>
        function.RunActivityAsync<CloseReviewActivity, ReviewClosing, int>(closing);

    [Function(nameof(LoadPlanActivity))]
    public static Task<IReadOnlyList<string>> LoadPlan([ActivityTrigger] string applicationId, FunctionContext function) =>
        function.RunActivityAsync<LoadPlanActivity, string, IReadOnlyList<string>>(applicationId);

    [Function(nameof(OfferTaskActivity))]
    public static Task<string?> OfferTask([ActivityTrigger] OfferWanted wanted, FunctionContext function) =>
        function.RunActivityAsync<OfferTaskActivity, OfferWanted, string?>(wanted);

    [Function(nameof(AnswerOfferActivity))]
    public static Task<bool> AnswerOffer([ActivityTrigger] OfferOutcome outcome, FunctionContext function) =>
        function.RunActivityAsync<AnswerOfferActivity, OfferOutcome, bool>(outcome);

    [Function(nameof(SendEngagementLinkActivity))]
    public static Task<bool> SendEngagementLink([ActivityTrigger] EngagementLinkWanted wanted, FunctionContext function) =>
        function.RunActivityAsync<SendEngagementLinkActivity, EngagementLinkWanted, bool>(wanted);

    [Function(nameof(RecordTaskActivity))]
    public static Task<IReadOnlyList<string>> RecordTask([ActivityTrigger] TaskEvent taskEvent, FunctionContext function) =>
        function.RunActivityAsync<RecordTaskActivity, TaskEvent, IReadOnlyList<string>>(taskEvent);

    [Function(nameof(SendFeedbackLinkActivity))]
    public static Task<bool> SendFeedbackLink([ActivityTrigger] FeedbackLinkWanted wanted, FunctionContext function) =>
        function.RunActivityAsync<SendFeedbackLinkActivity, FeedbackLinkWanted, bool>(wanted);

    [Function(nameof(FinishApplicationActivity))]
    public static Task<IReadOnlyList<string>> FinishApplication([ActivityTrigger] string applicationId, FunctionContext function) =>
        function.RunActivityAsync<FinishApplicationActivity, string, IReadOnlyList<string>>(applicationId);
}
