using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Links;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Engagement;

/// <summary>
/// An expert's engagement report: a summary and, optionally, a file under the document rules (PDF, PNG, JPEG, DOCX,
/// XLSX, HWP by their bytes; 10 MiB), kept in Blob under the task.
/// </summary>
public sealed class ReportLinkPurpose(ApplicationStore applications, WorkflowStorage storage, TimeProvider time)
    : ApplicationLinkPurpose<ReportLinkPurpose.Report>(applications, LinkPurpose.EngagementReport, "과제 결과 보고", "Engagement report")
{
    public override long MaxFormBytes => DocumentRules.MaxFileBytes + base.MaxFormBytes;

    public override bool OpensDocuments => true;

    protected override Task WriteAsync(LinkPage page, ApplicationEntity application, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken)
    {
        var task = ApplicationPlan.Task(application, link.TaskId)!;
        page.Heading(page.Say("수행 과제", "Your task"))
            .Field(page.Say("과제", "Task"), $"{task.TaskId}: {task.Description}")
            .Field(page.Say("예산 (원)", "Budget (KRW)"), ApplicationDossier.Krw(task.BudgetKrw));
        ApplicationDossier.Write(page, application);
        page.Heading(page.Say("결과 보고", "Your report"))
            .BeginForm(withFile: true)
            .TextArea("done", page.Say("수행 내용 (필수, 기업에 전달됨)", "What was done (required; the firm reads the report)"), posted?["done"].ToString() ?? "", FormFields.MaxTextLength)
            .TextArea("outcome", page.Say("성과 (선택)", "Outcome (optional)"), posted?["outcome"].ToString() ?? "", FormFields.MaxTextLength)
            .TextArea("followUp", page.Say("후속 지원 제안 (선택)", "Follow-up proposed (optional)"), posted?["followUp"].ToString() ?? "", FormFields.MaxTextLength)
            .FileInput("file", page.Say("보고서 파일 (선택: PDF, HWP, DOCX, XLSX, PNG, JPEG, 10MB 이하)", "Report file (optional: PDF, HWP, DOCX, XLSX, PNG, JPEG, up to 10 MiB)"))
            .EndForm(page.Say("제출", "Submit"));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The page's three sections as one summary, each under its heading; an API client may send <c>summary</c> as a
    /// whole instead (docs/api.md).
    /// </summary>
    static string? Sections(IFormCollection form, ValidationErrors errors)
    {
        var sections = new[] { ("done", "수행 내용", true), ("outcome", "성과", false), ("followUp", "후속 지원 제안", false) }
            .Select(section => (Heading: section.Item2, Text: FormFields.Text(form, section.Item1, section.Item3, errors)))
            .Where(section => section.Text is not null)
            .Select(section => $"{section.Heading}: {section.Text}");
        var summary = string.Join("\n", sections);
        if (summary.Length > FormFields.MaxTextLength)
        {
            errors.Add("done", $"The three sections together must be at most {FormFields.MaxTextLength} characters.");
        }

        return summary.Length == 0 ? null : summary;
    }

    protected override Report? Decide(IFormCollection form, ValidationErrors errors)
    {
        var summary = form.ContainsKey("summary") ? FormFields.Text(form, "summary", required: true, errors) : Sections(form, errors);
        var file = ReportFile.Of(form);
        if (file is { ContentType: null })
        {
            errors.Add("file", "PDF, PNG, JPEG, DOCX, XLSX or HWP (checked by its content), at most 10 MiB.");
        }

        return errors.Any ? null : new Report(summary!, file?.FileName, file?.Sha256, time.GetUtcNow());
    }

    protected override async Task<string?> DeliverAsync(Report decision, LinkDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var link = delivery.Link;
        string? blobName = null;
        if (decision.FileName is { } fileName)
        {
            blobName = $"{link.ApplicationId}/reports/{link.TaskId}/{fileName}";

            // Only the very file the report was claimed with is stored: a repeated post with another file changes nothing.
            if (ReportFile.Of(delivery.Form) is { ContentType: { } contentType } file && file.Sha256 == decision.Sha256)
            {
                await StoreOnceAsync(blobName, file.Content, contentType, cancellationToken);
            }
        }

        await durable.RaiseEventAsync(
            link.ApplicationId, WorkflowEvents.ReportSubmitted(link.TaskId), new ReportSubmitted(decision.Summary, blobName, decision.At), cancellationToken);
        return null;
    }

    protected override void Describe(LinkPage page, Report decision)
    {
        page.Field(page.Say("요약", "Summary"), decision.Summary);
        if (decision.FileName is { } fileName)
        {
            page.Field(page.Say("파일", "File"), fileName);
        }
    }

    /// <summary>The report's file, written once: a repeated post keeps the file first stored.</summary>
    async Task StoreOnceAsync(string blobName, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await storage.Documents.GetBlobClient(blobName).UploadAsync(new BinaryData(content), options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Stored by an earlier post of this report.
        }
    }

    /// <summary>The report as claimed for the step: the file by its name and hash (its bytes go to Blob on delivery).</summary>
    public sealed record Report(string Summary, string? FileName, string? Sha256, DateTimeOffset At);

    /// <summary>The posted file: its sanitised name, its bytes and hash, and the content type they prove (null: not allowed).</summary>
    sealed record ReportFile(string FileName, byte[] Content, string Sha256, string? ContentType)
    {
        public static ReportFile? Of(IFormCollection form)
        {
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
            {
                return null;
            }

            var fileName = DocumentRules.SanitizeFileName(file.FileName);
            if (file.Length > DocumentRules.MaxFileBytes)
            {
                return new ReportFile(fileName, [], "", null);
            }

            using var buffer = new MemoryStream();
            file.CopyTo(buffer);
            var content = buffer.ToArray();
            buffer.Position = 0;
            return new ReportFile(fileName, content, Convert.ToHexStringLower(SHA256.HashData(content)), DocumentRules.ContentTypeOf(buffer, fileName));
        }
    }
}
