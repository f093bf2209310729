using Serverless.Workflow.Links;
using Xunit;

namespace Serverless.Workflow.Tests.Links;

public sealed class SecretPathsTests
{
    [Theory]
    [InlineData("/api/links/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE", "/api/links/{token}")]
    [InlineData("https://gs.example.org/api/links/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE?x=1", "https://gs.example.org/api/links/{token}?x=1")]
    [InlineData("GET /api/links/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE/documents/42", "GET /api/links/{token}/documents/42")]
    [InlineData("/api/admin/stats?code=s3cr3t-key&x=1", "/api/admin/stats?code=(redacted)&x=1")]
    [InlineData("/api/applications/7ec93e22af68460696492598503ab462", "/api/applications/7ec93e22af68460696492598503ab462")]
    public void Redact_TakesOutTokensAndKeys_AndLeavesTheRest(string value, string expected) =>
        Assert.Equal(expected, SecretPaths.Redact(value));
}
