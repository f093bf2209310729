using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Documents;

/// <summary>One of an application's documents as a download, for whoever may open it (the firm, the staff, a live review or engagement link).</summary>
public static class DocumentDownload
{
    /// <summary>The file as an attachment of its stored content type; 404 for an id that is not one of this application's documents.</summary>
    public static async Task<IResult> FileAsync(DocumentStore documents, string applicationId, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var document = ApplicationIds.IsValid(documentId) ? await documents.OpenAsync(applicationId, documentId, cancellationToken) : null;
        return document is { } found
            ? TypedResults.Stream(found.Content, found.Info.ContentType, found.Info.FileName)
            : Problems.NotFound();
    }
}
