using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Admin.Dashboard;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Reports;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Confirmation;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Firms;
using Serverless.Workflow.Links;
using Serverless.Workflow.Operations;
using Serverless.Workflow.Review;

namespace Serverless.Workflow.Http;

/// <summary>
/// Maps every route of <see cref="ApiRoutes"/> onto its handler, for hosts built on minimal APIs (the local host).
/// The Functions app has one [Function] wrapper per route instead; a test keeps the two sets equal.
/// </summary>
public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Health, ([FromServices] HealthHandler h, [FromServices] DurableTaskClient durable, CancellationToken ct) => h.CheckAsync(durable, ct));
        app.MapGet(ApiRoutes.OpenApi, OpenApiHandler.Get);

        app.MapPost(ApiRoutes.Applications, (HttpRequest request, [FromServices] ApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.SubmitAsync(request, durable, ct));
        app.MapGet(ApiRoutes.Application, (HttpRequest request, string applicationId, [FromServices] ApplicationHandlers h, CancellationToken ct) =>
            h.GetAsync(request, applicationId, ct));
        app.MapPost(ApiRoutes.Feedback, (HttpRequest request, string applicationId, [FromServices] FirmFeedbackHandler h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.GiveAsync(request, applicationId, durable, ct));
        app.MapPost(ApiRoutes.Confirm, (HttpRequest request, string applicationId, [FromServices] ConfirmationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.ConfirmAsync(request, applicationId, durable, ct));
        app.MapPut(ApiRoutes.Application, (HttpRequest request, string applicationId, [FromServices] ApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.UpdateAsync(request, applicationId, durable, ct));
        app.MapPost(ApiRoutes.Documents, (HttpRequest request, string applicationId, [FromServices] ApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.UploadDocumentAsync(request, applicationId, durable, ct));
        app.MapGet(ApiRoutes.Document, (HttpRequest request, string applicationId, string documentId, [FromServices] ApplicationHandlers h, CancellationToken ct) =>
            h.DownloadDocumentAsync(request, applicationId, documentId, ct));
        app.MapGet(ApiRoutes.Apply, ApplyPage.Get);
        app.MapGet(ApiRoutes.FirmPage, (string applicationId) => FirmPage.Get());
        app.MapGet(ApiRoutes.IntakeFormOptions, ([FromServices] FormOptionsHandler h, CancellationToken c) => h.GetAsync(c));
        app.MapGet(ApiRoutes.Asset, (string name) => Assets.Get(name));

        app.MapGet(ApiRoutes.Link, (HttpRequest request, string token, [FromServices] LinkHandlers h, CancellationToken ct) => h.ShowAsync(request, token, ct));
        app.MapGet(ApiRoutes.LinkDocument, (HttpRequest request, string token, string documentId, [FromServices] LinkHandlers h, CancellationToken ct) =>
            h.DocumentAsync(request, token, documentId, ct));
        app.MapPost(ApiRoutes.Link, (HttpRequest request, string token, [FromServices] LinkHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.DecideAsync(request, token, durable, ct));

        app.MapPost(ApiRoutes.Resend, (string applicationId, [FromServices] AdminApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.ResendAsync(applicationId, durable, ct));
        app.MapGet(ApiRoutes.Dashboard, DashboardHandler.Get);
        app.MapGet(ApiRoutes.AdminApplications, (HttpRequest request, [FromServices] AdminQueryHandlers h, CancellationToken ct) => h.ListAsync(request, ct));
        app.MapGet(ApiRoutes.AdminApplicationsCsv, (HttpRequest request, [FromServices] AdminQueryHandlers h) => h.Csv(request));
        app.MapGet(ApiRoutes.AdminApplication, (string applicationId, [FromServices] AdminQueryHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.GetAsync(applicationId, durable, ct));
        app.MapGet(ApiRoutes.AdminDocument, (string applicationId, string documentId, [FromServices] ApplicationHandlers h, CancellationToken ct) =>
            h.DownloadDocumentForAdminAsync(applicationId, documentId, ct));
        app.MapGet(ApiRoutes.AdminReport, (string applicationId, string taskId, [FromServices] AdminQueryHandlers h, CancellationToken ct) =>
            h.ReportAsync(applicationId, taskId, ct));
        app.MapGet(ApiRoutes.Stats, ([FromServices] AdminQueryHandlers h, CancellationToken ct) => h.StatsAsync(ct));
        app.MapPost(ApiRoutes.Retry, (HttpRequest request, string applicationId, [FromServices] AdminApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.RetryAsync(request, applicationId, durable, ct));
        app.MapPost(ApiRoutes.Suspend, (HttpRequest request, string applicationId, [FromServices] AdminApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.SuspendAsync(request, applicationId, durable, ct));
        app.MapPost(ApiRoutes.Resume, (HttpRequest request, string applicationId, [FromServices] AdminApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.ResumeAsync(request, applicationId, durable, ct));
        app.MapDelete(ApiRoutes.History, (string applicationId, [FromServices] AdminApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.PurgeAsync(applicationId, durable, ct));
        app.MapPost(ApiRoutes.Terminate, (HttpRequest request, string applicationId, [FromServices] AdminApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.TerminateAsync(request, applicationId, durable, ct));
        app.MapPost(ApiRoutes.Assign, (HttpRequest request, string applicationId, string taskId, [FromServices] AdminApplicationHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.AssignAsync(request, applicationId, taskId, durable, ct));

        app.MapGet(ApiRoutes.Calls, ([FromServices] CallHandlers h, CancellationToken ct) => h.ListAsync(ct));
        app.MapPost(ApiRoutes.Calls, (HttpRequest request, [FromServices] CallHandlers h, CancellationToken ct) => h.CreateAsync(request, ct));
        app.MapGet(ApiRoutes.Call, (string callId, [FromServices] CallHandlers h, CancellationToken ct) => h.GetAsync(callId, ct));
        app.MapGet(ApiRoutes.Outcomes, (HttpRequest request, [FromServices] OutcomeReportHandlers h, CancellationToken ct) => h.GetAsync(request, ct));
        app.MapGet(ApiRoutes.OutcomesXlsx, (HttpRequest request, [FromServices] OutcomeReportHandlers h, CancellationToken ct) => h.SpreadsheetAsync(request, ct));
        app.MapPut(ApiRoutes.Call, (HttpRequest request, string callId, [FromServices] CallHandlers h, [FromServices] DurableTaskClient durable, CancellationToken ct) =>
            h.UpdateAsync(request, callId, durable, ct));

        app.MapGet(ApiRoutes.Experts, ([FromServices] ExpertHandlers h, CancellationToken ct) => h.ListAsync(ct));
        app.MapPost(ApiRoutes.Experts, (HttpRequest request, [FromServices] ExpertHandlers h, CancellationToken ct) => h.CreateAsync(request, ct));
        app.MapGet(ApiRoutes.Expert, (string expertId, [FromServices] ExpertHandlers h, CancellationToken ct) => h.GetAsync(expertId, ct));
        app.MapPut(ApiRoutes.Expert, (HttpRequest request, string expertId, [FromServices] ExpertHandlers h, CancellationToken ct) =>
            h.UpdateAsync(request, expertId, ct));
        app.MapDelete(ApiRoutes.Expert, (string expertId, [FromServices] ExpertHandlers h, CancellationToken ct) => h.DeleteAsync(expertId, ct));

        app.MapGet(ApiRoutes.Reviewers, ([FromServices] ReviewerHandlers h, CancellationToken ct) => h.ListAsync(ct));
        app.MapPost(ApiRoutes.Reviewers, (HttpRequest request, [FromServices] ReviewerHandlers h, CancellationToken ct) => h.CreateAsync(request, ct));
        app.MapGet(ApiRoutes.Reviewer, (string reviewerId, [FromServices] ReviewerHandlers h, CancellationToken ct) => h.GetAsync(reviewerId, ct));
        app.MapPut(ApiRoutes.Reviewer, (HttpRequest request, string reviewerId, [FromServices] ReviewerHandlers h, CancellationToken ct) =>
            h.UpdateAsync(request, reviewerId, ct));
        app.MapDelete(ApiRoutes.Reviewer, (string reviewerId, [FromServices] ReviewerHandlers h, CancellationToken ct) => h.DeleteAsync(reviewerId, ct));
        return app;
    }
}
