
namespace Omnichannel.Channels.Outbound;

/// <summary>Binds an adapter's stock read and batch call to a channel; without a batch call, listings are set one call each.</summary>
internal sealed class ChannelStockClient(
    IChannelClient single,
    IChannelStockReadApi? reads,
    IChannelStockBatchApi? batches,
    Configuration.ChannelAccounts accounts,
    IHttpClientFactory http,
    TimeProvider time) : IChannelStockClient
{
    public string Channel => single.Channel;

    public bool CanReadStock => reads is not null;

    public Task<int?> GetAvailableQuantityAsync(string store, ListingIds listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return reads is null
            ? throw new NotSupportedException($"The {Channel} adapter cannot read stock.")
            : reads.GetAvailableQuantityAsync(Request(store, cancellationToken), listing);
    }

    public int MaxQuantitiesPerCall(string store) => batches is null ? 1 : Math.Max(1, batches.MaxQuantitiesPerCall(Account(store)));

    public async Task<IReadOnlyList<ChannelApiException?>> SetAvailableQuantitiesAsync(string store, IReadOnlyList<ListingQuantity> listings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var results = new List<ChannelApiException?>(listings.Count);
        if (batches is null || listings.Count == 1)
        {
            foreach (var listing in listings)
            {
                results.Add(await TrySetAsync(store, listing, cancellationToken));
            }

            return results;
        }

        var max = MaxQuantitiesPerCall(store);
        foreach (var chunk in listings.Chunk(max))
        {
            try
            {
                var answer = await batches.SetAvailableQuantitiesAsync(Request(store, cancellationToken), chunk);
                results.AddRange(answer.Count == chunk.Length
                    ? answer
                    : chunk.Select(_ => (ChannelApiException?)new ChannelApiException(Channel, "batch", null, $"the channel answered {answer.Count} results for {chunk.Length} listings")));
            }
            catch (ChannelApiException e)
            {
                results.AddRange(chunk.Select(_ => e));
            }
        }

        return results;
    }

    private async Task<ChannelApiException?> TrySetAsync(string store, ListingQuantity listing, CancellationToken cancellationToken)
    {
        try
        {
            await single.SetAvailableQuantityAsync(store, listing, cancellationToken);
            return null;
        }
        catch (ChannelApiException e)
        {
            return e;
        }
    }

    private ChannelRequest Request(string store, CancellationToken cancellationToken) =>
        ChannelRequest.For(Account(store), http, time, cancellationToken);

    private Configuration.ChannelAccount Account(string store) => accounts.Require(Channel, store);
}
