using System.Net;
using System.Net.Sockets;
using Omnichannel.Functions;
using Omnichannel.Infra.Tests.Bicep;
using Omnichannel.Storage.Connection;

namespace Omnichannel.Infra.Tests.Package;

/// <summary>
/// The packaged isolated worker, started the way the Functions host starts it (<c>dotnet Omnichannel.Functions.dll</c>
/// with the host's gRPC arguments, working directory the package, no local settings anywhere above it) with exactly
/// the app settings the template deploys, passes its own start-up configuration checks and goes on to call the
/// host. No Functions host runs here, so the host's address is a closed loopback port: the worker's failure to reach
/// it is the sign that it got past every check of its own. What is required is decided by the app's code (its
/// options validation and storage setting), not by a list kept beside it.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class StartupSettingsTests(CompiledInfra infra, PackagedHub package)
{
    // What the worker's gRPC client says when it tries to reach the host, which happens only after the host's
    // start-up validation (ValidateOnStart) passed and the app's services were composed.
    private const string StartedMarker = "Error connecting to subchannel";

    // What Program prints for an options validation failure or a SettingException, then exits 1.
    private const string ConfigurationError = "Configuration error";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Package_StartedWithTheTemplatesSettings_PassesItsChecksAndCallsTheHost(string environment)
    {
        var settings = Evaluate(infra.Snapshot(environment).AppSettings());

        var outcome = await StartAsync(settings);

        Assert.DoesNotContain(ConfigurationError, outcome.Error, StringComparison.Ordinal);
        // A feature that touches storage while starting cannot succeed here (no Azure): dying on the managed
        // identity token, past every configuration check, counts as started as far as settings go.
        Assert.True(
            outcome.SawMarker || outcome.All.Contains(nameof(Azure.Identity.CredentialUnavailableException), StringComparison.Ordinal),
            $"The app did not start (exit {outcome.ExitCode}):\n{outcome.Output}\n{outcome.Error}");
    }

    [Fact]
    public async Task Package_StartedWithoutTheStorageAccountSetting_RefusesNamingIt()
    {
        // The control for the test above: the same start with one template setting fewer is refused, so a
        // template that forgot a required setting would be caught.
        var settings = Evaluate(infra.Snapshot("dev").AppSettings());
        settings.Remove($"{StorageAccount.SettingName}__accountName");

        var outcome = await StartAsync(settings);

        Assert.False(outcome.SawMarker, outcome.Output);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(ConfigurationError, outcome.Error, StringComparison.Ordinal);
        Assert.Contains(StorageAccount.SettingName, outcome.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Values ARM only knows at deployment (client ids, the vault URI) become stand-ins of the same shape; a
    /// Key Vault reference becomes a value, as App Service resolves it before the process starts.
    /// </summary>
    private static Dictionary<string, string> Evaluate(IReadOnlyDictionary<string, string> settings) =>
        settings.ToDictionary(
            s => s.Key,
            s => !DeploymentSnapshot.IsExpression(s.Value) ? s.Value
                : s.Value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal) ? $"secret-value-of-{s.Key}"
                : s.Key == "APPLICATIONINSIGHTS_CONNECTION_STRING" ? $"InstrumentationKey={Guid.NewGuid()}"
                : Guid.NewGuid().ToString(),
            StringComparer.Ordinal);

    private Task<HostedProcess.Outcome> StartAsync(Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            // Nothing of this machine's own settings may stand in for one the template should provide.
            if (name.Contains("__", StringComparison.Ordinal) || name.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("FUNCTIONS_", StringComparison.Ordinal) || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
            {
                environment[name] = null;
            }
        }

        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        // As on App Service, managed identity tokens come from IDENTITY_ENDPOINT: here a closed loopback port,
        // so a token request fails at once instead of probing the instance metadata address off this machine.
        environment["IDENTITY_ENDPOINT"] = $"http://127.0.0.1:{FreePort()}/msi/token";
        environment["IDENTITY_HEADER"] = "infra-tests";
        environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        var host = $"http://127.0.0.1:{FreePort()}";
        string[] arguments =
        [
            $"{typeof(HubServices).Assembly.GetName().Name}.dll",
            "--functions-uri", host,
            "--functions-worker-id", Guid.NewGuid().ToString(),
            "--functions-request-id", Guid.NewGuid().ToString(),
            "--functions-grpc-max-message-length", "2147483647",
        ];
        return HostedProcess.RunUntilAsync("dotnet", arguments, package.Folder, environment, StartedMarker, StartTimeout);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
