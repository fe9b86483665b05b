using Omnichannel.LocalHost.Durable;

namespace Omnichannel.LocalHost.Tests.Durable;

public sealed class LocalDurableOptionsTests
{
    [Fact]
    public void Defaults_VisibilityTimeouts_OneMinuteSoACrashCostsAMinuteNotFive()
    {
        var options = new LocalDurableOptions();

        Assert.Equal(TimeSpan.FromMinutes(1), options.StorageProvider.WorkItemQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.StorageProvider.ControlQueueVisibilityTimeout);
    }

    [Fact]
    public void HostJson_VisibilityTimeouts_OneMinuteForBothHosts()
    {
        using var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Omnichannel.LocalHost.LocalStorage.AzuriteLauncher.FindRepositoryRoot(), "functions", "Omnichannel.Functions", "host.json")));
        var provider = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");

        Assert.Equal("00:01:00", provider.GetProperty("workItemQueueVisibilityTimeout").GetString());
        Assert.Equal("00:01:00", provider.GetProperty("controlQueueVisibilityTimeout").GetString());
    }
}
