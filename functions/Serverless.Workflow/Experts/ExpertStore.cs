using Serverless.Workflow.Pools;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Experts;

/// <summary>The expert pool: the <c>expert</c> partition of the Experts table, before the hold rows (<see cref="ExpertLoads"/>).</summary>
public sealed class ExpertStore(WorkflowStorage storage)
    : PoolStore<ExpertEntity>(storage.Experts, ExpertEntity.Partition, ExpertLoads.RowPrefix);
