using Microsoft.Extensions.Logging;

namespace Omnichannel.Sync;

/// <summary>The sync's log messages, source-generated with stable event ids (6000-6999).</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Debug, "Synced {Sku} at version {Version}: {Pushes} pushes for {Listings} listings")]
    public static partial void SkuSynced(ILogger logger, string sku, long version, int pushes, int listings);

    [LoggerMessage(6001, LogLevel.Debug, "Dropped figure of {Sku} listing {Listing} at version {Version}: version {Recorded} is already recorded")]
    public static partial void StaleFigureDropped(ILogger logger, string sku, string listing, long version, long recorded);

    [LoggerMessage(6002, LogLevel.Warning, "Push to {Channel}/{Account} item {Item} ({Sku}) failed ({Failures} in a row): {Error}")]
    public static partial void PushFailed(ILogger logger, string channel, string account, string item, string sku, int failures, string error);

    [LoggerMessage(6003, LogLevel.Error, "Listing {Channel}/{Account} item {Item} ({Sku}) is failing: {Failures} pushes in a row failed, last: {Error}")]
    public static partial void ListingFailing(ILogger logger, string channel, string account, string item, string sku, int failures, string error);

    [LoggerMessage(6004, LogLevel.Information, "Listing {Channel}/{Account} item {Item} ({Sku}) recovered: pushed {Quantity}")]
    public static partial void ListingRecovered(ILogger logger, string channel, string account, string item, string sku, int quantity);

    [LoggerMessage(6005, LogLevel.Information, "Retry pass re-synced {Skus} SKUs with pending listings")]
    public static partial void RetryPass(ILogger logger, int skus);

    [LoggerMessage(6006, LogLevel.Warning, "Stock-changed message {MessageId} is not a valid StockChanged: {Error}")]
    public static partial void BadMessage(ILogger logger, string messageId, string error);

    [LoggerMessage(6010, LogLevel.Warning, "Drift on {Channel}/{Account} item {Item} ({Sku}): channel shows {Shown}, should show {Expected}; pushing the right figure")]
    public static partial void DriftFound(ILogger logger, string channel, string account, string item, string sku, int shown, int expected);

    [LoggerMessage(6011, LogLevel.Information, "Reconciliation: {Listings} listings checked, {Read} read from their channel, {Drifted} drifted, {Fixed} fixed, {Unreadable} on channels without a stock read")]
    public static partial void Reconciled(ILogger logger, int listings, int read, int drifted, int @fixed, int unreadable);

    [LoggerMessage(6012, LogLevel.Warning, "Reading {Channel}/{Account} item {Item} failed: {Error}")]
    public static partial void ReadFailed(ILogger logger, string channel, string account, string item, string error);

    [LoggerMessage(6020, LogLevel.Information, "Feed {Feed} written: {Items} items, {Rejected} rejected by validation")]
    public static partial void FeedWritten(ILogger logger, string feed, int items, int rejected);

    [LoggerMessage(6021, LogLevel.Warning, "Feed {Feed} left out {Id}: {Problem}")]
    public static partial void FeedItemRejected(ILogger logger, string feed, string id, string problem);
}
