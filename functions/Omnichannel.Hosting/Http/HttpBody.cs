using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Omnichannel.Hosting.Http;

// TEMPORARY copy until foundation's "Local host serves [Function] methods" lands; deleted at the merge.

/// <summary>A JSON body read: the value (null for an empty body) or a 400 problem.</summary>
public readonly record struct HttpBodyRead<T>(T? Value, ProblemHttpResult? Problem);

/// <summary>Reads JSON request bodies as minimal APIs did.</summary>
public static class HttpBody
{
    public static async Task<HttpBodyRead<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.HttpContext.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
            ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return new(default, null);
        }

        try
        {
            return new(JsonSerializer.Deserialize<T>(buffer.ToArray(), options), null);
        }
        catch (JsonException e)
        {
            return new(default, TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad request"));
        }
    }
}
