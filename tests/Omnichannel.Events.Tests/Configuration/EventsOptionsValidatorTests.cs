using System.Globalization;
using Omnichannel.Events.Configuration;

namespace Omnichannel.Events.Tests.Configuration;

public sealed class EventsOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new EventsOptionsValidator().Validate(null, new EventsOptions()).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NoQueue_SucceedsWithTheQueueDestinationOff(string? queue)
    {
        Assert.True(new EventsOptionsValidator().Validate(null, new EventsOptions { Queue = queue }).Succeeded);
    }

    [Fact]
    public void Validate_WebhookWithUrlAndSecret_Succeeds()
    {
        var options = new EventsOptions();
        options.Webhooks["erp"] = new WebhookSubscriberOptions { Url = new Uri("https://erp.example.test/events"), Secret = "s" };

        Assert.True(new EventsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Source", " ", "Events__Source must be a URI reference")]
    [InlineData("Source", "http://[::1", "Events__Source must be a URI reference")]
    [InlineData("OutboxTable", "events-outbox", "Events__OutboxTable must be a table name")]
    [InlineData("HistoryTable", "tables", "Events__HistoryTable must be a table name")]
    [InlineData("DestinationsTable", "1destinations", "Events__DestinationsTable must be a table name")]
    [InlineData("Queue", "Hub-Events", "Events__Queue must be a queue name")]
    [InlineData("ClaimDuration", "00:00:04", "Events__ClaimDuration must be between 00:00:05 and 01:00:00")]
    [InlineData("ClaimDuration", "01:00:01", "Events__ClaimDuration must be between 00:00:05 and 01:00:00")]
    [InlineData("RetryBaseDelay", "00:00:00", "Events__RetryBaseDelay must be positive and at most Events__RetryMaxDelay")]
    [InlineData("RetryBaseDelay", "00:10:01", "Events__RetryBaseDelay must be positive and at most Events__RetryMaxDelay")]
    [InlineData("PauseAfterFailures", "0", "Events__PauseAfterFailures must be 1-1000")]
    [InlineData("PauseAfterFailures", "1001", "Events__PauseAfterFailures must be 1-1000")]
    [InlineData("Webhooks:Url", "/relative", "Events__Webhooks__erp__Url must be an absolute http(s) URL")]
    [InlineData("Webhooks:Url", "ftp://erp.example.test/", "Events__Webhooks__erp__Url must be an absolute http(s) URL")]
    [InlineData("Webhooks:Secret", "", "Events__Webhooks__erp__Secret is required")]
    public void Validate_OneBadSetting_FailsNamingIt(string setting, string value, string expected)
    {
        var options = With(setting, value);

        var result = new EventsOptionsValidator().Validate(null, options);

        Assert.StartsWith(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOne()
    {
        var options = new EventsOptions { HistoryTable = "x", Queue = "q", PauseAfterFailures = 0 };

        var failures = new EventsOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Events__HistoryTable ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Events__Queue ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Events__PauseAfterFailures ", StringComparison.Ordinal));
    }

    /// <summary>The default options with <paramref name="setting"/> set to <paramref name="value"/> (a webhook subscriber <c>erp</c> for <c>Webhooks:*</c>).</summary>
    private static EventsOptions With(string setting, string value)
    {
        var options = new EventsOptions();
        var erp = new WebhookSubscriberOptions { Url = new Uri("https://erp.example.test/events"), Secret = "s" };
        switch (setting)
        {
            case nameof(EventsOptions.Source): options.Source = value; break;
            case nameof(EventsOptions.OutboxTable): options.OutboxTable = value; break;
            case nameof(EventsOptions.HistoryTable): options.HistoryTable = value; break;
            case nameof(EventsOptions.DestinationsTable): options.DestinationsTable = value; break;
            case nameof(EventsOptions.Queue): options.Queue = value; break;
            case nameof(EventsOptions.ClaimDuration): options.ClaimDuration = TimeSpan.Parse(value, CultureInfo.InvariantCulture); break;
            case nameof(EventsOptions.RetryBaseDelay): options.RetryBaseDelay = TimeSpan.Parse(value, CultureInfo.InvariantCulture); break;
            case nameof(EventsOptions.PauseAfterFailures): options.PauseAfterFailures = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "Webhooks:Url": erp.Url = new Uri(value, UriKind.RelativeOrAbsolute); break;
            case "Webhooks:Secret": erp.Secret = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(setting), setting, "No such case.");
        }

        if (setting.StartsWith("Webhooks:", StringComparison.Ordinal))
        {
            options.Webhooks["erp"] = erp;
        }

        return options;
    }
}
