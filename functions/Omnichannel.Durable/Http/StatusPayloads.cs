using System.Text.Json.Nodes;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Http;

/// <summary>The status body of Durable Functions' HTTP API.</summary>
public sealed record InstanceStatusPayload(
    string Name,
    string InstanceId,
    OrchestrationRuntimeStatus RuntimeStatus,
    JsonNode? Input,
    JsonNode? CustomStatus,
    JsonNode? Output,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    TaskFailureDetails? FailureDetails,
    IReadOnlyDictionary<string, string>? Tags,
    IReadOnlyList<HistoryEvent>? HistoryEvents)
{
    internal static InstanceStatusPayload From(OrchestrationMetadata m, bool showInput, IReadOnlyList<HistoryEvent>? history) => new(
        m.Name,
        m.InstanceId,
        m.RuntimeStatus,
        showInput ? Parse(m.SerializedInput) : null,
        Parse(m.SerializedCustomStatus),
        m.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? JsonValue.Create(m.FailureDetails?.ErrorMessage) : Parse(m.SerializedOutput),
        m.CreatedAt,
        m.LastUpdatedAt,
        m.FailureDetails,
        m.Tags,
        history);

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
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
        var instance = $"{baseUri}{DurableHttpApi.Root}/instances/{Uri.EscapeDataString(instanceId)}";
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
