namespace Omnichannel.Channels.Outbound;

/// <summary>The channel refused a call (after retries): status and the channel's message, never credentials.</summary>
public sealed class ChannelApiException(string channel, string operation, int? status, string message, Exception? inner = null)
    : Exception($"{channel} {operation} failed{(status is null ? string.Empty : $" with {status}")}: {message}", inner)
{
    public string Channel { get; } = channel;

    public string Operation { get; } = operation;

    public int? Status { get; } = status;
}
