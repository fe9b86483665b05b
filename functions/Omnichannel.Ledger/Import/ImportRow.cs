using System.Globalization;

namespace Omnichannel.Ledger.Import;

/// <summary>
/// One row of an import file: its line number (where the row starts) and its fields by column name. Names
/// are matched ignoring case, spaces, '-' and '_', so <c>Reorder Point</c>, <c>reorder_point</c> and
/// <c>reorderPoint</c> are one column.
/// </summary>
public sealed class ImportRow(int line, IReadOnlyDictionary<string, string?> fields)
{
    private readonly Dictionary<string, string?> _fields = fields.ToDictionary(f => Normalize(f.Key), f => f.Value, StringComparer.Ordinal);

    public int Line { get; } = line;

    public string? Text(params string[] names) =>
        names.Select(n => _fields.GetValueOrDefault(Normalize(n))).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>An optional whole number; a value that is not one is reported against <paramref name="field"/>.</summary>
    public int? Int(string field, List<ImportError> errors)
    {
        var text = Text(field);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new ImportError(Line, field, $"'{field}' must be a whole number (was '{text}')."));
        return null;
    }

    public bool? Bool(string field, List<ImportError> errors)
    {
        var text = Text(field)?.Trim().ToLowerInvariant();
        switch (text)
        {
            case null:
                return null;
            case "true" or "yes" or "y" or "1":
                return true;
            case "false" or "no" or "n" or "0":
                return false;
            default:
                errors.Add(new ImportError(Line, field, $"'{field}' must be true or false (was '{text}')."));
                return null;
        }
    }

    /// <summary>A list written as <c>a;b</c>, <c>a|b</c> or <c>a,b</c> (JSON arrays arrive joined with ';').</summary>
    public IReadOnlyList<string>? List(string field) =>
        Text(field)?.Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Normalize(string name) =>
        new(name.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_')).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>A refused row: its line in the file, the field at fault, why.</summary>
public sealed record ImportError(int Line, string Field, string Message);

/// <summary>
/// What an import did: rows read, rows applied (written, or already there), of those the stock rows found
/// already imported (<c>Unchanged</c>: same content, nothing changed), and the refused rows.
/// </summary>
public sealed record ImportResult(string Kind, int Rows, int Applied, int Unchanged, IReadOnlyList<ImportError> Errors);
