namespace Omnichannel.Channels.Model;

/// <summary>What a forwarded order message means for the order flow.</summary>
public enum OrderEventKind
{
    /// <summary>First time the hub sees this channel order id.</summary>
    New,

    /// <summary>An order already received changed (lines, address, status other than cancelled).</summary>
    Update,

    /// <summary>An order already received was cancelled on the channel.</summary>
    Cancellation,

    /// <summary>
    /// A thin notification (Etsy, BigCommerce, Amazon): it names the order but carries no order. The
    /// consumer fetches it through the channel's API.
    /// </summary>
    Reference,
}
