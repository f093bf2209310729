using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Links;
using Microsoft.DurableTask;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Http;

/// <summary>The firm's routes (API.md, Firms), shared by both hosts.</summary>
public sealed class ApplicationHandlers(ApplicationStore applications, FirmAccess access, DocumentStore documents, TimeProvider time)
{
    public async Task<IResult> SubmitAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (!request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType("Send the application as application/json.");
        }

        ApplicationRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<ApplicationRequest>(Json.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            return Problems.Invalid(e.Path ?? "$", "The body is not valid JSON for an application.");
        }

        if (body?.Firm is not { Name: not null, BusinessRegistrationNumber: not null, Email: not null } firm)
        {
            return Problems.Invalid("firm", "The firm's name, business registration number and email are required.");
        }

        var applicationId = ApplicationIds.New();
        var now = time.GetUtcNow();
        await applications.CreateAsync(new ApplicationEntity
        {
            PartitionKey = applicationId,
            Programme = body.Programme ?? "growth-stage",
            Language = body.Language ?? "ko",
            FirmName = firm.Name,
            BusinessRegistrationNumber = firm.BusinessRegistrationNumber,
            FirmEmail = firm.Email,
            SubmittedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        var token = await access.IssueAsync(applicationId, cancellationToken);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(SupportApplicationOrchestrator),
            new ApplicationStarted(applicationId),
            new StartOrchestrationOptions(applicationId),
            cancellationToken);

        var statusUrl = $"/api/applications/{applicationId}";
        return ApiResults.Json(
            new SubmissionAccepted(applicationId, ApplicationStatus.Submitted, token, statusUrl, statusUrl + "/documents"),
            StatusCodes.Status202Accepted,
            location: statusUrl);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await AuthorizeAsync(request, applicationId, cancellationToken) is { } denied)
        {
            return denied;
        }

        var application = await applications.FindAsync(applicationId, cancellationToken);
        if (application is null)
        {
            return Problems.NotFound();
        }

        var events = await applications.EventsAsync(applicationId, cancellationToken);
        var timeline = events
            .Where(e => e.ToStatus is not null && e.FromStatus != e.ToStatus)
            .Select(e => new TimelineEntry(Enum.Parse<ApplicationStatus>(e.ToStatus!), e.At, e.Note))
            .DistinctBy(e => (e.Status, e.At))
            .ToList();
        return ApiResults.Json(new FirmApplicationView(
            application.ApplicationId,
            application.Programme,
            application.CurrentStatus,
            Enum.Parse<ApplicationStage>(application.Stage),
            application.SubmittedAt,
            application.UpdatedAt,
            new FirmSummary(application.FirmName, application.BusinessRegistrationNumber),
            await documents.ListAsync(applicationId, cancellationToken),
            timeline));
    }

    public async Task<IResult> UploadDocumentAsync(
        HttpRequest request, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (await AuthorizeAsync(request, applicationId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!request.HasFormContentType)
        {
            return Problems.UnsupportedMediaType("Send documents as multipart/form-data with the fields kind and file.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var kind = form["kind"].ToString();
        var file = form.Files.GetFile("file");
        if (string.IsNullOrEmpty(kind) || file is null)
        {
            return Problems.Invalid(file is null ? "file" : "kind", "Both kind and file are required.");
        }

        var application = await applications.FindAsync(applicationId, cancellationToken);
        if (application is null)
        {
            return Problems.NotFound();
        }

        if (application.CurrentStatus.IsTerminal())
        {
            return Problems.Conflict($"The application is {application.Status}; it takes no more documents.");
        }

        await using var content = file.OpenReadStream();
        var document = await documents.SaveAsync(
            applicationId, kind, Path.GetFileName(file.FileName), file.ContentType, content, cancellationToken);
        await applications.AppendEventAsync(applicationId, new ApplicationEventEntity
        {
            Type = "DocumentUploaded",
            Actor = "firm",
            Note = $"{document.Kind}: {document.FileName}",
            At = document.UploadedAt,
        }, cancellationToken);
        await durable.RaiseEventAsync(
            applicationId, WorkflowEvents.DocumentsUpdated, new DocumentsUpdated(document.DocumentId, document.Kind), cancellationToken);
        return ApiResults.Json(document, StatusCodes.Status201Created, $"/api/applications/{applicationId}/documents/{document.DocumentId}");
    }

    public async Task<IResult> DownloadDocumentAsync(
        HttpRequest request, string applicationId, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await AuthorizeAsync(request, applicationId, cancellationToken) is { } denied)
        {
            return denied;
        }

        var document = ApplicationIds.IsValid(documentId)
            ? await documents.OpenAsync(applicationId, documentId, cancellationToken)
            : null;
        return document is { } found
            ? TypedResults.Stream(found.Content, found.Info.ContentType, found.Info.FileName)
            : Problems.NotFound();
    }

    /// <summary>401 without a bearer token whatever the id; 404 for an unknown id or someone else's token.</summary>
    async Task<IResult?> AuthorizeAsync(HttpRequest request, string applicationId, CancellationToken cancellationToken)
    {
        var token = BearerToken(request);
        if (token is null)
        {
            return Problems.Unauthorized("Send the application's access token as 'Authorization: Bearer {token}'.");
        }

        return ApplicationIds.IsValid(applicationId) && await access.AllowsAsync(token, applicationId, cancellationToken)
            ? null
            : Problems.NotFound();
    }

    static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
