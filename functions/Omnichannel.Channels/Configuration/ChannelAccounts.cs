using Microsoft.Extensions.Configuration;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Channels.Configuration;

/// <summary>
/// The configured accounts: every section <c>Channels:{channel}:{store}</c> with settings below it.
/// <c>Channels:{channel}:Adapter</c> (or the store's own <c>Adapter</c>) names the adapter, so a platform
/// without a dedicated adapter (Rakuten, TikTok Shop) is connected with <c>Adapter = generic</c> alone.
/// </summary>
public sealed class ChannelAccounts(IConfiguration configuration)
{
    /// <summary>Sections under <c>Channels</c> that are feature settings, not channels.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Ingestion", "Http", "Polling" };

    public ChannelAccount? Find(string channel, string store)
    {
        if (Reserved.Contains(channel))
        {
            return null;
        }

        var channelSection = configuration.GetSection("Channels").GetSection(channel);
        var section = channelSection.GetSection(store);
        return section.GetChildren().Any() ? Create(channel, store, channelSection, section) : null;
    }

    /// <summary>Whether any store of <paramref name="channel"/> is configured (for metric tags: unknown names are not tags).</summary>
    public bool HasChannel(string channel) =>
        !Reserved.Contains(channel) && configuration.GetSection("Channels").GetSection(channel).GetChildren().Any(s => s.GetChildren().Any());

    /// <summary>The account of a channel's store (names in any case); <see cref="SettingException"/> when it is not configured.</summary>
    public ChannelAccount Require(string channel, string store)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        return Find(channel.ToLowerInvariant(), store.ToLowerInvariant())
            ?? throw new SettingException($"Channels:{channel}:{store}", "is not configured.");
    }

    /// <summary>Every configured account, channel and store names lower case.</summary>
    public IReadOnlyList<ChannelAccount> All() =>
        configuration.GetSection("Channels").GetChildren()
            .Where(c => !Reserved.Contains(c.Key))
            .SelectMany(c => c.GetChildren().Where(s => s.GetChildren().Any()).Select(s => Create(c.Key, s.Key, c, s)))
            .ToList();

    private static ChannelAccount Create(string channel, string store, IConfigurationSection channelSection, IConfigurationSection section) =>
        new(channel.ToLowerInvariant(), store.ToLowerInvariant(), section, (section["Adapter"] ?? channelSection["Adapter"] ?? channel).ToLowerInvariant());
}
