namespace Omnichannel.Channels.Tests.Support;

/// <summary>Reads a payload fixture copied next to the tests (<c>Adapters/{Channel}/Payloads/{name}</c>).</summary>
public static class Payload
{
    public static byte[] Bytes(string channelFolder, string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Adapters", channelFolder, "Payloads", name));

    public static string Text(string channelFolder, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Adapters", channelFolder, "Payloads", name));
}
