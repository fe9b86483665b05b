using Omnichannel.Infra.Tests.Bicep;

namespace Omnichannel.Infra.Tests.Posture;

/// <summary>The Service Bus topic the events go to: identity only, duplicate detection, sessions, and the app told where it is.</summary>
[Collection(InfraCollection.Name)]
public sealed class ServiceBusPostureTests(CompiledInfra infra)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Namespace_Deployed_LocalAuthOffTls12Standard(string environment)
    {
        var ns = infra.Snapshot(environment).Single("Microsoft.ServiceBus/namespaces");

        Assert.True((bool)ns["properties"]!["disableLocalAuth"]!);
        Assert.Equal("1.2", (string?)ns["properties"]!["minimumTlsVersion"]);
        Assert.Equal("Standard", (string?)ns["sku"]!["name"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Topic_Deployed_DuplicateDetectionAndASessionSubscription(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var topic = snapshot.Single("Microsoft.ServiceBus/namespaces/topics")["properties"]!;
        var subscription = snapshot.Single("Microsoft.ServiceBus/namespaces/topics/subscriptions")["properties"]!;

        Assert.True((bool)topic["requiresDuplicateDetection"]!);
        Assert.Equal("PT1H", (string?)topic["duplicateDetectionHistoryTimeWindow"]);
        Assert.True((bool)subscription["requiresSession"]!);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void AppSettings_Deployed_PointAtTheTopicWithTheAppsIdentityAndNoKey(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var settings = snapshot.AppSettings();
        var ns = (string)snapshot.Single("Microsoft.ServiceBus/namespaces")["name"]!;
        var topic = (string)snapshot.Single("Microsoft.ServiceBus/namespaces/topics")["name"]!;

        Assert.Equal($"{ns}.servicebus.windows.net", settings["Events__ServiceBus__FullyQualifiedNamespace"]);
        Assert.EndsWith("/" + settings["Events__ServiceBus__Topic"], topic, StringComparison.Ordinal);
        Assert.Equal(settings["AzureWebJobsStorage__clientId"], settings["Events__ServiceBus__ClientId"]);
        Assert.DoesNotContain(settings, s => s.Value.Contains("SharedAccessKey", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("20 * * * * *", settings["Events__SweepSchedule"]);
    }
}
