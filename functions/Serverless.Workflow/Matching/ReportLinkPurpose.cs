using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Matching;

/// <summary>
/// An expert's engagement report: a summary and, optionally, a file under the document rules (PDF, PNG, JPEG, DOCX,
/// XLSX, HWP by their bytes; 10 MiB), kept in Blob under the task.
/// </summary>
public sealed class ReportLinkPurpose(ApplicationStore applications, WorkflowStorage storage, TimeProvider time) : ILinkPurpose
{
    public LinkPurpose Purpose => LinkPurpose.EngagementReport;

    public long MaxFormBytes => DocumentRules.MaxFileBytes + (64 * 1024);

    public string Title(LinkPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Say("과제 결과 보고", "Engagement report");
    }

    public async Task WriteAsync(LinkPage page, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(link);
        var application = (await applications.FindAsync(link.ApplicationId, cancellationToken))!;
        var task = ApplicationPlan.Task(application, link.TaskId)!;
        page.Field(page.Say("접수번호", "Receipt number"), application.ReceiptNumber)
            .Field(page.Say("기업", "Firm"), application.FirmName)
            .Field(page.Say("과제", "Task"), $"{task.TaskId} {task.SupportType}: {task.Description}")
            .BeginForm(withFile: true)
            .TextArea("summary", page.Say("수행 결과 요약 (필수, 기업에 전달됨)", "Summary of the work (required; the firm reads it)"),
                posted?["summary"].ToString() ?? "", FormFields.MaxTextLength)
            .FileInput("file", page.Say("보고서 파일 (선택: PDF, HWP, DOCX, XLSX, PNG, JPEG, 10MB 이하)", "Report file (optional: PDF, HWP, DOCX, XLSX, PNG, JPEG, up to 10 MiB)"))
            .EndForm(page.Say("제출", "Submit"));
    }

    public (string? Decision, ValidationErrors Errors) Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        var summary = FormFields.Text(form, "summary", required: true, errors);
        string? fileName = null;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            fileName = DocumentRules.SanitizeFileName(file.FileName);
            using var content = file.OpenReadStream();
            if (file.Length > DocumentRules.MaxFileBytes || DocumentRules.ContentTypeOf(content, fileName) is null)
            {
                errors.Add("file", "PDF, PNG, JPEG, DOCX, XLSX or HWP (checked by its content), at most 10 MiB.");
            }
        }

        return errors.Any ? (null, errors) : (JsonSerializer.Serialize(new Report(summary!, fileName, time.GetUtcNow()), Json.Options), errors);
    }

    public async Task<string?> DeliverAsync(LinkEntity link, string decision, IFormCollection form, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(durable);
        var report = JsonSerializer.Deserialize<Report>(decision, Json.Options)!;
        string? blobName = null;
        if (report.FileName is { } fileName)
        {
            blobName = $"{link.ApplicationId}/reports/{link.TaskId}/{fileName}";
            if (form.Files.GetFile("file") is { Length: > 0 } file)
            {
                await StoreOnceAsync(blobName, file, cancellationToken);
            }
        }

        await durable.RaiseEventAsync(
            link.ApplicationId, WorkflowEvents.ReportSubmitted(link.TaskId), new ReportSubmitted(report.Summary, blobName, report.At), cancellationToken);
        return null;
    }

    public void Describe(LinkPage page, string decision)
    {
        ArgumentNullException.ThrowIfNull(page);
        var report = JsonSerializer.Deserialize<Report>(decision, Json.Options)!;
        page.Field(page.Say("요약", "Summary"), report.Summary);
        if (report.FileName is { } fileName)
        {
            page.Field(page.Say("파일", "File"), fileName);
        }
    }

    /// <summary>The report's file, written once: a repeated post keeps the file the report was claimed with.</summary>
    async Task StoreOnceAsync(string blobName, IFormFile file, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = DocumentRules.ContentTypeOf(content, file.FileName) },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        content.Position = 0;
        try
        {
            await storage.Documents.GetBlobClient(blobName).UploadAsync(content, options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Stored by an earlier post of this report.
        }
    }

    sealed record Report(string Summary, string? FileName, DateTimeOffset At);
}
