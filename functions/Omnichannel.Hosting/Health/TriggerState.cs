namespace Omnichannel.Hosting.Health;

/// <summary>One listener's state in the health report.</summary>
/// <param name="Name">The function the listener serves (or <c>durable</c> for the durable engine).</param>
/// <param name="Kind"><c>queue</c>, <c>timer</c> or <c>durable</c>.</param>
/// <param name="Status"><c>running</c> or <c>backingOff</c>.</param>
/// <param name="Since">When it entered that status.</param>
/// <param name="LastError">The last failure's type and first line, kept after recovery.</param>
/// <param name="LastErrorAt">When that failure happened.</param>
/// <param name="RetryAt">While backing off, when it tries again.</param>
public sealed record TriggerState(string Name, string Kind, string Status, DateTimeOffset Since, string? LastError, DateTimeOffset? LastErrorAt, DateTimeOffset? RetryAt);
