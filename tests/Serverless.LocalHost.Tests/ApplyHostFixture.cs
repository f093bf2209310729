namespace Serverless.LocalHost.Tests;

/// <summary>A host whose configuration names one mini-cluster more than the defaults, for the apply page to offer.</summary>
public class ApplyHostFixture : IntakeHostFixture
{
    public const string ConfiguredMiniCluster = "남동시험클러스터";

    protected override IEnumerable<(string Key, string Value)> HostSettings => [("Intake:MiniClusters:7", ConfiguredMiniCluster)];
}

/// <summary>The same host allowing one anonymous write a minute, so the next one is refused with 429.</summary>
public sealed class OneWriteApplyHostFixture : ApplyHostFixture
{
    protected override IEnumerable<(string Key, string Value)> HostSettings => [.. base.HostSettings, ("LocalHost:AnonymousWritesPerMinute", "1")];
}
