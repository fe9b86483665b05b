using Omnichannel.Infra.Tests.Bicep;
using Omnichannel.Storage.Connection;

namespace Omnichannel.Infra.Tests.Posture;

/// <summary>The function app's settings: identity-based connections only, secrets only as Key Vault references.</summary>
[Collection(InfraCollection.Name)]
public sealed class AppSettingsTests(CompiledInfra infra)
{
    // Settings that would carry a key or that Flex Consumption rejects (the runtime is in functionAppConfig).
    private static readonly string[] Forbidden =
    [
        StorageAccount.SettingName,
        "AzureWebJobsDashboard",
        "APPINSIGHTS_INSTRUMENTATIONKEY",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_RUN_FROM_PACKAGE",
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_EXTENSION_VERSION",
    ];

    private static readonly string[] KeyMarkers = ["AccountKey=", "SharedAccessSignature=", "sig=", "DefaultEndpointsProtocol=", "Password=", "listKeys(", "listAccountSas("];

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void AppSettings_Deployed_NoConnectionStringsOrKeys(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var settings = snapshot.AppSettings();

        Assert.Empty(settings.Keys.Intersect(Forbidden, StringComparer.OrdinalIgnoreCase));
        Assert.All(settings, s => Assert.DoesNotContain(KeyMarkers, m => s.Value.Contains(m, StringComparison.OrdinalIgnoreCase)));
        Assert.Null(snapshot.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["connectionStrings"]);
        var everything = snapshot.Root.ToJsonString();
        Assert.DoesNotContain("listKeys(", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas(", everything, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void AppSettings_Deployed_StorageByManagedIdentityOnTheTemplatesAccount(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var settings = snapshot.AppSettings();
        var prefix = StorageAccount.SettingName + "__";

        Assert.Equal((string?)snapshot.Single("Microsoft.Storage/storageAccounts")["name"], settings[prefix + "accountName"]);
        Assert.Equal("managedidentity", settings[prefix + "credential"]);
        Assert.Contains(".clientId", settings[prefix + "clientId"], StringComparison.Ordinal);
        Assert.Equal(settings[prefix + "clientId"], settings["AZURE_CLIENT_ID"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void AppSettings_Telemetry_SentWithTheIdentityNotTheKey(string environment)
    {
        var settings = infra.Snapshot(environment).AppSettings();

        Assert.Contains("ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains("ClientId=", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void AppSettings_KeyVaultSettings_AreVersionlessReferencesToTheTemplatesVault(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var settings = snapshot.AppSettings();
        var vaultName = (string)snapshot.Single("Microsoft.KeyVault/vaults")["name"]!;
        var secrets = KeyVaultSettings(environment);

        Assert.NotEmpty(secrets);
        foreach (var (setting, secretName) in secrets)
        {
            var value = settings[setting];
            Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})'", value, StringComparison.Ordinal);
            Assert.Contains($"'{vaultName}'", value, StringComparison.Ordinal);
            Assert.EndsWith($"'{secretName}')]", value, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void AppSettings_EverySecretLookingSetting_IsAKeyVaultReference(string environment)
    {
        string[] secretWords = ["secret", "token", "password", "apikey", "credential"];
        var settings = infra.Snapshot(environment).AppSettings();

        var secretLooking = settings.Where(s =>
            secretWords.Any(w => s.Key.Contains(w, StringComparison.OrdinalIgnoreCase))
            && !s.Key.EndsWith("__credential", StringComparison.Ordinal));

        Assert.All(secretLooking, s => Assert.Contains("@Microsoft.KeyVault(", s.Value, StringComparison.Ordinal));
    }

    private Dictionary<string, string> KeyVaultSettings(string environment)
    {
        var parameters = infra.Parameters(Path.Combine("parameters", $"{environment}.bicepparam"))["parameters"]!;
        var value = parameters["keyVaultSettings"]?["value"]?.AsObject() ?? [];
        return value.ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);
    }
}
