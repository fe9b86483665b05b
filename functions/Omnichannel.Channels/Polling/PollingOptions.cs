namespace Omnichannel.Channels.Polling;

/// <summary>
/// Polling settings, section <c>Channels:Polling</c>. An account is polled when its adapter has a poller and
/// <c>Channels:{channel}:{store}:Poll</c> is true (default true for amazon, ebay, etsy and allegro, which have
/// no usable webhooks; false for the rest, where it is an opt-in safety net).
/// </summary>
public sealed class PollingOptions
{
    public const string Section = "Channels:Polling";

    /// <summary>
    /// Six-field NCRONTAB schedule of the polling timer. Default every 5 minutes (<c>0 */5 * * * *</c>). The timer
    /// reads it as <c>%Channels:Polling:Schedule%</c>, so the app setting <c>Channels__Polling__Schedule</c> must exist
    /// (the template, local.settings.sample.json and the tests' HubFactory give the default).
    /// </summary>
    public string Schedule { get; set; } = "0 */5 * * * *";

    /// <summary>
    /// How far before the cursor each window starts again, so clock skew between us and the channel, or its
    /// late indexing, never loses an order. Default 10 minutes.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Windows end this long before now: changes newer than that may not be searchable yet. Default 1 minute.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back the first poll of an account reads. Default 1 day.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Adapters polled unless an account sets <c>Poll = false</c>.</summary>
    public static readonly IReadOnlySet<string> PolledByDefault = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "amazon", "ebay", "etsy", "allegro" };
}
