namespace Omnichannel.Hosting.Health;

/// <summary>A listener's status, as the health report spells it.</summary>
public static class TriggerStatus
{
    /// <summary>Taking work.</summary>
    public const string Running = "running";

    /// <summary>Failed; waiting before it tries again.</summary>
    public const string BackingOff = "backingOff";
}
