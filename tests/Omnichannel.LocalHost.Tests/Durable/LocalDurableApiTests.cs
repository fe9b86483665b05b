using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Durable;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Durable;

/// <summary>The HTTP management API on a minimal web app on 127.0.0.1 with the engine on its own task hub.</summary>
public sealed class LocalDurableApiTests : IAsyncLifetime
{
    private const string AdminKey = "test-admin-key";
    private const string Root = "/runtime/webhooks/durabletask";
    private WebApplication app = null!;
    private HttpClient http = null!;

    private DurableTaskClient Client => this.app.Services.GetRequiredService<DurableTaskClient>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.ConnectionStringAsync(),
            [$"{LocalDurableOptions.Section}:hubName"] = Unique.Name("hub"),
            [$"{LocalDurableOptions.Section}:storageProvider:partitionCount"] = "1",
            [$"{LocalDurableOptions.Section}:storageProvider:maxQueuePollingInterval"] = "00:00:00.500",
        });
        builder.Services.AddSingleton(new TestRecorder());
        builder.Services.Configure<HubOptions>(o => o.AdminKey = AdminKey);
        builder.Services.AddLocalDurable(builder.Configuration, DurableTestHost.FunctionsOf(typeof(TestFunctions)));
        this.app = builder.Build();
        this.app.MapLocalDurableApi();
        await this.app.StartAsync();
        var address = this.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        this.http = new HttpClient { BaseAddress = new Uri(address) };
        this.http.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        await this.app.Services.GetRequiredService<LocalDurableEngine>().Started.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        this.http.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await this.app.StopAsync(timeout.Token);
            await this.app.Services.GetRequiredService<LocalDurableTaskHub>().Service.DeleteAsync().WaitAsync(timeout.Token);
        }
        finally
        {
            await this.app.DisposeAsync();
        }
    }

    [Fact]
    public async Task StartAndStatus_Chain_Returns202ThenTheCompletedStatus()
    {
        var id = Unique.Name("api");
        using var start = await this.http.PostAsJsonAsync($"{Root}/orchestrators/Chain/{id}", new ChainInput("o", 1));
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var check = await start.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, check.GetProperty("id").GetString());
        Assert.EndsWith($"{Root}/instances/{id}", check.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await this.Client.WaitForInstanceCompletionAsync(id, cancellation: timeout.Token);
        using var status = await this.http.GetAsync($"{Root}/instances/{id}?showHistory=true");
        var body = await status.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("o+", body.GetProperty("output").GetString());
        Assert.Equal("o", body.GetProperty("input").GetProperty("order").GetString());
        Assert.True(body.GetProperty("historyEvents").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Start_IdOfACompletedInstance_409UnlessRestartTrue()
    {
        var id = Unique.Name("again");
        using (var first = await this.http.PostAsJsonAsync($"{Root}/orchestrators/Chain/{id}", new ChainInput("first", 1)))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await this.Client.WaitForInstanceCompletionAsync(id, cancellation: timeout.Token);

        using (var replaced = await this.http.PostAsJsonAsync($"{Root}/orchestrators/Chain/{id}", new ChainInput("second", 1)))
        {
            Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode);
        }

        Assert.Equal("first+", (await this.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadOutputAs<string>());

        using (var restarted = await this.http.PostAsJsonAsync($"{Root}/orchestrators/Chain/{id}?restart=true", new ChainInput("second", 1)))
        {
            Assert.Equal(HttpStatusCode.Accepted, restarted.StatusCode);
        }

        var done = await this.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal("second+", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Query_PagesOfTwo_FollowTheContinuationHeader()
    {
        var prefix = Unique.Name("page");
        foreach (var i in Enumerable.Range(0, 3))
        {
            await this.Client.ScheduleNewOrchestrationInstanceAsync("AwaitEvent", null, new Microsoft.DurableTask.StartOrchestrationOptions($"{prefix}-{i}"));
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Root}/instances?instanceIdPrefix={prefix}&top=2");
            if (token is not null)
            {
                request.Headers.Add(LocalDurableApi.ContinuationHeader, token);
            }

            using var response = await this.http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.InRange(page.GetArrayLength(), 0, 2);
            seen.AddRange(page.EnumerateArray().Select(e => e.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues(LocalDurableApi.ContinuationHeader, out var values) ? values.Single() : null;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 3).Select(i => $"{prefix}-{i}"), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RaiseTerminatePurge_OneInstance_AnswerAsDurableFunctions()
    {
        var raised = await this.Client.ScheduleNewOrchestrationInstanceAsync("AwaitEvent");
        using (var raise = await this.http.PostAsJsonAsync($"{Root}/instances/{raised}/raiseEvent/Shipped", "parcel-9"))
        {
            Assert.Equal(HttpStatusCode.Accepted, raise.StatusCode);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await this.Client.WaitForInstanceCompletionAsync(raised, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal("parcel-9", done.ReadOutputAs<string>());

        var terminated = await this.Client.ScheduleNewOrchestrationInstanceAsync("AwaitEvent");
        using (var terminate = await this.http.PostAsync($"{Root}/instances/{terminated}/terminate?reason=cancelled", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        }

        var ended = await this.Client.WaitForInstanceCompletionAsync(terminated, cancellation: timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, ended.RuntimeStatus);
        using (var again = await this.http.PostAsync($"{Root}/instances/{terminated}/terminate", null))
        {
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        }

        using var purge = await this.http.DeleteAsync($"{Root}/instances/{raised}");
        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(1, (await purge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instancesDeleted").GetInt32());
        using var gone = await this.http.GetAsync($"{Root}/instances/{raised}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task BadInput_UnknownOrUnauthorised_Gives404400And401()
    {
        using var unknown = await this.http.GetAsync($"{Root}/instances/{Unique.Name("none")}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var bad = await this.http.GetAsync($"{Root}/instances/x?showInput=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("showInput", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var tooLong = await this.http.PostAsJsonAsync($"{Root}/orchestrators/Chain/{new string('a', 700)}", new ChainInput("o", 1));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("instanceId", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var markup = await this.http.GetAsync($"{Root}/instances/{Uri.EscapeDataString("\"><script>")}");
        Assert.Equal(HttpStatusCode.BadRequest, markup.StatusCode);

        using var badQueryFlag = await this.http.GetAsync($"{Root}/instances?showInput=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, badQueryFlag.StatusCode);

        using var badStatus = await this.http.GetAsync($"{Root}/instances?runtimeStatus=Sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);

        using var anonymous = new HttpClient { BaseAddress = this.http.BaseAddress };
        using var refused = await anonymous.GetAsync($"{Root}/instances");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
