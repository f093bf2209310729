using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;
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
    CloseReviewActivity closeReview)
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
}
