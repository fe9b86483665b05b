using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;

namespace Omnichannel.Durable.Http;

/// <summary>Query and purge by filter, with Durable Functions' parameters and continuation header.</summary>
internal static partial class DurableHttpApi
{
    public const string ContinuationHeader = "x-ms-continuation-token";
    private const string TagParameterPrefix = "tag.";

    /// <summary>
    /// <c>runtimeStatus</c> (comma list), <c>createdTimeFrom</c>, <c>createdTimeTo</c>, <c>instanceIdPrefix</c>, <c>namePrefix</c>,
    /// <c>top</c>, <c>showInput</c>, and <c>tag.{name}={value}</c>; the next page's token comes back in
    /// <c>x-ms-continuation-token</c> and is sent the same way.
    /// </summary>
    internal static async Task<Results<Ok<List<InstanceStatusPayload>>, ValidationProblem>> QueryAsync(HttpContext http, DurableClient client, CancellationToken cancellationToken)
    {
        var (query, error) = ParseQuery(http.Request, defaultTop: 100);
        if (error is not null)
        {
            return error;
        }

        var page = await client.QueryInstancesAsync(query!, cancellationToken);
        if (page.ContinuationToken is not null)
        {
            http.Response.Headers[ContinuationHeader] = page.ContinuationToken;
        }

        var showInput = !string.Equals(http.Request.Query["showInput"], "false", StringComparison.OrdinalIgnoreCase);
        return TypedResults.Ok(page.Instances.Select(m => InstanceStatusPayload.From(m, showInput, null)).ToList());
    }

    internal static async Task<Results<Ok<PurgePayload>, NotFound>> PurgeAsync(string instanceId, DurableClient client, CancellationToken cancellationToken) =>
        await client.PurgeInstanceAsync(instanceId, cancellationToken) ? TypedResults.Ok(new PurgePayload(1)) : TypedResults.NotFound();

    /// <summary>Purges by <c>createdTimeFrom</c> (required, as in Durable Functions), <c>createdTimeTo</c> and <c>runtimeStatus</c>.</summary>
    internal static async Task<Results<Ok<PurgePayload>, NotFound, ValidationProblem>> PurgeManyAsync(HttpRequest request, DurableClient client, CancellationToken cancellationToken)
    {
        var (query, error) = ParseQuery(request, defaultTop: 1000);
        if (error is not null)
        {
            return error;
        }

        if (query!.CreatedFrom is null)
        {
            return Invalid("createdTimeFrom", "Purging by filter needs createdTimeFrom.");
        }

        var purged = await client.PurgeInstancesAsync(query, cancellationToken);
        return purged == 0 ? TypedResults.NotFound() : TypedResults.Ok(new PurgePayload(purged));
    }

    private static (InstanceQuery? Query, ValidationProblem? Error) ParseQuery(HttpRequest request, int defaultTop)
    {
        var q = request.Query;
        List<OrchestrationRuntimeStatus>? statuses = null;
        foreach (var text in q["runtimeStatus"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(text, ignoreCase: true, out var status))
            {
                return (null, Invalid("runtimeStatus", $"'{text}' is not a runtime status ({string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())})."));
            }

            (statuses ??= []).Add(status);
        }

        if (!TryDate(q["createdTimeFrom"], out var from))
        {
            return (null, Invalid("createdTimeFrom", "Must be an ISO 8601 date and time."));
        }

        if (!TryDate(q["createdTimeTo"], out var to))
        {
            return (null, Invalid("createdTimeTo", "Must be an ISO 8601 date and time."));
        }

        var top = defaultTop;
        if (q["top"].ToString() is { Length: > 0 } topText && (!int.TryParse(topText, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000))
        {
            return (null, Invalid("top", "Must be a whole number from 1 to 1000."));
        }

        var tags = q.Where(p => p.Key.StartsWith(TagParameterPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key[TagParameterPrefix.Length..], p => p.Value.ToString(), StringComparer.Ordinal);
        var token = request.Headers[ContinuationHeader].ToString();
        return (new InstanceQuery
        {
            Statuses = statuses,
            CreatedFrom = from,
            CreatedTo = to,
            InstanceIdPrefix = q["instanceIdPrefix"].ToString() is { Length: > 0 } prefix ? prefix : null,
            NamePrefix = q["namePrefix"].ToString() is { Length: > 0 } namePrefix ? namePrefix : null,
            Tags = tags.Count > 0 ? tags : null,
            PageSize = top,
            ContinuationToken = token.Length > 0 ? token : null,
        }, null);
    }

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        value = ok ? parsed : null;
        return ok;
    }
}
