using System.ComponentModel.DataAnnotations;

namespace Serverless.Workflow.Storage;

/// <summary>
/// Where business state lives: a connection string (Azurite, or a key-based account) or service URIs
/// reached with a managed identity. <see cref="TablePrefix"/> lets tests share one storage account.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>Prepended to every table and container name; letters and digits only.</summary>
    [RegularExpression("^[A-Za-z0-9]{0,20}$", ErrorMessage = "Storage:TablePrefix must be up to 20 letters or digits.")]
    public string TablePrefix { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (TableServiceUri is null || BlobServiceUri is null))
        {
            yield return new ValidationResult(
                "Storage needs either Storage:ConnectionString or both Storage:TableServiceUri and Storage:BlobServiceUri.",
                [nameof(ConnectionString)]);
        }
    }
}
