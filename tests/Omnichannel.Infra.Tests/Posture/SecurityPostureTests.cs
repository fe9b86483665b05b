using Omnichannel.Infra.Tests.Bicep;

namespace Omnichannel.Infra.Tests.Posture;

/// <summary>The storage account, Key Vault and function app as deployed by each environment's parameters.</summary>
[Collection(InfraCollection.Name)]
public sealed class SecurityPostureTests(CompiledInfra infra)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void StorageAccount_Deployed_NoSharedKeyTls12HttpsOnlyNoPublicBlobs(string environment)
    {
        var storage = infra.Snapshot(environment).Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.True((bool)storage["defaultToOAuthAuthentication"]!);
    }

    [Theory]
    [InlineData("dev", false)]
    [InlineData("prod", true)]
    public void KeyVault_Deployed_RbacModeSoftDeleteAndPurgeProtectionInProd(string environment, bool purgeProtection)
    {
        var vault = infra.Snapshot(environment).Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.Equal(purgeProtection, (bool?)vault["enablePurgeProtection"] ?? false);
        Assert.Null(vault["accessPolicies"]);
        Assert.Equal(CompiledInfra.TenantId, (string?)vault["tenantId"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void FunctionApp_Deployed_FlexConsumptionLinuxIsolatedWorker(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var plan = snapshot.Single("Microsoft.Web/serverfarms");
        var site = snapshot.Single("Microsoft.Web/sites");
        var config = site["properties"]!["functionAppConfig"]!;

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal((string?)plan["id"], (string?)site["properties"]!["serverFarmId"]);
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.InRange((int)config["scaleAndConcurrency"]!["maximumInstanceCount"]!, 1, 1000);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void FunctionApp_Deployed_HttpsOnlyTls12NoFtpNoBasicAuth(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var site = snapshot.Single("Microsoft.Web/sites")["properties"]!;

        Assert.True((bool)site["httpsOnly"]!);
        Assert.Equal("1.2", (string?)site["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)site["siteConfig"]!["ftpsState"]);
        var policies = snapshot.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(["ftp", "scm"], policies.Select(p => ((string)p["name"]!).Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void FunctionApp_Deployed_RunsAsTheTemplatesUserAssignedIdentity(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var identityId = (string)snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var site = snapshot.Single("Microsoft.Web/sites");
        var deployment = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal([identityId], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(i => i.Key));
        Assert.Equal(identityId, (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        Assert.Equal("blobContainer", (string?)deployment["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        Assert.Equal(identityId, (string?)deployment["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.Null(deployment["authentication"]!["storageAccountConnectionStringName"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void DeploymentContainer_Deployed_PrivateInTheTemplatesAccount(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var storageName = (string)snapshot.Single("Microsoft.Storage/storageAccounts")["name"]!;
        var container = snapshot.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var containerName = ((string)container["name"]!).Split('/')[^1];
        var packageUrl = (string)snapshot.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["value"]!;

        Assert.StartsWith($"{storageName}/", (string?)container["name"], StringComparison.Ordinal);
        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
        // environment().suffixes stays unevaluated before deployment; the account and container are literal.
        Assert.Contains($"'{storageName}'", packageUrl, StringComparison.Ordinal);
        Assert.Contains($"'{containerName}'", packageUrl, StringComparison.Ordinal);
    }
}
