using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Documents;

/// <summary>A multipart upload read and checked: kind, a sanitised name, and content whose bytes prove its format.</summary>
public sealed record DocumentUpload(string Kind, string? FileName, string? ContentType, MemoryStream? Content, IResult? Problem)
{
    /// <summary>Room for the multipart framing and the kind field around one maximal file.</summary>
    const long FormOverheadBytes = 64 * 1024;

    public static async Task<DocumentUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLarge = Problems.TooLarge($"A document must be at most {DocumentRules.MaxFileBytes / (1024 * 1024)} MiB.");
        if (request.ContentLength > DocumentRules.MaxFileBytes + FormOverheadBytes)
        {
            return Refused(tooLarge);
        }

        RequestBody.LimitTo(request, DocumentRules.MaxFileBytes + FormOverheadBytes);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(tooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A truncated or malformed multipart body is the client's to fix.
            return Refused(Problems.Invalid("$", "The multipart body could not be read."));
        }

        var kind = form["kind"].ToString();
        var file = form.Files.GetFile("file");
        if (!Enum.GetNames<DocumentKind>().Contains(kind, StringComparer.Ordinal))
        {
            return Refused(Problems.Invalid("kind", $"Must be one of {string.Join(", ", Enum.GetNames<DocumentKind>())}."));
        }

        if (file is null)
        {
            return Refused(Problems.Invalid("file", "Attach the document as the part named 'file'."));
        }

        if (file.Length > DocumentRules.MaxFileBytes)
        {
            return Refused(tooLarge);
        }

        var fileName = DocumentRules.SanitizeFileName(file.FileName);
        var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var contentType = DocumentRules.ContentTypeOf(content, fileName);
        if (contentType is null)
        {
            await content.DisposeAsync();
            return Refused(Problems.UnsupportedMediaType(
                "Allowed: PDF, PNG, JPEG, DOCX, XLSX and HWP, with a matching file extension; the file's content decides."));
        }

        return new DocumentUpload(kind, fileName, contentType, content, null);
    }

    static DocumentUpload Refused(IResult problem) => new("", null, null, null, problem);
}
