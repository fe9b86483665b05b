namespace Omnichannel.Hosting.Health;

/// <summary>Capped exponential back-off of a listener: <see cref="First"/>, doubling, at most <see cref="Max"/>.</summary>
public sealed record Backoff(TimeSpan First, TimeSpan Max)
{
    /// <summary>1 s doubling to 30 s: a listener is back within 30 s of storage returning.</summary>
    public static Backoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>The delay after <paramref name="current"/>.</summary>
    public TimeSpan Next(TimeSpan current) => current * 2 > Max ? Max : current * 2;
}
