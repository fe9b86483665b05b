using Microsoft.Extensions.Options;

namespace Omnichannel.Hosting.Configuration;

/// <summary>
/// How both hosts report a bad setting at start-up: one line naming every failing setting
/// (<c>Configuration error: Orders__AlertsQueue must be ...</c>) instead of a stack trace, then exit code 1.
/// </summary>
public static class StartupFailure
{
    /// <summary>What the line starts with.</summary>
    public const string Prefix = "Configuration error: ";

    /// <summary>
    /// The one line for <paramref name="exception"/> when it is a configuration error: an
    /// <see cref="OptionsValidationException"/> (every failure of its validator), an <see cref="AggregateException"/>
    /// of them (several options classes failed: every failure of each) or a <see cref="SettingException"/>;
    /// null for any other exception.
    /// </summary>
    public static string? ConfigurationError(Exception exception) => exception switch
    {
        OptionsValidationException e => Line(e.Failures),
        AggregateException e when e.InnerExceptions.All(i => i is OptionsValidationException) =>
            Line(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)),
        SettingException e => Prefix + e.Message,
        _ => null,
    };

    private static string Line(IEnumerable<string> failures) => Prefix + string.Join(" ", failures);
}
