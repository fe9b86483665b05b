using System.Globalization;
using Microsoft.Extensions.Configuration;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Channels.Configuration;

/// <summary>
/// One merchant account on one channel: settings section <c>Channels:{channel}:{store}</c>
/// (app settings <c>Channels__{channel}__{store}__*</c>). Secrets live here (Key Vault references in Azure);
/// nothing in this type ever logs a value.
/// </summary>
public sealed class ChannelAccount(string channel, string store, IConfigurationSection section, string adapter)
{
    /// <summary>The store name used when a route has no store segment.</summary>
    public const string DefaultStore = "default";

    public string Channel { get; } = channel;

    public string Store { get; } = store;

    /// <summary>The adapter handling this account: <c>Adapter</c> setting, else the channel name.</summary>
    public string Adapter { get; } = adapter;

    /// <summary>The signing secret / shared secret of the account's webhooks.</summary>
    public string? Secret => this["Secret"];

    /// <summary>The channel API's base URL (tests point it at a local fake server).</summary>
    public Uri BaseUrl => Uri.TryCreate(Required("BaseUrl"), UriKind.Absolute, out var uri)
        ? uri
        : throw new SettingException(Path("BaseUrl"), "must be an absolute URL.");

    public string? this[string key] => section[key] is { Length: > 0 } value ? value : null;

    /// <summary>Full setting name, for error messages.</summary>
    public string Path(string key) => $"Channels:{Channel}:{Store}:{key}";

    public string Required(string key) =>
        this[key] ?? throw new SettingException(Path(key), "is missing.");

    public TimeSpan TimeSpanOr(string key, TimeSpan fallback) =>
        this[key] is not { } text ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value
        : throw new SettingException(Path(key), "must be a positive time span such as 00:05:00.");

    public double DoubleOr(string key, double fallback) =>
        this[key] is not { } text ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new SettingException(Path(key), "must be a positive number.");

    public bool Flag(string key) => bool.TryParse(this[key], out var value) && value;

    public override string ToString() => $"{Channel}/{Store}";
}
