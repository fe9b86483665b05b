using System.Text;

namespace Omnichannel.Ledger.Import;

/// <summary>
/// Reads CSV (RFC 4180: comma separated, double quotes around fields that hold commas, quotes or line
/// breaks, "" for a quote) into rows keyed by the header row. Line numbers count physical lines from 1,
/// so a row's number is the line it starts on, as a spreadsheet shows it. Blank lines are skipped.
/// </summary>
public static class CsvRows
{
    public static IReadOnlyList<ImportRow> Parse(string text, out ImportError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var records = Records(text.TrimStart('\uFEFF'), out var unterminated);
        if (unterminated is { } line)
        {
            error = new ImportError(line, "body", $"A quoted field starting on line {line} is never closed.");
            return [];
        }

        if (records.Count == 0)
        {
            error = new ImportError(1, "body", "The file is empty: the first line must name the columns.");
            return [];
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = new List<ImportRow>();
        foreach (var (lineNumber, fields) in records.Skip(1))
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                values[header[i]] = i < fields.Count ? fields[i] : null;
            }

            rows.Add(new ImportRow(lineNumber, values));
        }

        return rows;
    }

    private static List<(int Line, List<string> Fields)> Records(string text, out int? unterminated)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordStart = 1;
        var quoted = false;
        var quoteStart = 0;
        unterminated = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    quoteStart = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordStart = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            unterminated = quoteStart;
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (fields.Any(f => f.Length > 0))
            {
                records.Add((recordStart, fields));
            }

            fields = [];
        }
    }
}
