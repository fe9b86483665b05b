using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Health;
using Omnichannel.Testing;

namespace Omnichannel.Functions.Tests.Health;

public sealed class HealthFunctionsTests
{
    [Fact]
    public async Task Get_StorageReachable_ReportsEveryServiceOk()
    {
        await using var hub = await HubFactory.CreateAsync();
        using var client = hub.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        foreach (var service in new[] { "table", "queue", "blob" })
        {
            Assert.Equal("ok", body.RootElement.GetProperty("services").GetProperty(service).GetProperty("status").GetString());
        }

        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("triggers").ValueKind);
    }

    [Fact]
    public async Task Get_ListenerBackingOff_Answers503WithItsStateSinceAndLastError()
    {
        await using var hub = await HubFactory.CreateAsync();
        using var client = hub.CreateClient();
        var triggers = hub.Services.GetRequiredService<TriggerHealth>();
        triggers.BackingOff("Health503Probe", "queue", new AggregateException("Retry failed after 6 tries.", new HttpRequestException("Connection refused")), TimeSpan.FromSeconds(4));

        using var down = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var text = await down.Content.ReadAsStringAsync();
        triggers.Running("Health503Probe", "queue");
        using var up = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)down.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        var probe = body.RootElement.GetProperty("triggers").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Health503Probe");
        Assert.Equal("backingOff", probe.GetProperty("status").GetString());
        Assert.Contains("Connection refused", probe.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(probe.TryGetProperty("since", out _));
        Assert.True(probe.TryGetProperty("retryAt", out _));
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    [Fact]
    public async Task Get_StorageDown_Answers503NamingTheServices()
    {
        await using var dead = new RefusingEndpoint();
        await using var hub = new HubFactory(dead.ConnectionString);
        using var client = hub.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("unreachable", body.RootElement.GetProperty("services").GetProperty("table").GetProperty("status").GetString());
    }
}
