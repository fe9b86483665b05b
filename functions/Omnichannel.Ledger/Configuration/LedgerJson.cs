using System.Text.Json;
using Omnichannel.Hosting.Json;

namespace Omnichannel.Ledger.Configuration;

/// <summary>Stored rows and queue messages of the ledger, in the hub's own convention (<see cref="HubJson.Options"/>). The alert webhook has its own contract (<see cref="Alerts.StockAlertJson"/>).</summary>
internal static class LedgerJson
{
    public static JsonSerializerOptions Options => HubJson.Options;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is empty.");
}
