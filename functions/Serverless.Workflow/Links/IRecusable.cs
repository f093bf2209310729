using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Serverless.Workflow.Links;

/// <summary>
/// A purpose whose link's holder may declare a conflict of interest instead of deciding (a reviewer): the step stays
/// open for someone else, and the link is used up. <see cref="LinkHandlers"/> lets either a recusal or a decision of
/// one link stand, never both.
/// </summary>
public interface IRecusable
{
    /// <summary>Whether the posted form declares a conflict.</summary>
    bool Recuses(IFormCollection form);

    /// <summary>
    /// Steps the holder aside: the conflict recorded, and, the first time (<paramref name="first"/>), the step handed on.
    /// A repeat changes nothing more.
    /// </summary>
    Task RecuseAsync(LinkEntity link, bool first, DurableTaskClient durable, CancellationToken cancellationToken);

    /// <summary>What the page says once the recusal is recorded.</summary>
    void DescribeRecusal(LinkPage page);
}
