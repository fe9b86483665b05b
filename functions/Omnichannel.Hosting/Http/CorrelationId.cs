namespace Omnichannel.Hosting.Http;

/// <summary>
/// The one rule for a caller's <c>x-correlation-id</c>, shared by the worker and the local host: taken as the
/// request's correlation id only when it is short and plain, else the host's own id is used.
/// </summary>
public static class CorrelationId
{
    public const string Header = "x-correlation-id";

    /// <summary>1-64 ASCII letters, digits, '-', '_' or '.'.</summary>
    public static bool IsSane(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
    }
}
