using System.ComponentModel.DataAnnotations;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Orchestration;

public sealed class OptionsTests
{
    [Fact]
    public void Storage_WithNeitherConnectionStringNorServiceUris_IsInvalid()
    {
        var errors = Validate(new StorageOptions { TableServiceUri = new Uri("https://account.table.core.windows.net") });

        Assert.Contains(errors, e => e.Contains("Storage:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_WithServiceUrisOnly_IsValid() =>
        Assert.Empty(Validate(new StorageOptions
        {
            TableServiceUri = new Uri("https://account.table.core.windows.net"),
            BlobServiceUri = new Uri("https://account.blob.core.windows.net"),
        }));

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("hub-name")]
    public void Durable_TaskHubThatAzureStorageRejects_IsInvalid(string taskHub) =>
        Assert.NotEmpty(Validate(new DurableOptions { TaskHub = taskHub }));

    [Fact]
    public void Workflow_Defaults_AreTheDeadlinesOfTheWorkflow()
    {
        var options = new WorkflowOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(TimeSpan.FromDays(14), options.DocumentsDeadline);
    }

    [Fact]
    public void Workflow_ZeroDeadline_IsInvalid() =>
        Assert.NotEmpty(Validate(new WorkflowOptions { DocumentsDeadline = TimeSpan.Zero }));

    static List<string> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
