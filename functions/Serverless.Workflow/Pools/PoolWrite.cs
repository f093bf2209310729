namespace Serverless.Workflow.Pools;

/// <summary>What became of an admin's write to a pool (reviewers, experts).</summary>
public enum PoolWrite
{
    Done,
    NotFound,
    EmailTaken,

    /// <summary>The member holds work (pending reviews, active assignments) and cannot be removed; deactivate them instead.</summary>
    Busy,
}
