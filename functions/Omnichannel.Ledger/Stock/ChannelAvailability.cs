namespace Omnichannel.Ledger.Stock;

/// <summary>What one listing may offer now.</summary>
public sealed record ChannelAvailability(string Channel, string Account, string ChannelItemId, string? SellerSku, int AvailableToSell, IReadOnlyList<string> FromLocations);
