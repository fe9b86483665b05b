using Azure.Data.Tables;
using Omnichannel.Durable.Model;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Durable.Storage;

/// <summary>How an instance maps to table rows: the instance row (RowKey '!') and history rows ('h' + sequence).</summary>
internal static class InstanceRows
{
    public const string InstanceRowKey = "!";
    public const string TagPrefix = "tag_";

    public static string PartitionKey(string instanceId) => TableKeys.Escape(instanceId);

    public static string ChunkKey(int sequence) => $"h{sequence:D8}";

    public static int ChunkSequence(string rowKey) => int.Parse(rowKey.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(InstanceState state)
    {
        var entity = new TableEntity(PartitionKey(state.InstanceId), InstanceRowKey)
        {
            ["Name"] = state.Name,
            ["RuntimeStatus"] = state.Status.ToString(),
            ["ExecutionId"] = state.ExecutionId,
            ["Input"] = state.Input,
            ["Output"] = state.Output,
            ["CustomStatus"] = state.CustomStatus,
            ["CreatedTime"] = state.CreatedTime,
            ["LastUpdatedTime"] = state.LastUpdatedTime,
            ["CompletedTime"] = state.CompletedTime,
            ["Failure"] = DurableJson.Serialize(state.Failure),
            ["Tags"] = state.Tags is { Count: > 0 } ? DurableJson.Serialize(state.Tags) : null,
            ["ParentInstanceId"] = state.ParentInstanceId,
            ["ParentExecutionId"] = state.ParentExecutionId,
            ["ParentTaskId"] = state.ParentTaskId,
            ["NextChunk"] = state.NextChunk,
            ["FirstChunk"] = state.FirstChunk,
        };
        foreach (var (key, value) in state.Tags ?? new Dictionary<string, string>())
        {
            entity[TagProperty(key)] = value;
        }

        return entity;
    }

    public static InstanceState FromEntity(TableEntity row) => new()
    {
        InstanceId = TableKeys.Unescape(row.PartitionKey),
        Name = row.GetString("Name") ?? string.Empty,
        ExecutionId = row.GetString("ExecutionId") ?? string.Empty,
        Status = Enum.TryParse<OrchestrationRuntimeStatus>(row.GetString("RuntimeStatus"), out var status) ? status : OrchestrationRuntimeStatus.Pending,
        Input = row.GetString("Input"),
        Output = row.GetString("Output"),
        CustomStatus = row.GetString("CustomStatus"),
        CreatedTime = row.GetDateTimeOffset("CreatedTime") ?? default,
        LastUpdatedTime = row.GetDateTimeOffset("LastUpdatedTime") ?? default,
        CompletedTime = row.GetDateTimeOffset("CompletedTime"),
        Failure = DurableJson.Deserialize<TaskFailureDetails>(row.GetString("Failure")),
        Tags = DurableJson.Deserialize<Dictionary<string, string>>(row.GetString("Tags")),
        ParentInstanceId = row.GetString("ParentInstanceId"),
        ParentExecutionId = row.GetString("ParentExecutionId"),
        ParentTaskId = row.GetInt32("ParentTaskId"),
        NextChunk = row.GetInt32("NextChunk") ?? 0,
        FirstChunk = row.GetInt32("FirstChunk") ?? 0,
        ETag = row.ETag,
    };

    /// <summary>Tags become their own properties so that queries filter on them server-side.</summary>
    public static string TagProperty(string key) =>
        TagPrefix + new string(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
