using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Documents;

/// <summary>A firm's uploaded document, as the API shows it.</summary>
public sealed record DocumentInfo(
    string DocumentId, string Kind, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

/// <summary>
/// Documents live in Blob storage at <c>{applicationId}/documents/{documentId}/{fileName}</c>; what the API shows of
/// them is kept in the blob's metadata, so listing an application's documents is one prefix listing.
/// </summary>
public sealed class DocumentStore(WorkflowStorage storage, TimeProvider time)
{
    public async Task<DocumentInfo> SaveAsync(
        string applicationId, string kind, string fileName, string contentType, MemoryStream buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(buffer, cancellationToken));
        buffer.Position = 0;
        var document = new DocumentInfo(
            DocumentId: Guid.NewGuid().ToString("N"),
            Kind: kind,
            FileName: fileName,
            ContentType: contentType,
            SizeBytes: buffer.Length,
            Sha256: sha256,
            UploadedAt: time.GetUtcNow());

        var blob = storage.Documents.GetBlobClient(BlobName(applicationId, document.DocumentId, fileName));
        await blob.UploadAsync(buffer, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = ToMetadata(document),
        }, cancellationToken);
        return document;
    }

    /// <summary>
    /// Takes one of the application's <see cref="DocumentRules.MaxFilesPerApplication"/> document slots, or false
    /// when all are taken. A slot is a marker blob created only if absent, so uploads arriving side by side take
    /// different slots and never pass the limit together (counting the documents first let them all through).
    /// </summary>
    public async Task<bool> TakeSlotAsync(string applicationId, CancellationToken cancellationToken)
    {
        // Documents stored before slots existed hold the first slots.
        for (var slot = (await ListAsync(applicationId, cancellationToken)).Count + 1; slot <= DocumentRules.MaxFilesPerApplication; slot++)
        {
            try
            {
                await storage.Documents.GetBlobClient($"{applicationId}/slots/{slot:D2}").UploadAsync(
                    BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All } }, cancellationToken);
                return true;
            }
            catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Taken by an upload a moment ago: try the next.
            }
        }

        return false;
    }

    public async Task<IReadOnlyList<DocumentInfo>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var documents = new List<DocumentInfo>();
        await foreach (var blob in storage.Documents.GetBlobsAsync(
            BlobTraits.Metadata, BlobStates.None, $"{applicationId}/documents/", cancellationToken))
        {
            documents.Add(FromMetadata(blob.Metadata, blob.Properties.ContentLength ?? 0));
        }

        return [.. documents.OrderBy(d => d.UploadedAt)];
    }

    /// <summary>The document's content, or null when the application has no such document.</summary>
    public async Task<(DocumentInfo Info, Stream Content)?> OpenAsync(string applicationId, string documentId, CancellationToken cancellationToken)
    {
        await foreach (var blob in storage.Documents.GetBlobsAsync(
            BlobTraits.Metadata, BlobStates.None, $"{applicationId}/documents/{documentId}/", cancellationToken))
        {
            var info = FromMetadata(blob.Metadata, blob.Properties.ContentLength ?? 0);
            var content = await storage.Documents.GetBlobClient(blob.Name).OpenReadAsync(cancellationToken: cancellationToken);
            return (info, content);
        }

        return null;
    }

    static string BlobName(string applicationId, string documentId, string fileName) =>
        $"{applicationId}/documents/{documentId}/{fileName}";

    // Blob metadata is ASCII only, so the (possibly Korean) file name is stored URL-encoded.
    static Dictionary<string, string> ToMetadata(DocumentInfo d) => new()
    {
        ["documentId"] = d.DocumentId,
        ["kind"] = d.Kind,
        ["fileName"] = Uri.EscapeDataString(d.FileName),
        ["contentType"] = d.ContentType,
        ["sha256"] = d.Sha256,
        ["uploadedAt"] = d.UploadedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    static DocumentInfo FromMetadata(IDictionary<string, string> m, long size) => new(
        m["documentId"], m["kind"], Uri.UnescapeDataString(m["fileName"]), m["contentType"], size, m["sha256"],
        DateTimeOffset.Parse(m["uploadedAt"], System.Globalization.CultureInfo.InvariantCulture));
}
