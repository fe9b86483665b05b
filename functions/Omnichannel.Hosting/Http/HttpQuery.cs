using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Omnichannel.Hosting.Http;

// TEMPORARY copy until foundation's "Local host serves [Function] methods" lands; deleted at the merge.

/// <summary>Typed query values as minimal APIs bound them.</summary>
public static class HttpQuery
{
    public static string? String(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Query[name];
        return values.Count == 0 ? null : values.ToString();
    }

    public static bool TryInt32(HttpRequest request, string name, out int? value, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        var text = String(request, name);
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Bad(name, text);
        return false;
    }

    public static bool TryBoolean(HttpRequest request, string name, out bool? value, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        var text = String(request, name);
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (bool.TryParse(text, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Bad(name, text);
        return false;
    }

    private static ProblemHttpResult Bad(string name, string text) =>
        TypedResults.Problem($"Failed to bind parameter \"{name}\" from \"{text}\".", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
