using Omnichannel.LocalHost.LocalStorage;
using Omnichannel.Storage.Connection;

namespace Omnichannel.Testing;

/// <summary>
/// One Azurite per test process, on free ports, in memory, started on first use and stopped when the
/// process exits. Test projects run in parallel under <c>dotnet test</c>; giving each its own emulator
/// means they never race to start one or see each other's data. Set <c>HUB_TEST_STORAGE</c> to a
/// connection string to run against another account instead.
/// </summary>
public static class Azurite
{
    private static readonly Lazy<Task<AzuriteProcess?>> Instance = new(StartAsync);

    /// <summary>The connection string of the test process's storage.</summary>
    public static async Task<string> ConnectionStringAsync()
    {
        var external = Environment.GetEnvironmentVariable("HUB_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return external;
        }

        var azurite = await Instance.Value;
        return azurite!.ConnectionString;
    }

    /// <summary>A fresh <see cref="StorageAccount"/> (its own request counter) on the test storage.</summary>
    public static async Task<StorageAccount> AccountAsync() => StorageAccount.FromConnectionString(await ConnectionStringAsync());

    private static async Task<AzuriteProcess?> StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AzuriteLauncher.EnsureRunningAsync(AzuriteLauncher.FreePorts(), dataFolder: null, timeout.Token);
            }
            catch (AzuriteUnavailableException) when (attempt < 3)
            {
                // A free port can be taken between choosing it and Azurite binding it; choose again.
            }
        }
    }
}
