using System.Reflection;
using Omnichannel.Channels.Configuration;
using Omnichannel.Events.Configuration;
using Omnichannel.Ledger.Configuration;
using Omnichannel.LocalHost.Durable;
using Omnichannel.Orders.Configuration;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Testing;

/// <summary>
/// Settings that give one test its own storage: a unique name for every table, queue and container setting of
/// every feature (each string property of its options named <c>*Table</c>, <c>*Queue</c> or <c>*Container</c>, so
/// a new one is covered without editing this) and its own durable task hub. Every harness starts from these, so no
/// two tests share a queue by forgetting one.
/// </summary>
public static class TestStorage
{
    /// <summary>The setting of the durable task hub's name.</summary>
    public const string TaskHubSetting = LocalDurableOptions.Section + ":hubName";

    private static readonly (Type Options, string Section)[] Features =
    [
        (typeof(LedgerOptions), LedgerOptions.Section),
        (typeof(ChannelsOptions), ChannelsOptions.Section),
        (typeof(OrdersOptions), OrdersOptions.Section),
        (typeof(SyncOptions), SyncOptions.Section),
        (typeof(EventsOptions), EventsOptions.Section),
    ];

    /// <summary>Every storage name setting, unique to the caller; <paramref name="extra"/> adds or overrides settings.</summary>
    public static Dictionary<string, string?> UniqueNames(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { [TaskHubSetting] = Unique.Name("hub") };
        foreach (var (options, section) in Features)
        {
            foreach (var property in options.GetProperties().Where(IsStorageName))
            {
                settings[$"{section}:{property.Name}"] = Unique.Name(property.Name);
            }
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        return settings;
    }

    private static bool IsStorageName(PropertyInfo property) =>
        property.PropertyType == typeof(string)
        && (property.Name.EndsWith("Table", StringComparison.Ordinal)
            || property.Name.EndsWith("Queue", StringComparison.Ordinal)
            || property.Name.EndsWith("Container", StringComparison.Ordinal));
}
