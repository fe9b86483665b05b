namespace Omnichannel.Ledger.Catalogue;

/// <summary>How much of the stock one listing offers.</summary>
/// <param name="BufferUnits">Units held back from this listing.</param>
/// <param name="SharePercent">Share (0-100) of the eligible stock offered, rounded down.</param>
/// <param name="AllowedLocations">Locations it may sell from; empty means every location that ships online
/// (channel-fulfilled locations only for their own channel).</param>
public sealed record StockRule(int BufferUnits = 0, int SharePercent = 100, IReadOnlyList<string>? AllowedLocations = null);
