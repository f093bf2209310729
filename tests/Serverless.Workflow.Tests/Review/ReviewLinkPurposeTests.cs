using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Review;
using Xunit;

namespace Serverless.Workflow.Tests.Review;

/// <summary>
/// What the review form accepts (docs/api.md: decision=approve|reject|changes with noConflict=true, comment required for
/// reject and changes; decision=conflict is a recusal, not a decision).
/// </summary>
public sealed class ReviewLinkPurposeTests
{
    static readonly ReviewLinkPurpose Purpose = new(null!, null!, null!, null!, TimeProvider.System);

    static (string? Decision, IReadOnlyCollection<string> Errors) Read(string? decision, string? comment, bool noConflict = true)
    {
        var fields = new Dictionary<string, StringValues>();
        if (noConflict)
        {
            fields["noConflict"] = "true";
        }

        if (decision is not null)
        {
            fields["decision"] = decision;
        }

        if (comment is not null)
        {
            fields["comment"] = comment;
        }

        var (read, errors) = Purpose.Read(new FormCollection(fields));
        return (read, errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("approve", null)]
    [InlineData("approve", "좋습니다")]
    [InlineData("reject", "사업성이 부족합니다")]
    [InlineData("changes", "line one\r\nline two\tand a tab")]
    public void Read_AllowedDecision_IsTheDecisionWithItsComment(string decision, string? comment)
    {
        var (read, errors) = Read(decision, comment);

        Assert.Empty(errors);
        var decided = JsonSerializer.Deserialize<ReviewDecided>(read!, Json.Options)!;
        Assert.Equal((decision, comment), (decided.Decision, decided.Comment));
    }

    [Theory]
    [InlineData(null, null, "decision")]
    [InlineData("Approve", null, "decision")]
    [InlineData("approve ", null, "decision")]
    [InlineData("delete", "x", "decision")]
    [InlineData("reject", null, "comment")]
    [InlineData("changes", "   ", "comment")]
    [InlineData("reject", "bell\u0007", "comment")]
    public void Read_OutsideTheAllowedSet_NamesTheField(string? decision, string? comment, string field)
    {
        var (read, errors) = Read(decision, comment);

        Assert.Null(read);
        Assert.Contains(field, errors);
    }

    [Theory]
    [InlineData("approve", null)]
    [InlineData("reject", "사업성이 부족합니다")]
    [InlineData("changes", "보완해 주십시오")]
    public void Read_ADecisionWithoutTheDeclaration_IsRefusedAtNoConflict(string decision, string? comment)
    {
        var (read, errors) = Read(decision, comment, noConflict: false);

        Assert.Null(read);
        Assert.Equal(["noConflict"], errors);
    }

    [Fact]
    public void Conflict_IsARecusal_AndNoOtherDecisionIs()
    {
        Assert.True(Purpose.Recuses(new FormCollection(new Dictionary<string, StringValues> { ["decision"] = "conflict" })));
        Assert.False(Purpose.Recuses(new FormCollection(new Dictionary<string, StringValues> { ["decision"] = "approve", ["noConflict"] = "true" })));
    }

    [Fact]
    public void Read_CommentLongerThanTheLimit_IsRefused()
    {
        Assert.Contains("comment", Read("changes", new string('가', FormFields.MaxTextLength + 1)).Errors);
        Assert.Empty(Read("changes", new string('가', FormFields.MaxTextLength)).Errors);
    }
}
