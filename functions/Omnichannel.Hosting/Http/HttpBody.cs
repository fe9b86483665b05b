using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Omnichannel.Hosting.Http;

/// <summary>
/// Reads an HTTP function's JSON body with the app's JSON options, as minimal APIs bound it before: no body is
/// null, a body that is not JSON content is 415, malformed JSON or wrong types are a
/// <see cref="Problems.Invalid(string, string)"/> 400 under <c>errors.body</c>, each as problem+json.
/// </summary>
public static class HttpBody
{
    /// <summary>The <c>errors</c> key of a body that cannot be read at all.</summary>
    public const string BodyField = "body";

    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return default;
        }

        if (!request.HasJsonContentType())
        {
            return new(null, TypedResults.Problem(
                "The request body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        try
        {
            return new(await request.ReadFromJsonAsync<T>(cancellationToken), null);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
            return new(null, Problems.Invalid(BodyField, $"The request body is not valid JSON for {typeof(T).Name}{where}."));
        }
    }
}

/// <summary>A body read: the value (null when there was none) or the problem to answer with.</summary>
public readonly record struct JsonBody<T>(T? Value, ProblemHttpResult? Problem)
    where T : class;
