using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Xunit;

namespace Serverless.Workflow.Tests.Calls;

/// <summary>The rules that depend on where a call stands: opened calls keep their opening, only open calls close now.</summary>
public sealed class CallValidatorTests
{
    static readonly DateTimeOffset Now = new(2027, 3, 15, 3, 0, 0, TimeSpan.Zero);
    static readonly IntakeOptions Intake = new();

    static CallRequest Request(DateTimeOffset opensAt, DateTimeOffset closesAt, bool? closeNow = null) =>
        new("growth-stage", new CallTitle("2027년 공고", "2027 call"), opensAt, closesAt, 100_000_000, null, null, closeNow);

    static CallEntity Stored(DateTimeOffset opensAt, DateTimeOffset closesAt) => new()
    {
        RowKey = ApplicationIds.New(), Programme = "growth-stage", OpensAt = opensAt, ClosesAt = closesAt, BudgetKrw = 100_000_000,
    };

    [Fact]
    public void ANewCall_IsKeptInUtc()
    {
        var opens = new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

        var (call, errors) = CallValidator.Validate(Request(opens, opens.AddDays(30)), null, taken: 0, Intake, Now);

        Assert.False(errors.Any);
        Assert.Equal((TimeSpan.Zero, opens), (call!.OpensAt.Offset, call.OpensAt));
    }

    [Fact]
    public void AnOpenCall_KeepsItsOpening_AndClosesNowWhenAsked()
    {
        var stored = Stored(Now.AddDays(-3), Now.AddDays(10));

        var (_, moved) = CallValidator.Validate(Request(Now.AddDays(-1), Now.AddDays(10)), Stored(Now.AddDays(-3), Now.AddDays(10)), taken: 0, Intake, Now);
        var (closed, errors) = CallValidator.Validate(Request(stored.OpensAt, stored.ClosesAt, closeNow: true), stored, taken: 0, Intake, Now);

        Assert.Equal(["opensAt"], moved.ToDictionary().Keys);
        Assert.False(errors.Any);
        Assert.Equal((Now, true), (closed!.ClosesAt, closed.ClosedEarly));
    }

    [Fact]
    public void OnlyAnOpenCall_ClosesNow()
    {
        var upcoming = Stored(Now.AddDays(3), Now.AddDays(10));

        var (call, errors) = CallValidator.Validate(Request(upcoming.OpensAt, upcoming.ClosesAt, closeNow: true), upcoming, taken: 0, Intake, Now);

        Assert.Null(call);
        Assert.Equal(["closeNow"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void AClosedCall_KeepsItsClosing_ButItsBudgetMayChange()
    {
        var ended = Stored(Now.AddDays(-30), Now.AddDays(-1));

        var (_, moved) = CallValidator.Validate(Request(ended.OpensAt, Now.AddDays(5)), Stored(ended.OpensAt, ended.ClosesAt), taken: 0, Intake, Now);
        var (call, errors) = CallValidator.Validate(Request(ended.OpensAt, ended.ClosesAt) with { BudgetKrw = 150_000_000 }, ended, taken: 0, Intake, Now);

        Assert.Equal(["closesAt"], moved.ToDictionary().Keys);
        Assert.False(errors.Any);
        Assert.Equal(150_000_000, call!.BudgetKrw);
    }
}
