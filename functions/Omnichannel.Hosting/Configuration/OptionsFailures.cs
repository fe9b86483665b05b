using Microsoft.Extensions.Options;

namespace Omnichannel.Hosting.Configuration;

/// <summary>
/// The failures of one options validator, each a sentence starting with the setting's app setting name
/// (<c>Orders__AlertsQueue must be ...</c>), all reported at once by <see cref="Result"/>.
/// </summary>
public sealed class OptionsFailures(string section)
{
    private readonly List<string> _failures = [];

    /// <summary>Adds <paramref name="rule"/> (e.g. "must be 1-100 (was 0).") for <paramref name="name"/> of the section.</summary>
    public void Add(string name, string rule) => _failures.Add($"{SettingNames.AppSetting(section, name)} {rule}");

    /// <summary>Adds <paramref name="rule"/> for a setting outside the section, by its configuration path.</summary>
    public void AddPath(string path, string rule) => _failures.Add($"{SettingNames.AppSetting(path)} {rule}");

    /// <summary>Adds <paramref name="problem"/> when it is not null (rule checks that return what is wrong, or null).</summary>
    public void Check(string name, string? problem)
    {
        if (problem is not null)
        {
            Add(name, problem);
        }
    }

    /// <summary>Adds <paramref name="rule"/> when <paramref name="failed"/>.</summary>
    public void When(bool failed, string name, string rule)
    {
        if (failed)
        {
            Add(name, rule);
        }
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public void Range(string name, int value, int min, int max) =>
        When(value < min || value > max, name, $"must be {min}-{max} (was {value}).");

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public void Range(string name, double value, double min, double max) =>
        When(double.IsNaN(value) || value < min || value > max, name, $"must be {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{max.ToString(System.Globalization.CultureInfo.InvariantCulture)} (was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");

    /// <summary>A time span from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public void Range(string name, TimeSpan value, TimeSpan min, TimeSpan max) =>
        When(value < min || value > max, name, $"must be between {min:c} and {max:c} (was {value:c}).");

    /// <summary>A time span above zero.</summary>
    public void Positive(string name, TimeSpan value) =>
        When(value <= TimeSpan.Zero, name, $"must be a positive time span such as 00:05:00 (was {value:c}).");

    /// <summary>An absolute http or https URL.</summary>
    public void HttpUrl(string name, Uri? value) =>
        When(value is not { IsAbsoluteUri: true } || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp), name, "must be an absolute http(s) URL.");

    /// <summary>Success, or every failure added.</summary>
    public ValidateOptionsResult Result() => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
