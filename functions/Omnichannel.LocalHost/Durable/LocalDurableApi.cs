using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;
using Omnichannel.LocalHost.Auth;
using Omnichannel.LocalHost.Configuration;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// Durable Functions' HTTP management API on the <see cref="DurableTaskClient"/>, at the real absolute paths
/// (no /api prefix), admin key only. Bad input is a 400 problem naming the field; an unknown instance a 404.
/// </summary>
public static partial class LocalDurableApi
{
    public const string Root = "/runtime/webhooks/durabletask";
    private const string Instance = Root + "/instances/{instanceId}";

    /// <summary>Every status: an instance that exists at all is not replaced by a start without <c>restart=true</c>.</summary>
    private static readonly string[] AnyStatus = Enum.GetNames<OrchestrationRuntimeStatus>();

    /// <summary>Maps the management routes; needs <see cref="DurableTaskClient"/>, <see cref="DurableFunctionCatalog"/> and <see cref="HubOptions"/> in DI.</summary>
    public static IEndpointRouteBuilder MapLocalDurableApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ServiceProvider;
        var group = app.MapGroup(string.Empty).AddEndpointFilter(new FunctionKeyFilter(
            AuthorizationLevel.Admin, services.GetRequiredService<IOptions<HubOptions>>(), services.GetRequiredService<ILogger<FunctionKeyFilter>>()))
            .AddEndpointFilter(CheckInstanceIdAsync);
        group.MapPost(Root + "/orchestrators/{functionName}/{instanceId?}", StartAsync);
        group.MapGet(Instance, GetStatusAsync);
        group.MapGet(Root + "/instances", QueryAsync);
        group.MapDelete(Instance, PurgeAsync);
        group.MapDelete(Root + "/instances", PurgeManyAsync);
        group.MapPost(Instance + "/raiseEvent/{eventName}", RaiseEventAsync);
        group.MapPost(Instance + "/terminate", TerminateAsync);
        group.MapPost(Instance + "/suspend", SuspendAsync);
        group.MapPost(Instance + "/resume", ResumeAsync);
        group.MapPost(Instance + "/rewind", RewindAsync);
        group.MapPost(Instance + "/restart", RestartAsync);
        return app;
    }

    /// <summary>
    /// Starts an instance; the body is its JSON input. 202 with the check-status payload and a Location header.
    /// An instance id that exists in any status (an order's flow, finished or not) is refused with 409, so an order's
    /// history is never replaced by accident; <c>?restart=true</c> replaces an ended (completed, failed, terminated)
    /// instance on purpose, and a pending, running or suspended one is refused even then (terminate it first).
    /// </summary>
    internal static async Task<Results<Accepted<CheckStatusPayload>, ProblemHttpResult>> StartAsync(
        string functionName, string? instanceId, HttpRequest request, DurableTaskClient client, DurableFunctionCatalog catalog, CancellationToken cancellationToken)
    {
        if (!catalog.Orchestrators.TryGetValue(functionName, out var orchestrator))
        {
            return Problems.Invalid("functionName", $"No orchestrator named '{functionName}' is registered.");
        }

        if (Flag(request, "restart", false, out var restart) is { } badRestart)
        {
            return badRestart;
        }

        var (input, error) = await ReadJsonAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var options = new Microsoft.DurableTask.StartOrchestrationOptions(instanceId) { DedupeStatuses = restart ? null : AnyStatus };
            var id = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator.Name, input, options, cancellationToken);
            var payload = CheckStatusPayload.For(BaseUri(request), id);
            return TypedResults.Accepted(payload.StatusQueryGetUri, payload);
        }
        catch (DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    /// <summary>200 when completed, failed or terminated (500 for the last two with returnInternalServerErrorOnFailure=true), 202 while in progress, 404 when unknown.</summary>
    internal static async Task<Results<JsonHttpResult<InstanceStatusPayload>, ProblemHttpResult>> GetStatusAsync(
        string instanceId, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (Flag(request, "showHistory", false, out var showHistory) is { } e1)
        {
            return e1;
        }

        if (Flag(request, "showInput", true, out var showInput) is { } e2)
        {
            return e2;
        }

        if (Flag(request, "returnInternalServerErrorOnFailure", false, out var failAs500) is { } e3)
        {
            return e3;
        }

        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return Problems.NotFound("instance", instanceId);
        }

        JsonNode? history = null;
        if (showHistory && client is LocalDurableTaskClient local && await local.GetHistoryJsonAsync(instanceId, cancellationToken) is { } json)
        {
            history = JsonNode.Parse(json);
        }

        var status = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => StatusCodes.Status200OK,
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => failAs500 ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK,
            _ => StatusCodes.Status202Accepted,
        };
        return TypedResults.Json(InstanceStatusPayload.From(metadata, showInput, history), statusCode: status);
    }

    /// <summary>Every route's <c>{instanceId}</c> keeps <see cref="SafeId"/> (at most <see cref="SafeId.InstanceIdMaxLength"/>), else 400 naming it.</summary>
    private static async ValueTask<object?> CheckInstanceIdAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.RouteValues.TryGetValue("instanceId", out var value) && value is string id && !SafeId.IsValid(id, SafeId.InstanceIdMaxLength))
        {
            return Problems.Invalid("instanceId", SafeId.Rule("instanceId", SafeId.InstanceIdMaxLength));
        }

        return await next(context);
    }

    private static string BaseUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>A true/false query flag (default when absent), or a 400 naming it.</summary>
    private static ProblemHttpResult? Flag(HttpRequest request, string name, bool fallback, out bool value)
    {
        var text = request.Query[name].ToString();
        value = fallback;
        if (text.Length == 0)
        {
            return null;
        }

        return bool.TryParse(text, out value) ? null : Problems.Invalid(name, $"'{text}' is not true or false.");
    }

    /// <summary>The request body as JSON (null when empty), or a 400 naming the body.</summary>
    private static async Task<(JsonNode? Value, ProblemHttpResult? Error)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
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
            return (null, Problems.Invalid("body", $"The body must be JSON: {e.Message}"));
        }
    }
}
