using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Omnichannel.Orders.Http;

/// <summary>Reads an optional JSON body: the value (null for an empty body), or a 400 problem for malformed JSON.</summary>
internal static class RequestBody
{
    public static async Task<(T? Value, IResult? Malformed)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0)
        {
            return (null, null);
        }

        try
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? (null, null) : (JsonSerializer.Deserialize<T>(text, OrderJson.Options), null);
        }
        catch (JsonException e)
        {
            return (null, TypedResults.Problem($"The body is not valid JSON: {e.Message}", statusCode: StatusCodes.Status400BadRequest, title: "Bad request"));
        }
    }
}
