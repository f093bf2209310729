using Serverless.Workflow.Links;
using Xunit;

namespace Serverless.Workflow.Tests.Links;

public sealed class TokensTests
{
    [Fact]
    public void Hash_IsLowercaseHexSha256OfTheToken() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.Hash("abc"));

    [Fact]
    public void New_Is256RandomBitsInBase64Url_NeverTheSameTwice()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => Tokens.New()).ToList();

        Assert.All(tokens, t => Assert.True(Tokens.IsWellFormed(t), t));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("ShMW80XBUdr_qqbfQ5NIUmpOWxpMrDjZjrg0Lgxxog")] // one character short
    [InlineData("ShMW80XBUdr_qqbfQ5NIUmpOWxpMrDjZjrg0Lgxxog=")] // padding is not base64url
    [InlineData("ShMW80XBUdr/qqbfQ5NIUmpOWxpMrDjZjrg0Lgxxogo")] // '/' is not base64url
    public void IsWellFormed_RejectsAnythingThatCannotBeOurToken(string? token) =>
        Assert.False(Tokens.IsWellFormed(token));
}
