namespace Omnichannel.Ledger.Catalogue;

/// <summary>A catalogue product.</summary>
/// <param name="Sku">The catalogue SKU, the key every channel line is matched to.</param>
/// <param name="Title">Display title.</param>
/// <param name="Gtin">GTIN, EAN or UPC (8, 12, 13 or 14 digits, check digit verified).</param>
/// <param name="Mpn">Manufacturer part number.</param>
/// <param name="Asin">Amazon identifier.</param>
/// <param name="Brand">Brand.</param>
/// <param name="ReorderPoint">A low-stock alert fires when consolidated available falls below it; none when null.</param>
/// <param name="SafetyStock">Units held back from the consolidated available (never sold).</param>
public sealed record Product(string Sku, string Title, string? Gtin = null, string? Mpn = null, string? Asin = null, string? Brand = null, int? ReorderPoint = null, int SafetyStock = 0);
