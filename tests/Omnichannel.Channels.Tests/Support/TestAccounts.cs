using Microsoft.Extensions.Configuration;
using Omnichannel.Channels.Configuration;

namespace Omnichannel.Channels.Tests.Support;

/// <summary>Builds <see cref="ChannelAccount"/>s from in-memory settings.</summary>
public static class TestAccounts
{
    public const string Secret = "test-secret-0123456789";

    public static ChannelAccount For(string channel, string store = "main", params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { [$"Channels:{channel}:{store}:Secret"] = Secret };
        foreach (var (key, value) in settings)
        {
            values[$"Channels:{channel}:{store}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ChannelAccounts(configuration).Find(channel, store)!;
    }
}
