using Omnichannel.Channels.Model;
using Omnichannel.Durable.Activities;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Flow;

namespace Omnichannel.Orders.Activities;

/// <summary>Matches every line with the ledger's matcher: listing, then GTIN/EAN/UPC, then ASIN, then normalised seller SKU.</summary>
public sealed class MatchOrderLines(ListingMatcher matcher) : TaskActivity<CanonicalOrder, MatchResult>
{
    public const string Name = nameof(MatchOrderLines);

    /// <summary>The item id a listing of this line is saved under: the channel's item id, else its SKU, else the line id.</summary>
    public static string ListingItemId(OrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.ChannelItemId ?? line.ChannelSku ?? line.ChannelLineId;
    }

    public override async Task<MatchResult> RunAsync(TaskActivityContext context, CanonicalOrder input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var matched = new List<MatchedLine>();
        var unmatched = new List<UnmatchedLine>();
        foreach (var line in input.Lines)
        {
            var query = new ChannelLine(input.Channel, input.Store, ListingItemId(line), line.ChannelSku, line.Gtin, line.Asin);
            if (await matcher.MatchAsync(query, context.CancellationToken) is { } match)
            {
                matched.Add(new MatchedLine(line.ChannelLineId, match.Sku, line.Quantity, line.UnitPrice, match.MatchedBy.ToString()));
            }
            else
            {
                unmatched.Add(new UnmatchedLine(line.ChannelLineId, line.ChannelItemId, line.ChannelSku, line.Title));
            }
        }

        return new MatchResult(matched, unmatched);
    }
}
