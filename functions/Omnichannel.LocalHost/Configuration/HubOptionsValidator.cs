using Microsoft.Extensions.Options;

namespace Omnichannel.LocalHost.Configuration;

/// <summary>
/// Checks <see cref="HubOptions"/> at start-up. Each failure is one sentence naming the app setting as the
/// user writes it (<c>Hub__FunctionKey</c>), printed as is by the host.
/// </summary>
internal sealed class HubOptionsValidator : IValidateOptions<HubOptions>
{
    private const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Urls, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"Setting '{HubOptions.Section}__{nameof(HubOptions.Urls)}' must be an http(s) URL such as http://127.0.0.1:7071.");
        }

        foreach (var (setting, value) in new[] { (nameof(HubOptions.FunctionKey), options.FunctionKey), (nameof(HubOptions.AdminKey), options.AdminKey) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length < MinimumKeyLength)
            {
                failures.Add($"Setting '{HubOptions.Section}__{setting}' is missing or shorter than {MinimumKeyLength} characters: set it (local.settings.sample.json has a local default).");
            }
        }

        if (!string.IsNullOrEmpty(options.FunctionKey) && options.FunctionKey == options.AdminKey)
        {
            failures.Add($"Settings '{HubOptions.Section}__FunctionKey' and '{HubOptions.Section}__AdminKey' must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
