using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Omnichannel.Hosting.Http;

namespace Omnichannel.LocalHost.Durable;

/// <summary>Query and purge by filter, with Durable Functions' parameters and continuation header.</summary>
public static partial class LocalDurableApi
{
    public const string ContinuationHeader = "x-ms-continuation-token";

    /// <summary>
    /// <c>runtimeStatus</c> (comma list), <c>createdTimeFrom</c>, <c>createdTimeTo</c>, <c>instanceIdPrefix</c>, <c>top</c>,
    /// <c>showInput</c>; the next page's token comes back in <c>x-ms-continuation-token</c> and is sent the same way.
    /// </summary>
    internal static async Task<Results<Ok<List<InstanceStatusPayload>>, ProblemHttpResult>> QueryAsync(HttpContext http, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (query, error) = ParseQuery(http.Request, defaultTop: 100);
        if (error is not null)
        {
            return error;
        }

        if (Flag(http.Request, "showInput", false, out var showInput) is { } flagError)
        {
            return flagError;
        }

        query = query! with { FetchInputsAndOutputs = true };
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken))
        {
            if (page.ContinuationToken is { Length: > 0 } next)
            {
                http.Response.Headers[ContinuationHeader] = next;
            }

            return TypedResults.Ok(page.Values.Select(m => InstanceStatusPayload.From(m, showInput, null)).ToList());
        }

        return TypedResults.Ok(new List<InstanceStatusPayload>());
    }

    internal static async Task<Results<Ok<PurgePayload>, ProblemHttpResult>> PurgeAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
            return result.PurgedInstanceCount == 0 ? Problems.NotFound("instance", instanceId) : TypedResults.Ok(new PurgePayload(result.PurgedInstanceCount));
        }
        catch (InvalidOperationException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    /// <summary>Purges by <c>createdTimeFrom</c> (required, as in Durable Functions), <c>createdTimeTo</c> and <c>runtimeStatus</c>.</summary>
    internal static async Task<Results<Ok<PurgePayload>, ProblemHttpResult>> PurgeManyAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (query, error) = ParseQuery(request, defaultTop: 1000);
        if (error is not null)
        {
            return error;
        }

        if (query!.CreatedFrom is null)
        {
            return Problems.Invalid("createdTimeFrom", "Purging by filter needs createdTimeFrom.");
        }

        var result = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(query.CreatedFrom, query.CreatedTo, query.Statuses), cancellation: cancellationToken);
        return result.PurgedInstanceCount == 0 ? Problems.NotFound("instance matching the filter", null) : TypedResults.Ok(new PurgePayload(result.PurgedInstanceCount));
    }

    private static (OrchestrationQuery? Query, ProblemHttpResult? Error) ParseQuery(HttpRequest request, int defaultTop)
    {
        var q = request.Query;
        List<OrchestrationRuntimeStatus>? statuses = null;
        foreach (var text in q["runtimeStatus"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(text, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return (null, Problems.Invalid("runtimeStatus", $"'{text}' is not a runtime status."));
            }

            (statuses ??= []).Add(status);
        }

        if (!TryDate(q["createdTimeFrom"], out var from))
        {
            return (null, Problems.Invalid("createdTimeFrom", "Must be an ISO 8601 date and time."));
        }

        if (!TryDate(q["createdTimeTo"], out var to))
        {
            return (null, Problems.Invalid("createdTimeTo", "Must be an ISO 8601 date and time."));
        }

        var top = defaultTop;
        if (q["top"].ToString() is { Length: > 0 } topText && (!int.TryParse(topText, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000))
        {
            return (null, Problems.Invalid("top", "Must be a whole number from 1 to 1000."));
        }

        var token = request.Headers[ContinuationHeader].ToString();
        return (new OrchestrationQuery
        {
            Statuses = statuses,
            CreatedFrom = from,
            CreatedTo = to,
            InstanceIdPrefix = q["instanceIdPrefix"].ToString() is { Length: > 0 } prefix ? prefix : null,
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
