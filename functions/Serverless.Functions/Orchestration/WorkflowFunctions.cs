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
/// so the names in history are the same as on the local host.
/// </summary>
public sealed class WorkflowFunctions(
    LoadWorkflowOptionsActivity loadWorkflowOptions,
    RecordStatusActivity recordStatus,
    SendEmailActivity sendEmail,
    ScreenApplicationActivity screenApplication,
    DiagnoseApplicationActivity diagnoseApplication,
    AssignReviewerActivity assignReviewer,
    SendReviewLinkActivity sendReviewLink,
    CloseReviewActivity closeReview,
    LoadPlanActivity loadPlan,
    OfferTaskActivity offerTask,
    AnswerOfferActivity answerOffer,
    SendEngagementLinkActivity sendEngagementLink,
    RecordTaskActivity recordTask,
    SendFeedbackLinkActivity sendFeedbackLink,
    FinishApplicationActivity finishApplication)
{
    [Function(nameof(SupportApplicationOrchestrator))]
    public static Task<ApplicationStatus> SupportApplication(
        [OrchestrationTrigger] TaskOrchestrationContext context, ApplicationStarted input) =>
        new SupportApplicationOrchestrator().RunAsync(context, input);

    [Function(nameof(LoadWorkflowOptionsActivity))]
    public Task<WorkflowOptions> LoadWorkflowOptions([ActivityTrigger] string applicationId, FunctionContext function) =>
        loadWorkflowOptions.RunAsync(new FunctionActivityContext(nameof(LoadWorkflowOptionsActivity), function), applicationId);

    [Function(nameof(RecordStatusActivity))]
    public Task<ApplicationStatus> RecordStatus([ActivityTrigger] StatusChange change, FunctionContext function) =>
        recordStatus.RunAsync(new FunctionActivityContext(nameof(RecordStatusActivity), function), change);

    [Function(nameof(SendEmailActivity))]
    public Task<bool> SendEmail([ActivityTrigger] EmailRequest email, FunctionContext function) =>
        sendEmail.RunAsync(new FunctionActivityContext(nameof(SendEmailActivity), function), email);

    [Function(nameof(ScreenApplicationActivity))]
    public Task<ScreeningResult> ScreenApplication([ActivityTrigger] string applicationId, FunctionContext function) =>
        screenApplication.RunAsync(new FunctionActivityContext(nameof(ScreenApplicationActivity), function), applicationId);

    [Function(nameof(DiagnoseApplicationActivity))]
    public Task<int> DiagnoseApplication([ActivityTrigger] DiagnoseRequest request, FunctionContext function) =>
        diagnoseApplication.RunAsync(new FunctionActivityContext(nameof(DiagnoseApplicationActivity), function), request);

    [Function(nameof(AssignReviewerActivity))]
    public Task<string?> AssignReviewer([ActivityTrigger] ReviewerWanted wanted, FunctionContext function) =>
        assignReviewer.RunAsync(new FunctionActivityContext(nameof(AssignReviewerActivity), function), wanted);

    [Function(nameof(SendReviewLinkActivity))]
    public Task<bool> SendReviewLink([ActivityTrigger] ReviewLinkWanted wanted, FunctionContext function) =>
        sendReviewLink.RunAsync(new FunctionActivityContext(nameof(SendReviewLinkActivity), function), wanted);

    [Function(nameof(CloseReviewActivity))]
    public Task<int> CloseReview([ActivityTrigger] ReviewClosing closing, FunctionContext function) =>
        closeReview.RunAsync(new FunctionActivityContext(nameof(CloseReviewActivity), function), closing);

    [Function(nameof(LoadPlanActivity))]
    public Task<IReadOnlyList<string>> LoadPlan([ActivityTrigger] string applicationId, FunctionContext function) =>
        loadPlan.RunAsync(new FunctionActivityContext(nameof(LoadPlanActivity), function), applicationId);

    [Function(nameof(OfferTaskActivity))]
    public Task<string?> OfferTask([ActivityTrigger] OfferWanted wanted, FunctionContext function) =>
        offerTask.RunAsync(new FunctionActivityContext(nameof(OfferTaskActivity), function), wanted);

    [Function(nameof(AnswerOfferActivity))]
    public Task<bool> AnswerOffer([ActivityTrigger] OfferOutcome outcome, FunctionContext function) =>
        answerOffer.RunAsync(new FunctionActivityContext(nameof(AnswerOfferActivity), function), outcome);

    [Function(nameof(SendEngagementLinkActivity))]
    public Task<bool> SendEngagementLink([ActivityTrigger] EngagementLinkWanted wanted, FunctionContext function) =>
        sendEngagementLink.RunAsync(new FunctionActivityContext(nameof(SendEngagementLinkActivity), function), wanted);

    [Function(nameof(RecordTaskActivity))]
    public Task<IReadOnlyList<string>> RecordTask([ActivityTrigger] TaskEvent taskEvent, FunctionContext function) =>
        recordTask.RunAsync(new FunctionActivityContext(nameof(RecordTaskActivity), function), taskEvent);

    [Function(nameof(SendFeedbackLinkActivity))]
    public Task<bool> SendFeedbackLink([ActivityTrigger] FeedbackLinkWanted wanted, FunctionContext function) =>
        sendFeedbackLink.RunAsync(new FunctionActivityContext(nameof(SendFeedbackLinkActivity), function), wanted);

    [Function(nameof(FinishApplicationActivity))]
    public Task<IReadOnlyList<string>> FinishApplication([ActivityTrigger] string applicationId, FunctionContext function) =>
        finishApplication.RunAsync(new FunctionActivityContext(nameof(FinishApplicationActivity), function), applicationId);
}
