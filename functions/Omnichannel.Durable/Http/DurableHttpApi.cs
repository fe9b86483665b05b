using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Registration;
using Omnichannel.Hosting.Declarations;

namespace Omnichannel.Durable.Http;

/// <summary>
/// The management routes of Durable Functions' built-in HTTP API, at the same absolute paths (no /api
/// prefix), admin key only. Start, status, query, events, terminate, suspend, resume, rewind, restart,
/// purge, plus quarantine listing and requeue.
/// </summary>
internal static partial class DurableHttpApi
{
    public const string Root = "/runtime/webhooks/durabletask";
    private const string Instance = Root + "/instances/{instanceId}";

    public static IServiceCollection AddDurableHttpApi(this IServiceCollection services) => services
        .AddHttpFunction("DurableStartOrchestration", Root + "/orchestrators/{functionName}/{instanceId?}", AuthorizationLevel.Admin, StartAsync, "POST")
        .AddHttpFunction("DurableGetStatus", Instance, AuthorizationLevel.Admin, GetStatusAsync, "GET")
        .AddHttpFunction("DurableQueryInstances", Root + "/instances", AuthorizationLevel.Admin, QueryAsync, "GET")
        .AddHttpFunction("DurablePurgeInstance", Instance, AuthorizationLevel.Admin, PurgeAsync, "DELETE")
        .AddHttpFunction("DurablePurgeInstances", Root + "/instances", AuthorizationLevel.Admin, PurgeManyAsync, "DELETE")
        .AddHttpFunction("DurableRaiseEvent", Instance + "/raiseEvent/{eventName}", AuthorizationLevel.Admin, RaiseEventAsync, "POST")
        .AddHttpFunction("DurableTerminate", Instance + "/terminate", AuthorizationLevel.Admin, TerminateAsync, "POST")
        .AddHttpFunction("DurableSuspend", Instance + "/suspend", AuthorizationLevel.Admin, SuspendAsync, "POST")
        .AddHttpFunction("DurableResume", Instance + "/resume", AuthorizationLevel.Admin, ResumeAsync, "POST")
        .AddHttpFunction("DurableRewind", Instance + "/rewind", AuthorizationLevel.Admin, RewindAsync, "POST")
        .AddHttpFunction("DurableRestart", Instance + "/restart", AuthorizationLevel.Admin, RestartAsync, "POST")
        .AddHttpFunction("DurableListQuarantine", Root + "/quarantine", AuthorizationLevel.Admin, ListQuarantineAsync, "GET")
        .AddHttpFunction("DurableRequeue", Root + "/quarantine/{messageId}/requeue", AuthorizationLevel.Admin, RequeueAsync, "POST");

    /// <summary>Starts an instance; the body is its JSON input. 202 with the check-status payload and a Location header.</summary>
    internal static async Task<Results<Accepted<CheckStatusPayload>, ValidationProblem>> StartAsync(
        string functionName, string? instanceId, HttpRequest request, DurableClient client, IServiceProvider services, CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<DurableRegistry>();
        if (!registry.Orchestrators.ContainsKey(functionName))
        {
            return Invalid("functionName", $"No orchestrator named '{functionName}' is registered.");
        }

        var (input, error) = await ReadJsonAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var id = await client.ScheduleNewOrchestrationInstanceAsync(functionName, input, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
        var payload = CheckStatusPayload.For(BaseUri(request), id);
        return TypedResults.Accepted(payload.StatusQueryGetUri, payload);
    }

    /// <summary>200 when completed, failed or terminated (500 for the last two with returnInternalServerErrorOnFailure=true), 202 while in progress, 404 when unknown.</summary>
    internal static async Task<Results<JsonHttpResult<InstanceStatusPayload>, NotFound>> GetStatusAsync(
        string instanceId, DurableClient client, CancellationToken cancellationToken, bool showHistory = false, bool showInput = true, bool returnInternalServerErrorOnFailure = false)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return TypedResults.NotFound();
        }

        var history = showHistory ? await client.GetHistoryAsync(instanceId, cancellationToken) : null;
        var status = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => StatusCodes.Status200OK,
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => returnInternalServerErrorOnFailure ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK,
            _ => StatusCodes.Status202Accepted,
        };
        return TypedResults.Json(InstanceStatusPayload.From(metadata, showInput, history), DurableJson.Options, statusCode: status);
    }

    private static string BaseUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The request body as JSON (null when empty), or a 400 naming the body.</summary>
    private static async Task<(JsonNode? Value, ValidationProblem? Error)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            return (JsonNode.Parse(text), null);
        }
        catch (JsonException e)
        {
            return (null, Invalid("body", $"The body must be JSON: {e.Message}"));
        }
    }
}
