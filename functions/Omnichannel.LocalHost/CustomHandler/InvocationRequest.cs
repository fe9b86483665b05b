using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.LocalHost.CustomHandler;

/// <summary>
/// What the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger: <c>Data</c> holds the
/// trigger's binding by its name in function.json, <c>Metadata</c> the trigger metadata
/// (for a queue: <c>Id</c>, <c>DequeueCount</c>, <c>InsertionTime</c>, ...).
/// </summary>
public sealed record InvocationRequest(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] Dictionary<string, JsonElement>? Metadata);

/// <summary>
/// The answer the Functions host expects: <c>Outputs</c> for output bindings (none here), <c>Logs</c>
/// shown in the host's log, <c>ReturnValue</c>.
/// </summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);
