using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Omnichannel.Hosting.Http;

/// <summary>
/// Reads an HTTP function's JSON body with the app's JSON options, as minimal APIs bound it before: no body is
/// null, a body that is not JSON content is 415, malformed JSON or wrong types are 400, each as problem+json.
/// </summary>
public static class HttpBody
{
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
            return new(null, TypedResults.Problem(
                $"The request body is not valid JSON for {typeof(T).Name}{where}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request"));
        }
    }
}

/// <summary>A body read: the value (null when there was none) or the problem to answer with.</summary>
public readonly record struct JsonBody<T>(T? Value, ProblemHttpResult? Problem)
    where T : class;
