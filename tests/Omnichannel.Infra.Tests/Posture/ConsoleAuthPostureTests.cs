using Omnichannel.Infra.Tests.Bicep;

namespace Omnichannel.Infra.Tests.Posture;

/// <summary>
/// The operations console on Azure: Microsoft Entra ID sign-in through App Service authentication when an app
/// registration is given, HTTPS only, no token store, anonymous callers (webhooks) still let through; the app told
/// to serve the page only to holders of Hub.Operator. Without a registration nothing of it is deployed and the console asks for a key, as locally.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class ConsoleAuthPostureTests(CompiledInfra infra)
{
    [Fact]
    public void AuthSettings_WithConsoleClientId_EntraSignInForTheConsoleAndWebhooksStillOpen()
    {
        var snapshot = infra.Snapshot(CompiledInfra.OperatorEnvironment);
        var auth = Assert.Single(snapshot.OfType("Microsoft.Web/sites/config"), c => ((string)c["name"]!).EndsWith("/authsettingsV2", StringComparison.Ordinal))["properties"]!;
        var aad = auth["identityProviders"]!["azureActiveDirectory"]!;

        Assert.True((bool)auth["platform"]!["enabled"]!);
        Assert.True((bool)auth["httpSettings"]!["requireHttps"]!);
        Assert.False((bool)auth["login"]!["tokenStore"]!["enabled"]!);
        // Channels call the webhooks without any sign-in: the page function enforces the sign-in for the console.
        Assert.False((bool)auth["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("AllowAnonymous", (string?)auth["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.True((bool)aad["enabled"]!);
        Assert.Equal(CompiledInfra.ConsoleClientId, (string?)aad["registration"]!["clientId"]);
        Assert.Contains(CompiledInfra.TenantId, (string)aad["registration"]!["openIdIssuer"]!, StringComparison.Ordinal);
        Assert.Null(aad["registration"]!["clientSecretSettingName"]);
        Assert.Contains($"api://{CompiledInfra.ConsoleClientId}", aad["validation"]!["allowedAudiences"]!.AsArray().Select(a => (string?)a));

        var settings = snapshot.AppSettings();
        Assert.Equal("true", settings["Console__RequireSignIn"]);
        Assert.Equal("Hub.Operator", settings["Console__OperatorRole"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void AuthSettings_WithoutConsoleClientId_NotDeployedAndTheConsoleAsksForTheKey(string environment)
    {
        var snapshot = infra.Snapshot(environment);

        Assert.DoesNotContain(snapshot.OfType("Microsoft.Web/sites/config"), c => ((string)c["name"]!).EndsWith("/authsettingsV2", StringComparison.Ordinal));
        Assert.False(snapshot.AppSettings().ContainsKey("Console__RequireSignIn"));
    }
}
