using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Pools;

namespace Serverless.Workflow.Experts;

/// <summary>/api/admin/experts (docs/api.md, Admin: Experts).</summary>
public sealed class ExpertHandlers(ExpertStore experts) : PoolHandlers<ExpertEntity, ExpertRequest, Expert>(experts, Wording)
{
    static readonly PoolWording Wording = new(
        "expert", ApiRoutes.Experts, "An expert with this email is already registered.",
        "The expert holds active assignments; deactivate them instead.");

    protected override (ExpertEntity? Member, ValidationErrors Errors) Validate(ExpertRequest request) => ExpertValidator.Validate(request);

    protected override Expert View(ExpertEntity member) => member.ToExpert();
}
