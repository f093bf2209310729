using Serverless.Testing;
using Serverless.Workflow.Applications;
using Xunit;

namespace Serverless.Workflow.Tests.Applications;

public sealed class BusinessRegistrationNumberTests
{
    /// <summary>The programme's test vectors, kept beside this test (brn-vectors.txt): "valid|invalid number" per line.</summary>
    public static TheoryData<string, bool> SharedVectors()
    {
        var data = new TheoryData<string, bool>();
        var file = Path.Combine(RepoPaths.Root, "tests", "Serverless.Workflow.Tests", "Applications", "brn-vectors.txt");
        foreach (var line in File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', 2);
            data.Add(parts[1], parts[0] == "valid");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SharedVectors))]
    public void Normalize_SharedVectors_AcceptsExactlyTheValidOnes(string number, bool valid) =>
        Assert.Equal(valid, BusinessRegistrationNumber.Normalize(number) is not null);

    [Theory]
    [InlineData("1248100998", "124-81-00998")]
    [InlineData("124-81-00998", "124-81-00998")]
    [InlineData("130-47-17700", "130-47-17700")] // check digit 0
    public void Normalize_Valid_WritesTheStandardForm(string input, string expected) =>
        Assert.Equal(expected, BusinessRegistrationNumber.Normalize(input));

    [Theory]
    [InlineData("124-8100998")]   // hyphens only partly
    [InlineData("12-481-00998")]  // hyphens in the wrong places
    [InlineData("124 81 00998")]
    [InlineData("１２４８１００９９８")] // full-width digits are not ASCII digits
    [InlineData("")]
    public void Normalize_NotTenDigitsInTheStandardLayout_IsRejected(string input) =>
        Assert.Null(BusinessRegistrationNumber.Normalize(input));

    [Theory]
    [InlineData("101-81-00020")] // 1+0+7+8+3+0+0+0+10 = 29, + ⌊10/10⌋ = 30: (10 − 0) mod 10 = 0
    [InlineData("130-47-17700")] // 1+9+0+4+21+7+7+21+0 = 70: (10 − 0) mod 10 = 0
    public void CheckDigit_Zero_IsValid_ThanksToTheOuterMod(string number)
    {
        Assert.NotNull(BusinessRegistrationNumber.Normalize(number));
        Assert.Null(BusinessRegistrationNumber.Normalize(number[..^1] + "1"));
    }

    [Fact]
    public void CheckDigit_WorkedExampleOfTheDomainReadme()
    {
        // 124-81-00998: products 1,6,28,8,3,0,0,27,45 = 118; + ⌊45/10⌋ = 122; (10 − 2) mod 10 = 8.
        Assert.True(BusinessRegistrationNumber.HasValidCheckDigit("1248100998"));
        Assert.False(BusinessRegistrationNumber.HasValidCheckDigit("1248100997"));
    }
}
