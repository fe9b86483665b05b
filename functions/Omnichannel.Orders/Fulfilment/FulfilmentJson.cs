using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Orders.Fulfilment;

/// <summary>
/// The fulfilment webhook's own contract, partner-facing (a warehouse or 3PL verifies the HMAC over these exact
/// bytes): camelCase properties, enums as their names, nulls left out. Fixed here, not borrowed from the hub's
/// convention, so a change to the hub's options cannot change what a 3PL receives; pinned by a golden test.
/// </summary>
public static class FulfilmentJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The request's body, serialized as its runtime type (the request is an anonymous object).</summary>
    public static string Serialize(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JsonSerializer.Serialize(request, request.GetType(), Options);
    }

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
