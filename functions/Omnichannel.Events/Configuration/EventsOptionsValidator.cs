using Microsoft.Extensions.Options;

namespace Omnichannel.Events.Configuration;

/// <summary>Validates <see cref="EventsOptions"/> at start-up, naming the setting that is wrong.</summary>
internal sealed class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!Uri.TryCreate(options.Source, UriKind.RelativeOrAbsolute, out _) || string.IsNullOrWhiteSpace(options.Source))
        {
            errors.Add("Events:Source must be a URI reference.");
        }

        if (options.ClaimDuration < TimeSpan.FromSeconds(5) || options.ClaimDuration > TimeSpan.FromHours(1))
        {
            errors.Add("Events:ClaimDuration must be between 5 seconds and 1 hour.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add("Events:RetryBaseDelay must be positive and at most Events:RetryMaxDelay.");
        }

        if (options.PauseAfterFailures is < 1 or > 1000)
        {
            errors.Add("Events:PauseAfterFailures must be between 1 and 1000.");
        }

        foreach (var (subscriber, hook) in options.Webhooks)
        {
            if (hook.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"Events:Webhooks:{subscriber}:Url must be an absolute HTTPS (or HTTP) URL.");
            }

            if (string.IsNullOrEmpty(hook.Secret))
            {
                errors.Add($"Events:Webhooks:{subscriber}:Secret is required.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
