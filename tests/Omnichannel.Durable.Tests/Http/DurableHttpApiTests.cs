using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Omnichannel.Testing;

namespace Omnichannel.Durable.Tests.Http;

public sealed class DurableHttpApiTests
{
    private const string Root = "/runtime/webhooks/durabletask";

    [Fact]
    public async Task StartOrchestration_ThenStatusUri_ReportsCompletedWithOutputAndHistory()
    {
        await using var hub = await CreateHubAsync();
        using var client = hub.CreateAdminClient();

        var start = await client.PostAsJsonAsync($"{Root}/orchestrators/Chain", 1);
        var payload = await start.Content.ReadFromJsonAsync<JsonObject>();
        var status = await PollAsync(client, payload!["statusQueryGetUri"]!.GetValue<string>() + "?showHistory=true");

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal(payload!["statusQueryGetUri"]!.GetValue<string>(), start.Headers.Location!.ToString());
        Assert.EndsWith("/raiseEvent/{eventName}", payload["sendEventPostUri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        Assert.Equal(6, status["output"]!.GetValue<int>());
        Assert.Equal(1, status["input"]!.GetValue<int>());
        Assert.NotEmpty(status["historyEvents"]!.AsArray());
    }

    [Fact]
    public async Task InstanceOperations_RaiseTerminateQueryPurge_AnswerAsDurableFunctions()
    {
        await using var hub = await CreateHubAsync();
        using var client = hub.CreateAdminClient();
        var prefix = Unique.Name("http");

        await client.PostAsJsonAsync($"{Root}/orchestrators/Waiter/{prefix}-a", (string?)null);
        await client.PostAsJsonAsync($"{Root}/orchestrators/Waiter/{prefix}-b", (string?)null);
        await PollAsync(client, $"{Root}/instances/{prefix}-a", "Running");
        var raised = await client.PostAsJsonAsync($"{Root}/instances/{prefix}-a/raiseEvent/Go", "now");
        var done = await PollAsync(client, $"{Root}/instances/{prefix}-a");
        var terminated = await client.PostAsync($"{Root}/instances/{prefix}-b/terminate?reason=stop", null);
        await PollAsync(client, $"{Root}/instances/{prefix}-b");
        var terminatedAgain = await client.PostAsync($"{Root}/instances/{prefix}-b/terminate", null);
        var query = await client.GetAsync($"{Root}/instances?instanceIdPrefix={prefix}&runtimeStatus=Terminated,Completed&top=1");
        var firstPage = await query.Content.ReadFromJsonAsync<JsonArray>();
        using var next = new HttpRequestMessage(HttpMethod.Get, $"{Root}/instances?instanceIdPrefix={prefix}&runtimeStatus=Terminated,Completed&top=1");
        next.Headers.Add("x-ms-continuation-token", query.Headers.GetValues("x-ms-continuation-token").Single());
        var secondPage = await (await client.SendAsync(next)).Content.ReadFromJsonAsync<JsonArray>();
        var badQuery = await client.GetAsync($"{Root}/instances?runtimeStatus=Sleeping");
        var purged = await client.DeleteAsync($"{Root}/instances/{prefix}-a");
        var gone = await client.GetAsync($"{Root}/instances/{prefix}-a");
        var unknownEvent = await client.PostAsJsonAsync($"{Root}/instances/{prefix}-zzz/raiseEvent/Go", 1);

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.Equal("got now", done["output"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, terminatedAgain.StatusCode);
        Assert.Single(firstPage!);
        Assert.Single(secondPage!);
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Contains("runtimeStatus", await badQuery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownEvent.StatusCode);
    }

    [Fact]
    public async Task RestartRewindSuspendQuarantineRoutes_OnACompletedInstance_AnswerByState()
    {
        await using var hub = await CreateHubAsync();
        using var client = hub.CreateAdminClient();
        var id = Unique.Name("done");
        await client.PostAsJsonAsync($"{Root}/orchestrators/Chain/{id}", 2);
        await PollAsync(client, $"{Root}/instances/{id}");

        var rewind = await client.PostAsync($"{Root}/instances/{id}/rewind?reason=x", null);
        var suspend = await client.PostAsync($"{Root}/instances/{id}/suspend", null);
        var restart = await client.PostAsync($"{Root}/instances/{id}/restart?restartWithNewInstanceId=true", null);
        var restarted = await restart.Content.ReadFromJsonAsync<JsonObject>();
        var second = await PollAsync(client, restarted!["statusQueryGetUri"]!.GetValue<string>());
        var quarantine = await client.GetFromJsonAsync<JsonArray>($"{Root}/quarantine");
        var requeueUnknown = await client.PostAsync($"{Root}/quarantine/nope/requeue", null);

        Assert.Equal(HttpStatusCode.Gone, rewind.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        Assert.NotEqual(id, restarted["id"]!.GetValue<string>());
        Assert.Equal(7, second["output"]!.GetValue<int>());
        Assert.Empty(quarantine!);
        Assert.Equal(HttpStatusCode.NotFound, requeueUnknown.StatusCode);
    }

    [Fact]
    public async Task Routes_WithoutAdminKey_AreRefused()
    {
        await using var hub = await CreateHubAsync();
        using var functionKey = hub.CreateFunctionClient();

        var response = await functionKey.GetAsync($"{Root}/instances");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StartOrchestration_UnknownName_Returns400NamingTheField()
    {
        await using var hub = await CreateHubAsync();
        using var client = hub.CreateAdminClient();

        var response = await client.PostAsJsonAsync($"{Root}/orchestrators/Nope", 1);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("functionName", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HubFactory> CreateHubAsync()
    {
        var names = DurableNames.Create();
        var recorder = new Recorder();
        return HubFactory.CreateAsync(
            new Dictionary<string, string?>
            {
                ["Durable:InstancesTable"] = names.Table,
                ["Durable:QuarantineTable"] = names.Quarantine,
                ["Durable:QueuePrefix"] = names.Queues,
                ["Durable:PayloadContainer"] = names.Container,
                ["Durable:MaxPollingInterval"] = "00:00:00.100",
            },
            services =>
            {
                Orchestration.ChainingTests.Register(services, recorder);
                Client.ManagementTests.Register(services);
            });
    }

    private static async Task<JsonObject> PollAsync(HttpClient client, string uri, string? until = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await client.GetAsync(uri, timeout.Token);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
            var status = body?["runtimeStatus"]?.GetValue<string>();
            if (until is null ? response.StatusCode == HttpStatusCode.OK : status == until)
            {
                return body!;
            }

            await Task.Delay(25, timeout.Token);
        }
    }
}
