using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Links;

/// <summary>What an emailed link lets its holder do (docs/api.md, Emailed links).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LinkPurpose>))]
public enum LinkPurpose
{
    Review,
    AssignmentOffer,
    EngagementReport,
    Feedback,
}

/// <summary>
/// A row of the Links table, keyed by the token's SHA-256; the token itself is never stored. The row is the truth
/// about the link: once <see cref="UsedAt"/> or <see cref="RevokedAt"/> is set it opens nothing.
/// </summary>
public sealed class LinkEntity : ITableEntity
{
    public const string Row = "link";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary><see cref="LinkPurpose"/> of an emailed link, or one of the firm's credentials (<see cref="FirmAccess"/>).</summary>
    public string Purpose { get; set; } = "";

    public string ApplicationId { get; set; } = "";

    /// <summary>Who the link was mailed to: a reviewer or expert id, or <c>firm</c>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The recipient's language, which the link's pages use.</summary>
    public string Language { get; set; } = "ko";

    /// <summary>The review round (or other step's round) the link belongs to.</summary>
    public int Round { get; set; }

    /// <summary>The plan task the link is about, for experts' links; empty otherwise.</summary>
    public string TaskId { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The step the link decides: links of one step compete, and the first decision wins.</summary>
    [IgnoreDataMember]
    public string Step => $"{Purpose}:{Round}:{TaskId}";

    public bool IsLive(DateTimeOffset now) => UsedAt is null && RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
