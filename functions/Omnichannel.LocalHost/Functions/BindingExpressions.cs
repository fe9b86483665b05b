using System.Text.RegularExpressions;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.LocalHost.Functions;

/// <summary>
/// Resolves app-setting binding expressions (<c>%Sync:RetrySchedule%</c>) in trigger attributes from configuration,
/// as the Functions host resolves them from app settings (<c>Sync__RetrySchedule</c>). A setting that is not there
/// stops the start, naming it and the function.
/// </summary>
public static partial class BindingExpressions
{
    public static string Resolve(string value, IConfiguration configuration, LocalFunction function)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(configuration);
        return Setting().Replace(value, m =>
        {
            var name = m.Groups["name"].Value;
            var resolved = configuration[name];
            return string.IsNullOrWhiteSpace(resolved)
                ? throw new SettingException(name.Replace(":", "__", StringComparison.Ordinal), $"is not set; function {function} names it in its trigger.")
                : resolved;
        });
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex Setting();
}
