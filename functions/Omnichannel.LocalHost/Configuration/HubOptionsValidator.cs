using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.LocalHost.Configuration;

/// <summary>Checks the <c>Hub</c> settings at start-up; each failure names its app setting (<c>Hub__FunctionKey</c>).</summary>
internal sealed class HubOptionsValidator : IValidateOptions<HubOptions>
{
    private const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(HubOptions.Section);
        failures.When(!Uri.TryCreate(options.Urls, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"), nameof(options.Urls), "must be an http(s) URL such as http://127.0.0.1:7071.");
        foreach (var (setting, value) in new[] { (nameof(options.FunctionKey), options.FunctionKey), (nameof(options.AdminKey), options.AdminKey) })
        {
            failures.When(string.IsNullOrWhiteSpace(value) || value.Length < MinimumKeyLength, setting, $"is missing or shorter than {MinimumKeyLength} characters: set it (local.settings.sample.json has a local default).");
        }

        failures.When(!string.IsNullOrEmpty(options.FunctionKey) && options.FunctionKey == options.AdminKey, nameof(options.AdminKey), $"must differ from {SettingNames.AppSetting(HubOptions.Section, nameof(options.FunctionKey))}.");
        return failures.Result();
    }
}
