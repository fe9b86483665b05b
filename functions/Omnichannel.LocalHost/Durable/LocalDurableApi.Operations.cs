using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Omnichannel.Hosting.Http;

namespace Omnichannel.LocalHost.Durable;

/// <summary>Operations on one instance: 202 when accepted, 404 when unknown, 410 when its state does not allow it.</summary>
public static partial class LocalDurableApi
{
    internal static async Task<Results<Accepted, StatusCodeHttpResult, ProblemHttpResult>> RaiseEventAsync(
        string instanceId, string eventName, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (data, error) = await ReadJsonAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        return await WhenAsync(instanceId, client, s => !IsTerminal(s), () => client.RaiseEventAsync(instanceId, eventName, data, cancellationToken), cancellationToken);
    }

    internal static Task<Results<Accepted, StatusCodeHttpResult, ProblemHttpResult>> TerminateAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken, string? reason = null) =>
        WhenAsync(instanceId, client, s => !IsTerminal(s), () => client.TerminateInstanceAsync(instanceId, reason, cancellationToken), cancellationToken);

    internal static Task<Results<Accepted, StatusCodeHttpResult, ProblemHttpResult>> SuspendAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken, string? reason = null) =>
        WhenAsync(instanceId, client, s => !IsTerminal(s), () => client.SuspendInstanceAsync(instanceId, reason, cancellationToken), cancellationToken);

    internal static Task<Results<Accepted, StatusCodeHttpResult, ProblemHttpResult>> ResumeAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken, string? reason = null) =>
        WhenAsync(instanceId, client, s => !IsTerminal(s), () => client.ResumeInstanceAsync(instanceId, reason, cancellationToken), cancellationToken);

    internal static Task<Results<Accepted, StatusCodeHttpResult, ProblemHttpResult>> RewindAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken, string? reason = null) =>
        WhenAsync(instanceId, client, s => s == OrchestrationRuntimeStatus.Failed, () => client.RewindInstanceAsync(instanceId, reason ?? "rewound through the HTTP API", cancellationToken), cancellationToken);

    /// <summary>202 with the new run's check-status payload; 409 when restarting a running instance under its own id.</summary>
    internal static async Task<Results<Accepted<CheckStatusPayload>, ProblemHttpResult>> RestartAsync(
        string instanceId, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (Flag(request, "restartWithNewInstanceId", true, out var newId) is { } error)
        {
            return error;
        }

        try
        {
            var id = await client.RestartAsync(instanceId, newId, cancellationToken);
            var payload = CheckStatusPayload.For(BaseUri(request), id);
            return TypedResults.Accepted(payload.StatusQueryGetUri, payload);
        }
        catch (ArgumentException)
        {
            return Problems.NotFound("instance", instanceId);
        }
        catch (InvalidOperationException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    private static bool IsTerminal(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    private static async Task<Results<Accepted, StatusCodeHttpResult, ProblemHttpResult>> WhenAsync(
        string instanceId, DurableTaskClient client, Func<OrchestrationRuntimeStatus, bool> allowed, Func<Task> operation, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (metadata is null)
        {
            return Problems.NotFound("instance", instanceId);
        }

        if (!allowed(metadata.RuntimeStatus))
        {
            return TypedResults.StatusCode(StatusCodes.Status410Gone);
        }

        await operation();
        return TypedResults.Accepted((string?)null);
    }
}
