using System.Text;
using System.Text.Json;

namespace Omnichannel.Ledger.Import;

/// <summary>
/// Reads a JSON array of objects (or <c>{"items": [...]}</c>) into rows. Each row's line number is the line
/// its object starts on. Nested objects flatten to dotted names; arrays join with ';'.
/// </summary>
public static class JsonRows
{
    public static IReadOnlyList<ImportRow> Parse(string text, out ImportError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var bytes = Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
        var rows = new List<ImportRow>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read())
            {
                error = new ImportError(1, "body", "The body is empty: send a JSON array of objects.");
                return [];
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("items")))
                {
                    reader.Skip();
                }

                reader.Read();
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                error = new ImportError(LineOf(bytes, reader.TokenStartIndex), "body", "Send a JSON array of objects, or an object with an 'items' array.");
                return [];
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = LineOf(bytes, reader.TokenStartIndex);
                using var element = JsonDocument.ParseValue(ref reader);
                if (element.RootElement.ValueKind != JsonValueKind.Object)
                {
                    error = new ImportError(line, "body", "Each item must be a JSON object.");
                    return [];
                }

                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                Flatten(element.RootElement, string.Empty, fields);
                rows.Add(new ImportRow(line, fields));
            }
        }
        catch (JsonException e)
        {
            error = new ImportError((int)(e.LineNumber ?? 0) + 1, "body", $"The body is not valid JSON: {e.Message.Split('.')[0]}.");
            return [];
        }

        return rows;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, name + ".", fields);
                    break;
                case JsonValueKind.Array:
                    fields[name] = string.Join(';', property.Value.EnumerateArray().Select(Scalar));
                    break;
                default:
                    fields[name] = Scalar(property.Value);
                    break;
            }
        }
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static int LineOf(byte[] bytes, long index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            line += bytes[i] == '\n' ? 1 : 0;
        }

        return line;
    }
}
