using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Ledger.Alerts;

/// <summary>
/// The alert webhook's own contract, partner-facing (the receiver verifies the signature over these exact bytes;
/// the alerts queue carries the same body): camelCase properties, <see cref="StockAlertKind"/> as its name, nulls
/// left out. Fixed here, not borrowed from the hub's convention, so a change to the hub's options cannot change
/// the webhook's wire format; pinned by a golden test.
/// </summary>
public static class StockAlertJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(StockAlert alert) => JsonSerializer.Serialize(alert, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
