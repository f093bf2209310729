using Serverless.Testing;
using Xunit;

namespace Serverless.Workflow.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
