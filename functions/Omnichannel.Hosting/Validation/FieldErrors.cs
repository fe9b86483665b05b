namespace Omnichannel.Hosting.Validation;

/// <summary>Validation errors by field name (camelCase, as in the JSON body), for problem+json 400 and import rows.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Adds an error when <paramref name="value"/> is blank or too long; returns the trimmed value.</summary>
    public string? Required(string field, string? value, int maxLength = 200, bool freeText = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
            return null;
        }

        return Optional(field, value, maxLength, freeText);
    }

    /// <summary>Identifiers refuse every control character; <paramref name="freeText"/> allows line breaks and tabs.</summary>
    public string? Optional(string field, string? value, int maxLength = 200, bool freeText = false)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is not null && (trimmed.Length > maxLength || trimmed.Any(c => char.IsControl(c) && !(freeText && c is '\n' or '\r' or '\t'))))
        {
            Add(field, $"'{field}' must be at most {maxLength} characters without control characters.");
        }

        return trimmed;
    }

    /// <summary>
    /// A required identifier that becomes a storage key (location, product, listing): adds <see cref="SafeId.Rule"/>
    /// when it is blank or breaks the rule; returns the trimmed value.
    /// </summary>
    public string? Id(string field, string? value, int maxLength = SafeId.DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
            return null;
        }

        var trimmed = value.Trim();
        if (!SafeId.IsValid(trimmed, maxLength))
        {
            Add(field, SafeId.Rule(field, maxLength));
        }

        return trimmed;
    }

    public void Range(string field, long? value, long min, long max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"'{field}' must be between {min} and {max}.");
        }
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() => string.Join(" ", _errors.SelectMany(e => e.Value));
}
