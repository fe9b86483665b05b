using Omnichannel.Infra.Tests.Bicep;

namespace Omnichannel.Infra.Tests.Posture;

/// <summary>Application Insights on Log Analytics, the three alerts, and the template's outputs.</summary>
[Collection(InfraCollection.Name)]
public sealed class MonitoringTests(CompiledInfra infra)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ApplicationInsights_Deployed_WorkspaceBasedWithLocalAuthDisabled(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var workspace = snapshot.Single("Microsoft.OperationalInsights/workspaces");
        var component = snapshot.Single("Microsoft.Insights/components")["properties"]!;

        Assert.Equal((string?)workspace["id"], (string?)component["WorkspaceResourceId"]);
        Assert.True((bool)component["DisableLocalAuth"]!);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Alerts_Deployed_FailedOrchestrationsPoisonMessagesAndHttp5xxOnAppInsights(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var componentId = (string)snapshot.Single("Microsoft.Insights/components")["id"]!;
        var rules = snapshot.OfType("Microsoft.Insights/scheduledQueryRules")
            .ToDictionary(r => ((string)r["name"]!).Split('-', 3)[^1], r => r["properties"]!);

        Assert.Equal(["failed-orchestrations", "http-5xx-rate", "poison-messages"], rules.Keys.Order(StringComparer.Ordinal));
        Assert.All(rules.Values, rule =>
        {
            Assert.Equal([componentId], rule["scopes"]!.AsArray().Select(s => (string)s!));
            Assert.True((bool)rule["enabled"]!);
            Assert.Equal("GreaterThan", (string?)rule["criteria"]!["allOf"]![0]!["operator"]);
        });
        Assert.Contains(LoggedEventName(typeof(Omnichannel.Orders.Configuration.OrdersOptions), "Omnichannel.Orders.Log", "FlowFailed"), Query(rules["failed-orchestrations"]), StringComparison.Ordinal);
        Assert.Contains(LoggedEventName(typeof(Omnichannel.Channels.ChannelsServiceCollectionExtensions), "Omnichannel.Channels.Log", "WebhookQuarantined"), Query(rules["poison-messages"]), StringComparison.Ordinal);
        Assert.Contains("-poison", Query(rules["poison-messages"]), StringComparison.Ordinal);
        Assert.Contains("MaxDequeueCount", Query(rules["poison-messages"]), StringComparison.Ordinal);
        Assert.Contains("toint(resultCode) >= 500", Query(rules["http-5xx-rate"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_WithEmail_NotifyTheActionGroup()
    {
        var prod = infra.Snapshot("prod");
        var group = prod.Single("Microsoft.Insights/actionGroups");

        Assert.NotEmpty(group["properties"]!["emailReceivers"]!.AsArray());
        Assert.All(prod.OfType("Microsoft.Insights/scheduledQueryRules"), r =>
            Assert.Equal([(string)group["id"]!], r["properties"]!["actions"]!["actionGroups"]!.AsArray().Select(a => (string)a!)));
        Assert.Empty(infra.Snapshot("dev").OfType("Microsoft.Insights/actionGroups"));
    }

    [Fact]
    public void Outputs_Main_AppUrlAndResourceNames()
    {
        var outputs = infra.Template("main.bicep")["outputs"]!.AsObject();

        foreach (var name in new[] { "appUrl", "functionAppName", "storageAccountName", "keyVaultName", "appInsightsName" })
        {
            Assert.True(outputs.ContainsKey(name), $"main.bicep has no output '{name}'.");
            Assert.Equal("string", (string?)outputs[name]!["type"]);
        }

        Assert.Contains("url", (string)outputs["appUrl"]!["value"]!, StringComparison.Ordinal);
    }

    private static string Query(System.Text.Json.Nodes.JsonNode rule) => (string)rule["criteria"]!["allOf"]![0]!["query"]!;

    /// <summary>
    /// The event name a [LoggerMessage] of the app logs (its method name when the attribute names none): the alerts
    /// must look for what the app really logs, so renaming the log method without the alert fails here.
    /// </summary>
    private static string LoggedEventName(Type inAssembly, string logClass, string method)
    {
        var type = inAssembly.Assembly.GetType(logClass, throwOnError: true)!;
        var logMethod = type.GetMethod(method, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);
        Assert.True(logMethod is not null, $"{logClass}.{method} does not exist: the alert watches for a log the app no longer writes.");
        var attribute = (Microsoft.Extensions.Logging.LoggerMessageAttribute)Attribute.GetCustomAttribute(logMethod, typeof(Microsoft.Extensions.Logging.LoggerMessageAttribute))!;
        return attribute.EventName ?? logMethod.Name;
    }
}
