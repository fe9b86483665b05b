using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Omnichannel.Hosting.Http;

/// <summary>
/// Typed query values of an HTTP function. A value that does not parse is a <see cref="Problems.Invalid(string, string)"/> 400 naming the parameter;
/// an absent or empty one is null.
/// </summary>
public static class HttpQuery
{
    public static string? String(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    public static bool TryInt(HttpRequest request, string name, out int? value, out ProblemHttpResult? problem) =>
        TryParse(request, name, "an integer", s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, out value, out problem);

    public static bool TryBool(HttpRequest request, string name, out bool? value, out ProblemHttpResult? problem) =>
        TryParse(request, name, "true or false", s => bool.TryParse(s, out var v) ? v : null, out value, out problem);

    public static bool TryDateTimeOffset(HttpRequest request, string name, out DateTimeOffset? value, out ProblemHttpResult? problem) =>
        TryParse(request, name, "an ISO 8601 date and time", s => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v) ? v : null, out value, out problem);

    private static bool TryParse<T>(HttpRequest request, string name, string expected, Func<string, T?> parse, out T? value, out ProblemHttpResult? problem)
        where T : struct
    {
        value = null;
        problem = null;
        if (String(request, name) is not { } text)
        {
            return true;
        }

        value = parse(text);
        if (value is not null)
        {
            return true;
        }

        problem = Problems.Invalid(name, $"Query parameter '{name}' must be {expected}.");
        return false;
    }
}
