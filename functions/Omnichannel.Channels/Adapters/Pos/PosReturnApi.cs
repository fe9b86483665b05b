using Omnichannel.Channels.Adapters.Generic;

namespace Omnichannel.Channels.Adapters.Pos;

/// <summary>The store POS takes returns of online orders the generic way (<see cref="GenericReturnApi"/>).</summary>
public sealed class PosReturnApi : GenericReturnApi
{
    public override string Adapter => "pos";
}
