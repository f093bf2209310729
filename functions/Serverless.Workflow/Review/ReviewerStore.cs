using Serverless.Workflow.Pools;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Review;

/// <summary>The reviewer pool: the <c>reviewer</c> partition of the Reviewers table, before the review assignments (<see cref="ReviewAssignments"/>).</summary>
public sealed class ReviewerStore(WorkflowStorage storage)
    : PoolStore<ReviewerEntity>(storage.Reviewers, ReviewerEntity.Partition, ReviewAssignments.RowPrefix);
