using Microsoft.AspNetCore.Http;
using Omnichannel.Hosting.Http;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>The one way an operations route writes who sent a command into the order's timeline.</summary>
internal static class AcceptedCommand
{
    /// <summary>
    /// Records the command with its sender (<see cref="Operator.Name"/>) once the hub accepted it (202); any other
    /// answer records nothing. Returns the answer.
    /// </summary>
    public static async Task<IResult> RecordIfAcceptedAsync(this OrderActionStore actions, TimeProvider time, HttpRequest request, string id, string action, string? detail, IResult result, CancellationToken cancellationToken)
    {
        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status202Accepted })
        {
            await actions.RecordAsync(id, new OrderAction(time.GetUtcNow(), action, Operator.Name(request), detail), cancellationToken);
        }

        return result;
    }
}
