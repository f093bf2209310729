using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>All tests here share one Azurite; they run one class at a time, which is all two cores can carry anyway.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
