using Serverless.Workflow.Applications;
using Xunit;

namespace Serverless.Workflow.Tests.Applications;

public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("ceo@example.com")]
    [InlineData("kim.minsu+growth@namdong-cluster.co.kr")]
    [InlineData("o'brien@example.org")]
    public void IsValid_OrdinaryAddresses(string address) => Assert.True(EmailAddresses.IsValid(address));

    [Theory]
    [InlineData("ceo<script>@example.com")]
    [InlineData("\"ceo\"@example.com")]
    [InlineData("ceo@example")]
    [InlineData("ceo@-example.com")]
    [InlineData("ceo..kim@example.com")]
    [InlineData("ceo@example.com\r\nBcc: all@example.com")]
    [InlineData("Kim <ceo@example.com>")]
    [InlineData("ceo@exa mple.com")]
    [InlineData("ceo@example.com\n")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_RefusesWhatCouldBreakAHeaderOrAPage(string? address) => Assert.False(EmailAddresses.IsValid(address));
}
