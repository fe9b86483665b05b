using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// The one JSON convention of the local engine, shared by the shim (worker) and <see cref="LocalDurableTaskClient"/>:
/// System.Text.Json with the isolated worker's default options (property names as declared, read case-insensitively).
/// </summary>
public static class LocalDurableJson
{
    /// <summary>The serializer options of every payload (inputs, outputs, events, custom status).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>A data converter over <see cref="Options"/>.</summary>
    public static DataConverter CreateConverter() => new JsonDataConverter(Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General) { PropertyNameCaseInsensitive = true };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
