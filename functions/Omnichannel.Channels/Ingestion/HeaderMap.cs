using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// HTTP header fields by name. Names compare case-insensitively (RFC 9110 §5.1) whichever way the map was made:
/// from a request, from code, or read back from JSON (an archived payload), so an adapter finds
/// <c>X-WC-Webhook-Topic</c> however HTTP/2, a proxy or a test spelled it. Names that differ only in case are one
/// field, their values joined with ", " (RFC 9110 §5.3). Serialised as a JSON object of name to value, names as
/// they arrived.
/// </summary>
[JsonConverter(typeof(HeaderMapJsonConverter))]
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A map of header fields; 'Dictionary' would suggest a mutable one.")]
public sealed class HeaderMap : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);

    public HeaderMap(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var (name, value) in fields)
        {
            _fields[name] = _fields.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }
    }

    /// <summary>No headers (a polled page, a fetched order).</summary>
    public static HeaderMap Empty { get; } = new([]);

    public int Count => _fields.Count;

    public IEnumerable<string> Keys => _fields.Keys;

    public IEnumerable<string> Values => _fields.Values;

    public string this[string key] => _fields[key];

    /// <summary>The fields of <paramref name="fields"/> as a map; the same instance when it already is one.</summary>
    public static HeaderMap From(IEnumerable<KeyValuePair<string, string>> fields) => fields as HeaderMap ?? new HeaderMap(fields);

    /// <summary>This map without the fields named in <paramref name="names"/> (any case).</summary>
    public HeaderMap Without(IEnumerable<string> names)
    {
        var removed = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        return new HeaderMap(_fields.Where(f => !removed.Contains(f.Key)));
    }

    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _fields.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Reads and writes a <see cref="HeaderMap"/> as a JSON object; a value stored as an array is joined with ", ".</summary>
internal sealed class HeaderMapJsonConverter : JsonConverter<HeaderMap>
{
    public override HeaderMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Headers must be a JSON object.");
        }

        var fields = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            var value = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.StartArray => string.Join(", ", JsonSerializer.Deserialize<string[]>(ref reader, options) ?? []),
                _ => reader.GetString(),
            };
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        return new HeaderMap(fields);
    }

    public override void Write(Utf8JsonWriter writer, HeaderMap value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, field) in value)
        {
            writer.WriteString(name, field);
        }

        writer.WriteEndObject();
    }
}
