using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Functions.Tests.Configuration;

public sealed class OptionsFailuresTests
{
    [Fact]
    public void Result_EveryRuleKept_Success()
    {
        var failures = new OptionsFailures("Orders");
        failures.Check("AlertsQueue", null);
        failures.When(false, "AlertsQueue", "must be a queue name.");
        failures.Range("ReportAttempts", 100, 1, 100);
        failures.Range("Share", 0.5, 0, 1);
        failures.Range("ClaimTimeout", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        failures.Positive("ShipmentSla", TimeSpan.FromSeconds(1));
        failures.HttpUrl("Url", new Uri("http://localhost:7071/"));

        Assert.True(failures.Result().Succeeded);
    }

    [Fact]
    public void Result_EveryRuleBroken_EveryFailureNamingItsAppSetting()
    {
        var failures = new OptionsFailures("Channels:Ingestion");
        failures.Add("DeliveryQueue", "must be a queue name.");
        failures.AddPath("AzureWebJobsStorage", "must be set.");
        failures.Check("DeadLetterQueue", "must be a queue name.");
        failures.When(true, "Poll", "must be true or false.");
        failures.Range("PageSize", 0, 1, 250);
        failures.Range("Share", double.NaN, 0, 1);
        failures.Range("MaxAge", TimeSpan.FromDays(2), TimeSpan.Zero, TimeSpan.FromDays(1));
        failures.Positive("Interval", TimeSpan.Zero);
        failures.HttpUrl("BaseUrl", new Uri("ftp://example.test/"));

        var result = failures.Result();

        Assert.Equal(
            [
                "Channels__Ingestion__DeliveryQueue must be a queue name.",
                "AzureWebJobsStorage must be set.",
                "Channels__Ingestion__DeadLetterQueue must be a queue name.",
                "Channels__Ingestion__Poll must be true or false.",
                "Channels__Ingestion__PageSize must be 1-250 (was 0).",
                "Channels__Ingestion__Share must be 0-1 (was NaN).",
                "Channels__Ingestion__MaxAge must be between 00:00:00 and 1.00:00:00 (was 2.00:00:00).",
                "Channels__Ingestion__Interval must be a positive time span such as 00:05:00 (was 00:00:00).",
                "Channels__Ingestion__BaseUrl must be an absolute http(s) URL.",
            ],
            result.Failures);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/relative")]
    [InlineData("ftp://example.test/")]
    public void HttpUrl_NotAnAbsoluteHttpUrl_Fails(string? url)
    {
        var failures = new OptionsFailures("Events");
        failures.HttpUrl("Webhooks:erp:Url", url is null ? null : new Uri(url, UriKind.RelativeOrAbsolute));

        Assert.Equal(["Events__Webhooks__erp__Url must be an absolute http(s) URL."], failures.Result().Failures);
    }
}
