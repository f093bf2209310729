using System.IO.Compression;
using Serverless.Workflow.Documents;
using Xunit;

namespace Serverless.Workflow.Tests.Documents;

public sealed class DocumentRulesTests
{
    static readonly byte[] PdfBytes = "%PDF-1.7\n%…\n"u8.ToArray();
    static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F'];
    static readonly byte[] OleHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    static readonly byte[] HwpBytes = [.. OleHeader, .. new byte[504], .. "HWP Document File"u8.ToArray(), 0, 0];
    static readonly byte[] OtherOleBytes = [.. OleHeader, .. new byte[504], .. "Microsoft Word-Dokument"u8.ToArray()];
    static readonly byte[] ExeBytes = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0];

    public static TheoryData<string, byte[], string> Allowed() => new()
    {
        { "plan.pdf", PdfBytes, "application/pdf" },
        { "scan.PNG", PngBytes, "image/png" },
        { "photo.jpeg", JpegBytes, "image/jpeg" },
        { "photo.jpg", JpegBytes, "image/jpeg" },
        { "사업계획서.hwp", HwpBytes, "application/x-hwp" },
        { "plan.docx", Zip("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "figures.xlsx", Zip("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void ContentTypeOf_AllowedFormatWithItsExtension_IsWhatTheBytesProve(string name, byte[] bytes, string expected) =>
        Assert.Equal(expected, DocumentRules.ContentTypeOf(new MemoryStream(bytes), name));

    public static TheoryData<string, byte[]> Refused() => new()
    {
        { "invoice.pdf", ExeBytes },               // an executable renamed to .pdf
        { "report.hwp", OtherOleBytes },           // an old Word file (OLE, like HWP) renamed to .hwp
        { "scan.pdf", PngBytes },                  // a real PNG under a PDF name
        { "plan.docx", Zip("xl/workbook.xml") },   // a workbook called a document
        { "archive.docx", Zip("readme.txt") },     // any ZIP is no DOCX
        { "plan.pdf.exe", PdfBytes },
        { "plan", PdfBytes },
        { "empty.pdf", [] },
        { "notes.txt", "hello"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ContentTypeOf_AnythingElse_IsNull(string name, byte[] bytes) =>
        Assert.Null(DocumentRules.ContentTypeOf(new MemoryStream(bytes), name));

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData(@"C:\Users\ceo\Desktop\plan.pdf", "plan.pdf")]
    [InlineData("/absolute/path/재무제표.xlsx", "재무제표.xlsx")]
    [InlineData("plan\u0000\u001f.pdf", "plan.pdf")]
    [InlineData("re<po>rt?.pdf", "report.pdf")]
    [InlineData("...hidden.pdf", "hidden.pdf")]
    [InlineData("../", "document")]
    [InlineData(".pdf", "document.pdf")]
    [InlineData(null, "document")]
    public void SanitizeFileName_KeepsOnlyASafeName(string? input, string expected) =>
        Assert.Equal(expected, DocumentRules.SanitizeFileName(input));

    [Fact]
    public void SanitizeFileName_TooLong_IsCutToOneHundredCharactersKeepingTheExtension()
    {
        var name = DocumentRules.SanitizeFileName(new string('가', 300) + ".pdf");

        Assert.Equal(100, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    /// <summary>ZIP containers made to break a reader: each is refused as no document, never thrown out of the check.</summary>
    public static TheoryData<string, byte[]> Crafted() => new()
    {
        { "truncated central directory", Zip("word/document.xml")[..^30] },
        { "directory offset past the end", WithEndRecord(Zip("word/document.xml"), offset: 16, value: 0x7FFF_FFF0) },
        { "spanned over other disks", WithEndRecord(Zip("word/document.xml"), offset: 4, value: 0x0002_0001) },
        { "more entries than bytes", WithEndRecord(Zip("word/document.xml"), offset: 8, value: unchecked((int)0xFFFF_FFFF)) },
        { "entry name longer than the file", WithDirectoryField(Zip("word/document.xml"), offset: 28, value: 0xFFFF) },
        { "only a local header", "PK\x03\x04"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Crafted))]
    public void ContentTypeOf_CraftedZip_IsNull(string craft, byte[] bytes)
    {
        Assert.False(string.IsNullOrEmpty(craft));
        Assert.Null(DocumentRules.ContentTypeOf(new MemoryStream(bytes), "plan.docx"));
    }

    /// <summary>Overwrites a field of the end-of-central-directory record (the last 22 bytes of an archive without comment).</summary>
    static byte[] WithEndRecord(byte[] zip, int offset, int value)
    {
        BitConverter.TryWriteBytes(zip.AsSpan(zip.Length - 22 + offset), value);
        return zip;
    }

    /// <summary>Overwrites a 16-bit field of the first central-directory entry.</summary>
    static byte[] WithDirectoryField(byte[] zip, int offset, ushort value)
    {
        var directory = BitConverter.ToInt32(zip, zip.Length - 22 + 16);
        BitConverter.TryWriteBytes(zip.AsSpan(directory + offset), value);
        return zip;
    }

    static byte[] Zip(string entry)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<xml/>");
        }

        return buffer.ToArray();
    }
}
