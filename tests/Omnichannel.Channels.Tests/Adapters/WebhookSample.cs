namespace Omnichannel.Channels.Tests.Adapters;

/// <summary>
/// How one webhook adapter's sender signs a body: the sample payload, the headers a sender adds for a body and a
/// secret, other headers the payload needs to be read, and whether the signature covers the body (BigCommerce sends
/// a shared secret header instead, so a changed body cannot be detected there).
/// </summary>
public sealed record WebhookSample(
    byte[] Body,
    Func<byte[], string, (string Name, string Value)[]> Sign,
    (string Name, string Value)[] Extra,
    bool SignsBody = true);
