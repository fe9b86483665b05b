using Microsoft.Azure.Functions.Worker;
using Omnichannel.Channels.Model;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Flow;

namespace Omnichannel.Orders.Activities;

/// <summary>Matches every line with the ledger's matcher: listing, then GTIN/EAN/UPC, then ASIN, then normalised seller SKU.</summary>
public sealed class MatchOrderLines(ListingMatcher matcher)
{
    public const string Name = nameof(MatchOrderLines);

    /// <summary>The item id a listing of this line is saved under: the channel's item id, else its SKU, else the line id.</summary>
    public static string ListingItemId(OrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.ChannelItemId ?? line.ChannelSku ?? line.ChannelLineId;
    }

    [Function(Name)]
    public Task<MatchResult> RunAsync([ActivityTrigger] CanonicalOrder input, CancellationToken cancellationToken) => MatchAsync(matcher, input, cancellationToken);

    /// <summary>The match of every line; shared with the steps that read the order (receive, re-read after an update), so those need no activity of their own to match.</summary>
    internal static async Task<MatchResult> MatchAsync(ListingMatcher matcher, CanonicalOrder input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var matched = new List<MatchedLine>();
        var unmatched = new List<UnmatchedLine>();
        foreach (var line in input.Lines)
        {
            var query = new ChannelLine(input.Channel, input.Store, ListingItemId(line), line.ChannelSku, line.Gtin, line.Asin);
            if (await matcher.MatchAsync(query, cancellationToken) is { } match)
            {
                matched.Add(new MatchedLine(line.ChannelLineId, match.Sku, line.Quantity, line.UnitPrice, match.MatchedBy.ToString(), input.Currency, OrderMoney.UnitNet(input, line), OrderMoney.UnitTax(line)));
            }
            else
            {
                unmatched.Add(new UnmatchedLine(line.ChannelLineId, line.ChannelItemId, line.ChannelSku, line.Title));
            }
        }

        return new MatchResult(matched, unmatched);
    }
}
