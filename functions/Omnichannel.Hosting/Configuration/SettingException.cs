namespace Omnichannel.Hosting.Configuration;

/// <summary>
/// A setting is missing or malformed. The message names the setting and what is expected, and the host
/// prints it as one line and exits non-zero instead of starting half-configured.
/// </summary>
public sealed class SettingException(string setting, string expected, Exception? inner = null)
    : Exception($"Setting '{setting}' {expected}", inner)
{
    public string Setting { get; } = setting;

    /// <summary>What the setting must be, e.g. "must be an absolute URL.".</summary>
    public string Expected { get; } = expected;
}
