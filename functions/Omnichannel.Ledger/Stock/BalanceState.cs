namespace Omnichannel.Ledger.Stock;

/// <summary>The stored counters of one (SKU, location) balance row.</summary>
internal sealed record BalanceState(int OnHand = 0, int Reserved = 0, int Incoming = 0, int Unsellable = 0, int InTransit = 0, bool RecountAlerted = false)
{
    public static readonly BalanceState Empty = new();

    public int Available => Math.Max(0, OnHand - Reserved);

    public LocationBalance ToBalance(string location) => new(location, OnHand, Reserved, Incoming, Unsellable, InTransit, Available);
}
