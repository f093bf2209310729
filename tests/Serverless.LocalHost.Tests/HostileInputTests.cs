using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>A host with one application at rest (AwaitingDocuments), for requests aimed at a real application.</summary>
public sealed class HostileInputFixture : IntakeHostFixture
{
    internal FirmFlow.Submitted Application { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Application = await FirmFlow.SubmitAndSettleAsync(Host);
    }
}

/// <summary>
/// Hostile input across every route family: broken, truncated and deeply nested JSON, duplicate keys, wrong types,
/// huge strings, null bytes and control characters, OData and SQL injection in ids and queries, path traversal,
/// oversized headers and keys, wrong content types, multipart tricks, crafted ZIP containers. Every one is a 4xx
/// with problem details (the server's own 431 for an oversized header has none: Kestrel refuses it before the app),
/// never a 5xx or a stack trace, and nothing is stored.
/// </summary>
public sealed class HostileInputTests(HostileInputFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<HostileInputFixture>
{
    /// <summary>Who sends it: nobody, the firm of the fixture's application, or an admin.</summary>
    public enum Sender
    {
        Anonymous,
        Firm,
        Admin,
    }

    /// <summary>{id} is the fixture's application; bodies are text unless made by a helper below.</summary>
    public static TheoryData<string, string, string, Sender, string?, byte[]?> Corpus()
    {
        var data = new TheoryData<string, string, string, Sender, string?, byte[]?>();
        void Add(string name, string method, string path, Sender who, string? contentType = null, string? body = null) =>
            data.Add(name, method, path, who, contentType, body is null ? null : Encoding.UTF8.GetBytes(body));
        void AddBytes(string name, string method, string path, Sender who, string contentType, byte[] body) =>
            data.Add(name, method, path, who, contentType, body);
        const string Json = "application/json";
        var valid = FirmFlow.ApplicationJson();

        // Intake.
        Add("broken JSON", "POST", "/api/applications", Sender.Anonymous, Json, "{");
        Add("truncated JSON", "POST", "/api/applications", Sender.Anonymous, Json, valid[..(valid.Length / 2)]);
        Add("deeply nested arrays", "POST", "/api/applications", Sender.Anonymous, Json, new string('[', 5000) + new string(']', 5000));
        Add("deeply nested objects", "POST", "/api/applications", Sender.Anonymous, Json, string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500));
        Add("duplicate key", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("\"trl\":6", "\"trl\":6,\"trl\":7", StringComparison.Ordinal));
        Add("number as string", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("\"employees\":42", "\"employees\":\"42\"", StringComparison.Ordinal));
        Add("fraction for a whole number", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("\"trl\":6", "\"trl\":6.5", StringComparison.Ordinal));
        Add("number beyond double", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("\"employees\":42", "\"employees\":1e400", StringComparison.Ordinal));
        Add("negative count", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("\"employees\":42", "\"employees\":-1", StringComparison.Ordinal));
        Add("object for a string", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("\"language\":\"ko\"", "\"language\":{\"$ne\":1}", StringComparison.Ordinal));
        Add("huge string", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("남동정밀(주)", new string('가', 400_000), StringComparison.Ordinal));
        Add("long name", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("남동정밀(주)", new string('가', 5_000), StringComparison.Ordinal));
        Add("null byte", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("남동정밀(주)", "남동\\u0000정밀", StringComparison.Ordinal));
        Add("control character", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("남동정밀(주)", "남동\\u0007정밀", StringComparison.Ordinal));
        Add("SQL in the BRN", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace(FirmFlow.NewFirm(), "' OR 1=1 --", StringComparison.Ordinal).Replace("\"businessRegistrationNumber\":\"", "\"businessRegistrationNumber\":\"' OR 1=1 --", StringComparison.Ordinal));
        Add("script as an email", "POST", "/api/applications", Sender.Anonymous, Json, valid.Replace("@", "<script>@", StringComparison.Ordinal));
        Add("JSON null", "POST", "/api/applications", Sender.Anonymous, Json, "null");
        Add("JSON array", "POST", "/api/applications", Sender.Anonymous, Json, "[]");
        Add("empty body", "POST", "/api/applications", Sender.Anonymous, Json, "");
        Add("text/plain", "POST", "/api/applications", Sender.Anonymous, "text/plain", valid);
        Add("XML", "POST", "/api/applications", Sender.Anonymous, "application/xml", "<application/>");
        Add("form posted", "POST", "/api/applications", Sender.Anonymous, "application/x-www-form-urlencoded", "firm=1");
        AddBytes("invalid UTF-8", "POST", "/api/applications", Sender.Anonymous, Json, [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]);
        Add("key too long", "POST", "/api/applications?key=" + new string('k', 300), Sender.Anonymous, Json, valid);
        Add("key with a DEL character", "POST", "/api/applications?key=" + Uri.EscapeDataString("key\u007f"), Sender.Anonymous, Json, valid);
        Add("header of 64 KiB", "POST", "/api/applications?header=65536", Sender.Anonymous, Json, valid);

        // The firm's routes.
        Add("OData in the id", "GET", "/api/applications/" + Uri.EscapeDataString("x' or PartitionKey ne 'x"), Sender.Firm);
        Add("traversal in the id", "GET", "/api/applications/..%2F..%2Fapi%2Fhealth", Sender.Firm);
        Add("id of 4,000 characters", "GET", "/api/applications/" + new string('a', 4000), Sender.Firm);
        Add("no token", "GET", "/api/applications/{id}", Sender.Anonymous);
        Add("Basic instead of Bearer", "GET", "/api/applications/{id}?auth=basic", Sender.Anonymous);
        Add("token of 8 KiB", "GET", "/api/applications/{id}?auth=huge", Sender.Anonymous);
        Add("SQL as the token", "GET", "/api/applications/{id}?auth=sql", Sender.Anonymous);
        Add("PUT with broken JSON", "PUT", "/api/applications/{id}", Sender.Firm, Json, "{\"firm\":");
        Add("PUT without a token", "PUT", "/api/applications/{id}", Sender.Anonymous, Json, valid);
        Add("PUT while no changes were asked", "PUT", "/api/applications/{id}", Sender.Firm, Json, valid);
        Add("upload without a boundary", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data", "--x\r\n");
        Add("upload truncated", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nBusinessPlan\r\n--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4");
        Add("kind given twice", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data; boundary=x",
            Multipart(("kind", null, "BusinessPlan"), ("kind", null, "Other"), ("file", "a.pdf", "%PDF-1.4\n%%EOF")));
        Add("kind with a null byte", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data; boundary=x",
            Multipart(("kind", null, "BusinessPlan\0"), ("file", "a.pdf", "%PDF-1.4\n%%EOF")));
        Add("kind as a traversal", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data; boundary=x",
            Multipart(("kind", null, "../../BusinessPlan"), ("file", "a.pdf", "%PDF-1.4\n%%EOF")));
        Add("no file part", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data; boundary=x", Multipart(("kind", null, "BusinessPlan")));
        Add("empty file", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data; boundary=x",
            Multipart(("kind", null, "BusinessPlan"), ("file", "a.pdf", "")));
        Add("script renamed to PDF", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data; boundary=x",
            Multipart(("kind", null, "BusinessPlan"), ("file", "plan.pdf", "<script>alert(1)</script>")));
        Add("HTML renamed to DOCX", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data; boundary=x",
            Multipart(("kind", null, "BusinessPlan"), ("file", "plan.docx", "<html><body>hi</body></html>")));
        AddBytes("crafted ZIP as DOCX", "POST", "/api/applications/{id}/documents", Sender.Firm, "multipart/form-data; boundary=x", CraftedZipUpload());
        Add("JSON to the uploads", "POST", "/api/applications/{id}/documents", Sender.Firm, Json, "{\"kind\":\"BusinessPlan\"}");
        Add("document id as a traversal", "GET", "/api/applications/{id}/documents/..%2F..%2Fdiagnosis.json", Sender.Firm);
        Add("document id as OData", "GET", "/api/applications/{id}/documents/" + Uri.EscapeDataString("' or 1 eq 1"), Sender.Firm);
        Add("document id as a wildcard", "GET", "/api/applications/{id}/documents/*", Sender.Firm);

        // Emailed links.
        Add("forged token", "GET", "/api/links/" + new string('A', 43), Sender.Anonymous);
        Add("short token", "GET", "/api/links/abc", Sender.Anonymous);
        Add("token of 2,000 characters", "GET", "/api/links/" + new string('A', 2000), Sender.Anonymous);
        Add("traversal as a token", "GET", "/api/links/..%2F..%2Fapi%2Fadmin%2Fstats", Sender.Anonymous);
        Add("OData as a token", "GET", "/api/links/" + Uri.EscapeDataString("' or PartitionKey ne '"), Sender.Anonymous);
        Add("answer to a forged token", "POST", "/api/links/" + new string('B', 43), Sender.Anonymous, "application/x-www-form-urlencoded", "decision=approve&noConflict=true");
        Add("JSON to a link", "POST", "/api/links/" + new string('C', 43), Sender.Anonymous, Json, "{\"decision\":\"approve\"}");

        // Admin routes.
        Add("list: unknown status", "GET", "/api/admin/applications?status=Nope", Sender.Admin);
        Add("list: page size 0", "GET", "/api/admin/applications?pageSize=0", Sender.Admin);
        Add("list: page size 100000", "GET", "/api/admin/applications?pageSize=100000", Sender.Admin);
        Add("list: page size as text", "GET", "/api/admin/applications?pageSize=ten", Sender.Admin);
        Add("list: forged continuation", "GET", "/api/admin/applications?continuationToken=" + Uri.EscapeDataString("' or 1 eq 1"), Sender.Admin);
        Add("list: date as text", "GET", "/api/admin/applications?submittedFrom=yesterday", Sender.Admin);
        Add("list: search of 1,000 characters", "GET", "/api/admin/applications?q=" + new string('q', 1000), Sender.Admin);
        Add("list: control character in search", "GET", "/api/admin/applications?q=%07", Sender.Admin);
        Add("CSV: unknown status", "GET", "/api/admin/applications.csv?status=%27", Sender.Admin);
        Add("detail: OData id", "GET", "/api/admin/applications/" + Uri.EscapeDataString("x' or PartitionKey ne 'x"), Sender.Admin);
        Add("terminate: broken JSON", "POST", "/api/admin/applications/{id}/terminate", Sender.Admin, Json, "{\"reason\":");
        Add("terminate: reason of 10,000 characters", "POST", "/api/admin/applications/{id}/terminate", Sender.Admin, Json, $"{{\"reason\":\"{new string('r', 10_000)}\"}}");
        Add("terminate: control characters", "POST", "/api/admin/applications/{id}/terminate", Sender.Admin, Json, "{\"reason\":\"a\\u0000b\"}");
        Add("terminate: reason as a number", "POST", "/api/admin/applications/{id}/terminate", Sender.Admin, Json, "{\"reason\":42}");
        Add("retry: not Failed", "POST", "/api/admin/applications/{id}/retry", Sender.Admin, Json, "{\"reason\":\"x\"}");
        Add("assign: OData task id", "POST", "/api/admin/applications/{id}/tasks/" + Uri.EscapeDataString("' or 1 eq 1") + "/assign", Sender.Admin, Json, "{\"expertId\":\"x\",\"reason\":\"x\"}");
        Add("resend: unknown application", "POST", "/api/admin/applications/0123456789abcdef0123456789abcdef/resend", Sender.Admin);
        Add("purge: running", "DELETE", "/api/admin/applications/{id}/history", Sender.Admin);
        Add("expert: broken JSON", "POST", "/api/admin/experts", Sender.Admin, Json, "{\"name\":");
        Add("expert: fields as a string", "POST", "/api/admin/experts", Sender.Admin, Json, ExpertJson("\"fields\":\"Export\""));
        Add("expert: capacity as a string", "POST", "/api/admin/experts", Sender.Admin, Json, ExpertJson("\"maxActiveAssignments\":\"2\""));
        Add("expert: capacity of a billion", "POST", "/api/admin/experts", Sender.Admin, Json, ExpertJson("\"maxActiveAssignments\":1000000000"));
        Add("expert: email without a domain", "POST", "/api/admin/experts", Sender.Admin, Json, ExpertJson("\"email\":\"a@b\""));
        Add("expert: unknown field of work", "POST", "/api/admin/experts", Sender.Admin, Json, ExpertJson("\"fields\":[\"<script>\"]"));
        Add("reviewer: 501 conflicts", "POST", "/api/admin/reviewers", Sender.Admin, Json,
            $"{{\"name\":\"검토\",\"email\":\"r-{Guid.NewGuid():N}@example.org\",\"role\":\"Reviewer\",\"conflictBusinessRegistrationNumbers\":[{string.Join(",", Enumerable.Repeat("\"124-81-00998\"", 501))}]}}");
        Add("reviewer: key twice", "POST", "/api/admin/reviewers", Sender.Admin, Json, $"{{\"name\":\"a\",\"name\":\"b\",\"email\":\"r-{Guid.NewGuid():N}@example.org\",\"role\":\"Reviewer\"}}");
        Add("reviewer: unknown role", "POST", "/api/admin/reviewers", Sender.Admin, Json, $"{{\"name\":\"a\",\"email\":\"r-{Guid.NewGuid():N}@example.org\",\"role\":\"Root\"}}");
        Add("reviewer: OData id", "PUT", "/api/admin/reviewers/" + Uri.EscapeDataString("' or 1 eq 1"), Sender.Admin, Json, "{\"name\":\"a\"}");
        Add("expert: traversal id", "DELETE", "/api/admin/experts/..%2Freviewers", Sender.Admin);
        Add("admin key in the query", "GET", "/api/admin/stats?code=" + IntakeHostFixture.AdminKey, Sender.Anonymous);
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task HostileRequest_Is4xxWithProblemDetails_NoStackTrace_AndStoresNothing(
        string name, string method, string path, Sender who, string? contentType, byte[]? body)
    {
        var before = await fixture.StoredStateAsync();
        using var request = Request(method, path, who, contentType, body);

        using var response = await fixture.Host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{name}: {(int)response.StatusCode}");

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode} {text}");
        if (response.StatusCode != HttpStatusCode.RequestHeaderFieldsTooLarge)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.StoredStateAsync());
    }

    HttpRequestMessage Request(string method, string path, Sender who, string? contentType, byte[]? body)
    {
        var query = path.Contains('?', StringComparison.Ordinal) ? path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", fixture.Application.ApplicationId, StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        switch (who)
        {
            case Sender.Firm:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Application.AccessToken);
                break;
            case Sender.Admin:
                request.Headers.Add("x-functions-key", IntakeHostFixture.AdminKey);
                break;
        }

        // Header tricks, named in the query so that the case reads as one line above.
        if (query.StartsWith("key=", StringComparison.Ordinal))
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Uri.UnescapeDataString(query["key=".Length..]));
        }
        else if (query == "header=65536")
        {
            request.Headers.TryAddWithoutValidation("X-Padding", new string('p', 65536));
        }
        else if (query.StartsWith("auth=", StringComparison.Ordinal))
        {
            request.Headers.TryAddWithoutValidation("Authorization", query switch
            {
                "auth=basic" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:admin")),
                "auth=huge" => "Bearer " + new string('t', 8192),
                _ => "Bearer ' OR 1=1 --",
            });
        }

        return request;
    }

    static string ExpertJson(string replacing)
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = "\"name\":\"전문가\"",
            ["email"] = $"\"email\":\"e-{Guid.NewGuid():N}@example.org\"",
            ["organization"] = "\"organization\":\"기관\"",
            ["sector"] = "\"sector\":\"Industry\"",
            ["fields"] = "\"fields\":[\"Export\"]",
            ["yearsOfExperience"] = "\"yearsOfExperience\":10",
            ["maxActiveAssignments"] = "\"maxActiveAssignments\":2",
        };
        var key = replacing[1..replacing.IndexOf('"', 1)];
        fields[key] = replacing;
        return "{" + string.Join(",", fields.Values) + "}";
    }

    static string Multipart(params (string Name, string? FileName, string Content)[] parts)
    {
        var body = new StringBuilder();
        foreach (var (name, fileName, content) in parts)
        {
            body.Append("--x\r\nContent-Disposition: form-data; name=\"").Append(name).Append('"');
            if (fileName is not null)
            {
                body.Append("; filename=\"").Append(fileName).Append("\"\r\nContent-Type: application/octet-stream");
            }

            body.Append("\r\n\r\n").Append(content).Append("\r\n");
        }

        return body.Append("--x--\r\n").ToString();
    }

    /// <summary>A DOCX whose end record points its directory past the end of the file.</summary>
    static byte[] CraftedZipUpload()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document/>");
        }

        var bytes = zip.ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - 22 + 16), 0x7FFF_FFF0);
        var head = Encoding.UTF8.GetBytes(Multipart(("kind", null, "BusinessPlan"))[..^"--x--\r\n".Length]
            + "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        return [.. head, .. bytes, .. "\r\n--x--\r\n"u8];
    }
}
