using Omnichannel.Channels.Adapters.Generic;

namespace Omnichannel.Channels.Adapters.Pos;

/// <summary>
/// Store POS outbound: the generic signed calls (stock per SKU for the store's shelf display, cancellation
/// acknowledgements). A POS receipt is handed over at the counter, so there is no shipment to report.
/// </summary>
public sealed class PosApi : GenericApi
{
    public override string Adapter => "pos";
}
