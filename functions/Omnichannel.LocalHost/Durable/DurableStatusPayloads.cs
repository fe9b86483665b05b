using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Omnichannel.LocalHost.Durable;

/// <summary>The status body of Durable Functions' HTTP API.</summary>
public sealed record InstanceStatusPayload(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    JsonNode? Input,
    JsonNode? CustomStatus,
    JsonNode? Output,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    TaskFailureDetails? FailureDetails,
    IReadOnlyDictionary<string, string>? Tags,
    JsonNode? HistoryEvents)
{
    internal static InstanceStatusPayload From(OrchestrationMetadata m, bool showInput, JsonNode? history) => new(
        m.Name,
        m.InstanceId,
        m.RuntimeStatus.ToString(),
        showInput ? Parse(m.SerializedInput) : null,
        Parse(m.SerializedCustomStatus),
        m.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? JsonValue.Create(m.FailureDetails?.ErrorMessage) : Parse(m.SerializedOutput),
        m.CreatedAt,
        m.LastUpdatedAt,
        m.FailureDetails,
        m.Tags is { Count: > 0 } tags ? tags : null,
        history);

    private static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}

/// <summary>The management URLs of an instance, as Durable Functions' CreateCheckStatusResponse returns them.</summary>
public sealed record CheckStatusPayload(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string RewindPostUri,
    string PurgeHistoryDeleteUri,
    string RestartPostUri,
    string SuspendPostUri,
    string ResumePostUri)
{
    internal static CheckStatusPayload For(string baseUri, string instanceId)
    {
        var instance = $"{baseUri}{LocalDurableApi.Root}/instances/{Uri.EscapeDataString(instanceId)}";
        return new CheckStatusPayload(
            instanceId,
            instance,
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            instance + "/rewind?reason={text}",
            instance,
            instance + "/restart",
            instance + "/suspend?reason={text}",
            instance + "/resume?reason={text}");
    }
}

/// <summary>Body of a purge answer.</summary>
public sealed record PurgePayload(int InstancesDeleted);
