using Omnichannel.Channels.Configuration;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Channels.Adapters.Common;

/// <summary>The account's <c>StockBatchSize</c> setting (listings per batched stock call), bounded by the channel's limit.</summary>
internal static class StockBatchSize
{
    public static int Of(ChannelAccount account, int channelLimit, int? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account["StockBatchSize"] is not { } text ? fallback ?? channelLimit
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= channelLimit ? value
            : throw new SettingException(account.Path("StockBatchSize"), $"must be a whole number from 1 to {channelLimit}.");
    }
}
