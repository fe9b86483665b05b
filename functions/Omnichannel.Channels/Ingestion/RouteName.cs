namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// The rule for the <c>{channel}</c> and <c>{store}</c> route values of the webhook routes: 1-64 characters of
/// <c>a-z 0-9 . _ -</c> (after lower-casing), starting with a letter or digit. They name settings sections and
/// become parts of storage keys and blob names; anything else is answered 400 naming the value, before any storage.
/// </summary>
public static class RouteName
{
    public const int MaxLength = 64;

    public const string Rule = "must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit";

    /// <summary>The first route value that breaks the rule, or null when both are fine.</summary>
    public static (string Field, string Rule)? Problem(string channel, string store) =>
        !IsValid(channel) ? ("channel", Rule) : !IsValid(store) ? ("store", Rule) : null;

    public static bool IsValid(string value) =>
        value.Length is > 0 and <= MaxLength
        && char.IsAsciiLetterOrDigit(value[0])
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');
}
