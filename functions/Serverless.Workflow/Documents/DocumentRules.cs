using System.IO.Compression;

namespace Serverless.Workflow.Documents;

public enum DocumentKind
{
    BusinessRegistration,
    FinancialStatements,
    BusinessPlan,
    TechnologyStatus,
    Other,
}

/// <summary>What a firm may upload (docs/api.md): the kinds, the formats (by their leading bytes), sizes and names.</summary>
public static class DocumentRules
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxFilesPerApplication = 20;

    /// <summary>How far into an OLE file the HWP FileHeader stream is looked for (its sectors come early).</summary>
    const int HwpSignatureWithin = 64 * 1024;

    /// <summary>The kinds screening requires before an application moves on (docs/workflow.md, step 1).</summary>
    public static readonly IReadOnlyList<DocumentKind> Required =
        [DocumentKind.BusinessRegistration, DocumentKind.FinancialStatements, DocumentKind.BusinessPlan];

    sealed record Format(string ContentType, string[] Extensions);

    static readonly Format Pdf = new("application/pdf", [".pdf"]);
    static readonly Format Png = new("image/png", [".png"]);
    static readonly Format Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);
    static readonly Format Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    static readonly Format Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    static readonly Format Hwp = new("application/x-hwp", [".hwp"]);

    /// <summary>
    /// The content type the file's bytes prove, when they are an allowed format and agree with the file's extension;
    /// null otherwise (an executable renamed to .pdf, a PNG called .docx, anything else).
    /// </summary>
    public static string? ContentTypeOf(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var format = Sniff(content);
        return format is not null && format.Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant())
            ? format.ContentType
            : null;
    }

    static Format? Sniff(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Jpeg;
        }

        // HWP 5.0 documents are OLE compound files whose FileHeader stream starts "HWP Document File"; other OLE
        // files (.doc, .xls, .msi) share the container but not that signature.
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return HasHwpSignature(content) ? Hwp : null;
        }

        return head.StartsWith("PK\x03\x04"u8) ? OfficeFormat(content) : null;
    }

    static bool HasHwpSignature(Stream content)
    {
        var buffer = new byte[(int)Math.Min(content.Length, HwpSignatureWithin)];
        content.Position = 0;
        content.ReadExactly(buffer);
        content.Position = 0;
        return buffer.AsSpan().IndexOf("HWP Document File"u8) >= 0;
    }

    /// <summary>DOCX and XLSX are ZIP packages; which one it is shows in the parts it holds.</summary>
    static Format? OfficeFormat(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            return names.Contains("word/document.xml") ? Docx
                : names.Contains("xl/workbook.xml") ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            // What .NET throws for every broken or crafted container (truncated, offsets past the end, spanned,
            // impossible counts, names past the end; 200,000 random mutations threw nothing else). Entries are only
            // listed, never unpacked, so no archive can make this expensive.
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// The name part only (no folders, whichever slash), without control or reserved characters or leading dots,
    /// at most 100 characters with its extension kept; "document" where no name is left.
    /// </summary>
    public static string SanitizeFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && !"<>:\"|?*".Contains(c))]).Trim();
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name).TrimStart('.').Trim();
        if (stem.Length == 0)
        {
            stem = "document";
        }

        var maxStem = Math.Max(1, 100 - extension.Length);
        return (stem.Length > maxStem ? stem[..maxStem] : stem) + extension;
    }
}
