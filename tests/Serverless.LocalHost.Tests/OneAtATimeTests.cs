using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The heavy end-to-end tests (crashes, outages, 200 submissions, a hundred terminate races): each drives dozens of
/// applications with timeouts of minutes. Side by side with everything else on two cores they starved each other
/// (seen: 30 s HTTP timeouts), so this collection runs on its own, one class after another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OneAtATimeTests
{
    public const string Name = "One at a time";
}
