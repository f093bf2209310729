using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Applications;

/// <summary>The firm's routes (docs/api.md, Firms), shared by both hosts.</summary>
public sealed class ApplicationHandlers(
    IntakeService intake, ApplicationValidator validator, ApplicationStore applications, FirmAccess access, DocumentStore documents,
    FirmViews views, TimeProvider time)
{
    public const int MaxBodyBytes = 256 * 1024;
    const string IdempotencyHeader = "Idempotency-Key";

    public async Task<IResult> SubmitAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var idempotencyKey = request.Headers[IdempotencyHeader].ToString();
        if (idempotencyKey.Length > 0 && (idempotencyKey.Length > 128 || idempotencyKey.Any(c => c is < ' ' or > '~')))
        {
            return Problems.Invalid(IdempotencyHeader, "Must be 1 to 128 printable ASCII characters.");
        }

        var (form, body, problem) = await ReadFormAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var requestHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var outcome = await intake.SubmitAsync(form!, requestHash, idempotencyKey.Length > 0 ? idempotencyKey : null, durable, cancellationToken);
        return outcome switch
        {
            SubmissionOutcome.Accepted(var application, var token) => Accepted(application, token),
            SubmissionOutcome.AlreadyOpen(var existing) => Problems.Conflict(
                "This firm already has an open application in this programme.",
                new Dictionary<string, object?> { ["applicationId"] = existing }),
            SubmissionOutcome.TooManyForAddress => Problems.Status(
                StatusCodes.Status429TooManyRequests, "Too many applications for this address",
                "This email address has been sent as many receipt mails today as one address may be; please try again tomorrow.",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["firm.email"] = ["Too many applications for this address today."] } }),
            SubmissionOutcome.NoOpenCall(var next) => Problems.Status(
                StatusCodes.Status409Conflict, "No open call",
                next is null
                    ? "No call for applications of this programme is open now, and none is announced yet."
                    : string.Create(CultureInfo.InvariantCulture, $"No call for applications of this programme is open now; the next opens at {next.OpensAt:O}."),
                new Dictionary<string, object?> { ["nextCall"] = next }),
            SubmissionOutcome.NotEligible(var call) => Problems.Invalid(
                "firm.miniCluster", $"This call takes firms of these mini-clusters only: {string.Join(", ", call.MiniClusters)}."),
            SubmissionOutcome.CallFull(var call) => Problems.Status(
                StatusCodes.Status409Conflict, "Call full",
                $"This call has taken as many applications as it may ({call.MaxApplications}).",
                new Dictionary<string, object?> { ["callId"] = call.CallId, ["maxApplications"] = call.MaxApplications }),
            _ => Problems.Conflict($"This {IdempotencyHeader} was used for a different request body."),
        };
    }

    public async Task<IResult> GetAsync(HttpRequest request, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (firm, denied) = await access.AuthorizeAsync(request, applicationId, cancellationToken);
        if (firm is null)
        {
            return denied!;
        }

        var application = firm.Application;

        return ApiResults.Json(await views.BuildAsync(application, cancellationToken));
    }

    /// <summary>The firm's corrected application after a reviewer asked for changes (the review step acts on it).</summary>
    public async Task<IResult> UpdateAsync(HttpRequest request, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var (firm, denied) = await access.AuthorizeAsync(request, applicationId, cancellationToken);
        if (firm is null)
        {
            return denied!;
        }

        var application = firm.Application;

        var (form, body, problem) = await ReadFormAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (application.CurrentStatus != ApplicationStatus.ChangesRequested)
        {
            return Problems.Conflict($"The application is {application.Status}; it can be changed only when changes were requested.");
        }

        if (application.ChangesSentInRound == application.Round)
        {
            // The workflow is diagnosing the changes already sent: a second version now would not be the one reviewed.
            return Problems.Conflict("The changes for this review round were already sent; the application is being diagnosed again.");
        }

        if (form!.Firm.BusinessRegistrationNumber != application.BusinessRegistrationNumber || form.Programme != application.Programme)
        {
            return Problems.Invalid("firm.businessRegistrationNumber", "A changed application keeps its firm and programme; apply anew for another.");
        }

        var now = time.GetUtcNow();
        try
        {
            await applications.UpdateFormAsync(application, form, Convert.ToHexStringLower(SHA256.HashData(body)), now, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == StatusCodes.Status412PreconditionFailed)
        {
            return Problems.Conflict("The application changed while this update was made; read it again and resubmit.");
        }

        await durable.RaiseEventAsync(applicationId, WorkflowEvents.ApplicationUpdated(application.Round), new ApplicationUpdated(now), cancellationToken);
        return ApiResults.Json(
            new UpdateAccepted(application.ApplicationId, application.ReceiptNumber, application.CurrentStatus),
            StatusCodes.Status202Accepted,
            location: StatusPath(applicationId));
    }

    public async Task<IResult> UploadDocumentAsync(
        HttpRequest request, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var (firm, denied) = await access.AuthorizeAsync(request, applicationId, cancellationToken);
        if (firm is null)
        {
            return denied!;
        }

        var application = firm.Application;

        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType("Send documents as multipart/form-data with the fields kind and file.");
        }

        var upload = await DocumentUpload.ReadAsync(request, cancellationToken);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }

        using var content = upload.Content!;
        if (application.CurrentStatus.IsTerminal())
        {
            return Problems.Conflict($"The application is {application.Status}; it takes no more documents.");
        }

        if (!await documents.TakeSlotAsync(applicationId, cancellationToken))
        {
            return Problems.Conflict($"An application holds at most {DocumentRules.MaxFilesPerApplication} documents.");
        }

        var document = await documents.SaveAsync(applicationId, upload.Kind, upload.FileName!, upload.ContentType!, content, cancellationToken);
        await applications.AppendEventAsync(applicationId, "DocumentUploaded", "firm", $"{document.Kind}: {document.FileName}", document.UploadedAt, cancellationToken);

        // Only screening waits for uploads; later a document is kept for the reviewers, and no workflow listens.
        if (application.CurrentStatus is ApplicationStatus.Submitted or ApplicationStatus.AwaitingDocuments)
        {
            await durable.RaiseEventAsync(
                applicationId, WorkflowEvents.DocumentsUpdated, new DocumentsUpdated(document.DocumentId, document.Kind), cancellationToken);
        }
        return ApiResults.Json(document, StatusCodes.Status201Created, $"{StatusPath(applicationId)}/documents/{document.DocumentId}");
    }

    public async Task<IResult> DownloadDocumentAsync(
        HttpRequest request, string applicationId, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (firm, denied) = await access.AuthorizeAsync(request, applicationId, cancellationToken);
        if (firm is null)
        {
            return denied!;
        }

        return await DocumentDownload.FileAsync(documents, applicationId, documentId, cancellationToken);
    }

    /// <summary>
    /// The same file for the staff, by the admin key (checked by the host, as on every admin route): an anonymous
    /// Functions route cannot check the host's keys itself, so the admin's download has a route of its own.
    /// </summary>
    public async Task<IResult> DownloadDocumentForAdminAsync(string applicationId, string documentId, CancellationToken cancellationToken) =>
        ApplicationIds.IsValid(applicationId) && await applications.FindAsync(applicationId, cancellationToken) is not null
            ? await DocumentDownload.FileAsync(documents, applicationId, documentId, cancellationToken)
            : Problems.NotFound();

    static JsonResult<SubmissionAccepted> Accepted(ApplicationEntity application, string token) =>
        ApiResults.Json(
            new SubmissionAccepted(
                application.ApplicationId, application.ReceiptNumber, ApplicationStatus.Submitted, token,
                StatusPath(application.ApplicationId), StatusPath(application.ApplicationId) + "/documents"),
            StatusCodes.Status202Accepted,
            location: StatusPath(application.ApplicationId));

    static string StatusPath(string applicationId) => $"/api/applications/{applicationId}";

    /// <summary>The body as a validated application form, or the problem that stops it (415, 413, 400).</summary>
    async Task<(ApplicationForm? Form, byte[] Body, IResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (parsed, body, problem) = await RequestBody.ReadJsonAsync<ApplicationRequest>(request, MaxBodyBytes, "application", cancellationToken);
        if (problem is not null)
        {
            return (null, body, problem);
        }

        var (form, errors) = validator.Validate(parsed);
        return form is null ? (null, body, Problems.Invalid(errors.ToDictionary())) : (form, body, null);
    }
}
