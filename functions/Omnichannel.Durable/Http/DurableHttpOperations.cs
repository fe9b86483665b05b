using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Dispatch;
using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Http;

/// <summary>Operations on one instance: 202 when accepted, 404 when unknown, 410 when its state does not allow it.</summary>
internal static partial class DurableHttpApi
{
    internal static async Task<Results<Accepted, NotFound, StatusCodeHttpResult, ValidationProblem>> RaiseEventAsync(
        string instanceId, string eventName, HttpRequest request, DurableClient client, CancellationToken cancellationToken)
    {
        var (data, error) = await ReadJsonAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        return await WhenAsync(instanceId, client, s => !s.IsTerminal(), () => client.RaiseEventAsync(instanceId, eventName, data, cancellationToken), cancellationToken);
    }

    internal static Task<Results<Accepted, NotFound, StatusCodeHttpResult, ValidationProblem>> TerminateAsync(string instanceId, DurableClient client, CancellationToken cancellationToken, string? reason = null) =>
        WhenAsync(instanceId, client, s => !s.IsTerminal(), () => client.TerminateInstanceAsync(instanceId, reason, cancellationToken), cancellationToken);

    internal static Task<Results<Accepted, NotFound, StatusCodeHttpResult, ValidationProblem>> SuspendAsync(string instanceId, DurableClient client, CancellationToken cancellationToken, string? reason = null) =>
        WhenAsync(instanceId, client, s => !s.IsTerminal(), () => client.SuspendInstanceAsync(instanceId, reason, cancellationToken), cancellationToken);

    internal static Task<Results<Accepted, NotFound, StatusCodeHttpResult, ValidationProblem>> ResumeAsync(string instanceId, DurableClient client, CancellationToken cancellationToken, string? reason = null) =>
        WhenAsync(instanceId, client, s => !s.IsTerminal(), () => client.ResumeInstanceAsync(instanceId, reason, cancellationToken), cancellationToken);

    internal static Task<Results<Accepted, NotFound, StatusCodeHttpResult, ValidationProblem>> RewindAsync(string instanceId, DurableClient client, CancellationToken cancellationToken, string? reason = null) =>
        WhenAsync(instanceId, client, s => s == OrchestrationRuntimeStatus.Failed, () => client.RewindInstanceAsync(instanceId, reason, cancellationToken), cancellationToken);

    /// <summary>202 with the new run's check-status payload; 409 when restarting a running instance under its own id.</summary>
    internal static async Task<Results<Accepted<CheckStatusPayload>, NotFound, Conflict<string>>> RestartAsync(
        string instanceId, HttpRequest request, DurableClient client, CancellationToken cancellationToken, bool restartWithNewInstanceId = true)
    {
        try
        {
            var id = await client.RestartAsync(instanceId, restartWithNewInstanceId, cancellationToken);
            if (id is null)
            {
                return TypedResults.NotFound();
            }

            var payload = CheckStatusPayload.For(BaseUri(request), id);
            return TypedResults.Accepted(payload.StatusQueryGetUri, payload);
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Conflict(e.Message);
        }
    }

    internal static async Task<Ok<IReadOnlyList<QuarantinedMessage>>> ListQuarantineAsync(DurableClient client, CancellationToken cancellationToken) =>
        TypedResults.Ok(await client.ListQuarantinedAsync(cancellationToken));

    internal static async Task<Results<Accepted, NotFound>> RequeueAsync(string messageId, DurableClient client, CancellationToken cancellationToken) =>
        await client.RequeueQuarantinedAsync(messageId, cancellationToken) ? TypedResults.Accepted((string?)null) : TypedResults.NotFound();

    private static async Task<Results<Accepted, NotFound, StatusCodeHttpResult, ValidationProblem>> WhenAsync(
        string instanceId, DurableClient client, Func<OrchestrationRuntimeStatus, bool> allowed, Func<Task> operation, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (metadata is null)
        {
            return TypedResults.NotFound();
        }

        if (!allowed(metadata.RuntimeStatus))
        {
            return TypedResults.StatusCode(StatusCodes.Status410Gone);
        }

        await operation();
        return TypedResults.Accepted((string?)null);
    }
}
