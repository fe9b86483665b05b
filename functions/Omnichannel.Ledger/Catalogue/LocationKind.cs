namespace Omnichannel.Ledger.Catalogue;

/// <summary>What a location is; channel-fulfilled stock (e.g. Amazon FBA) is only sold through its channel.</summary>
public enum LocationKind
{
    Store,
    Warehouse,
    ChannelFulfilled,
    ThirdPartyLogistics,
    Dropship,
}
