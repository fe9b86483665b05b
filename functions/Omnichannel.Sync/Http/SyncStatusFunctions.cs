using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Http;
using Omnichannel.Sync.Configuration;
using Omnichannel.Sync.State;

namespace Omnichannel.Sync.Http;

/// <summary><c>GET /api/sync/status</c>: per channel and listing, the last pushed figure, when, what is pending and the last error.</summary>
public sealed class SyncStatusFunctions(SyncStateStore store, IOptions<SyncOptions> options)
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 5000;

    [Function("SyncStatusGet")]
    public async Task<Results<Ok<SyncStatus>, ProblemHttpResult>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sync/status")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpQuery.TryBool(request, "failing", out var failing, out var badFailing))
        {
            return badFailing!;
        }

        if (!HttpQuery.TryInt(request, "limit", out var limit, out var badLimit))
        {
            return badLimit!;
        }

        var channel = HttpQuery.String(request, "channel");
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            return Problems.Invalid("limit", $"'limit' must be 1-{MaxLimit}.");
        }

        var failingAfter = options.Value.FailingAfter;
        var states = await store.ListAsync(channel?.Trim().ToLowerInvariant(), take + 1, cancellationToken);
        var listings = states.Take(take)
            .Select(s => new ListingStatus(s.Account, s.ChannelItemId, s.Sku, s.Pushed, s.PushedAt, s.Pending, s.LastError, s.LastErrorAt, s.Failures, s.Failures >= failingAfter, s.ClaimId is not null, s.Drifts, s.LastDriftAt, s.LastDriftShown) { Channel = s.Channel })
            .Where(l => failing != true || l.Failing)
            .ToList();
        var channels = listings.GroupBy(l => l.Channel, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChannelStatus(g.Key, g.Count(), g.Count(l => l.Pending is not null), g.Count(l => l.Failing), g.OrderBy(l => l.Sku, StringComparer.Ordinal).ToList()))
            .ToList();
        return TypedResults.Ok(new SyncStatus(channels, states.Count > take));
    }
}

/// <summary>The sync status; <see cref="Truncated"/> says more listings exist than the limit.</summary>
public sealed record SyncStatus(IReadOnlyList<ChannelStatus> Channels, bool Truncated);

/// <summary>One channel: how many listings, how many pending, how many failing (reported to operations).</summary>
public sealed record ChannelStatus(string Channel, int Listings, int Pending, int Failing, IReadOnlyList<ListingStatus> Items);

/// <summary>One listing's sync state.</summary>
public sealed record ListingStatus(
    string Account,
    string ChannelItemId,
    string Sku,
    int? LastPushed,
    DateTimeOffset? LastPushedAt,
    int? Pending,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures,
    bool Failing,
    bool PushInFlight,
    int Drifts,
    DateTimeOffset? LastDriftAt,
    int? LastDriftShown)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Channel { get; init; } = string.Empty;
}
