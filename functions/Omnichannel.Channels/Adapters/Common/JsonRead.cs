using System.Globalization;
using System.Text.Json;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Adapters.Common;

/// <summary>
/// Tolerant readers for channel JSON: ids and prices arrive as strings on some channels and numbers on
/// others. A missing required field is a <see cref="PayloadException"/> naming it (the payload is quarantined).
/// </summary>
internal static class JsonRead
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new PayloadException("The payload is not a JSON object.");
        }

        return document;
    }

    public static string Req(JsonElement e, string name) =>
        Opt(e, name) ?? throw new PayloadException($"Field '{name}' is missing.");

    public static string? Opt(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    public static JsonElement? Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static IEnumerable<JsonElement> Arr(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray()
            : [];

    public static decimal Dec(JsonElement e, string name) =>
        OptDec(e, name) ?? throw new PayloadException($"Field '{name}' is missing.");

    public static decimal? OptDec(JsonElement e, string name) =>
        Opt(e, name) is not { } text ? null
        : decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) ? value
        : throw new PayloadException($"Field '{name}' is not a number.");

    /// <summary>The sum of <paramref name="field"/> over the objects of array <paramref name="array"/> (e.g. Shopify <c>tax_lines[].price</c>); null when the array is absent.</summary>
    public static decimal? SumOf(JsonElement e, string array, string field) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(array, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Sum(x => OptDec(x, field) ?? 0m)
            : null;

    public static int Int(JsonElement e, string name) =>
        int.TryParse(Req(e, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new PayloadException($"Field '{name}' is not a whole number.");

    public static DateTimeOffset Date(JsonElement e, string name) =>
        OptDate(e, name) ?? throw new PayloadException($"Field '{name}' is missing.");

    /// <summary>ISO 8601; a value without offset (WooCommerce <c>*_gmt</c>) is read as UTC.</summary>
    public static DateTimeOffset? OptDate(JsonElement e, string name) =>
        Opt(e, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value
        : throw new PayloadException($"Field '{name}' is not a date.");

    /// <summary>"First Last" from the two fields, or null when both are empty.</summary>
    public static string? Name(JsonElement e, string first = "first_name", string last = "last_name") =>
        $"{Opt(e, first)} {Opt(e, last)}".Trim() is { Length: > 0 } name ? name : null;
}
