namespace Omnichannel.Sync.Feeds;

/// <summary>One row of a Google Merchant Center local inventory feed (attribute names as Google documents them).</summary>
/// <param name="StoreCode"><c>store_code</c>: the store id in the Business Profile (at most 64 characters).</param>
/// <param name="Id"><c>id</c>: the product id used in the product feed (at most 50 characters).</param>
/// <param name="Quantity"><c>quantity</c>: units at that store, 0 or more.</param>
/// <param name="Availability"><c>availability</c>: <c>in_stock</c>, <c>limited_availability</c> or <c>out_of_stock</c>.</param>
/// <param name="Price"><c>price</c>: number and ISO 4217 currency, e.g. <c>15.00 USD</c>.</param>
public sealed record LocalInventoryRow(string StoreCode, string Id, int Quantity, string Availability, string Price);

/// <summary>One row of the price-comparison CSV feed.</summary>
public sealed record PriceComparisonRow(string Id, string Title, string? Brand, string? Gtin, string? Mpn, string Price, string Currency, string Availability, int Quantity, string? Link);

/// <summary>A row refused by validation, with the field and the reason; it is not written.</summary>
public sealed record FeedProblem(string Id, string Field, string Problem);

/// <summary>What a feed generation wrote.</summary>
/// <param name="Name">Feed name.</param>
/// <param name="Kind">Feed format.</param>
/// <param name="GeneratedAt">When it was generated (also the blob's <c>generatedat</c> metadata).</param>
/// <param name="Items">Rows written.</param>
/// <param name="Skus">Distinct SKUs written.</param>
/// <param name="Rejected">Rows refused by validation.</param>
/// <param name="SkippedWithoutPrice">Catalogue SKUs without a feed price (not sellable through feeds).</param>
/// <param name="Blob">Blob name of the latest feed.</param>
public sealed record FeedResult(string Name, Configuration.FeedKind Kind, DateTimeOffset GeneratedAt, int Items, int Skus, IReadOnlyList<FeedProblem> Rejected, IReadOnlyList<string> SkippedWithoutPrice, string Blob);
