using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Declarations;
using Omnichannel.LocalHost.Tests.Triggers;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.CustomHandler;

/// <summary>The invocation requests the Functions host sends a custom handler, in the shapes Microsoft documents.</summary>
public sealed class InvocationEndpointTests
{
    private const string QueueInvocation = """
        {
          "Data": { "message": "{\"order\":\"1001\"}" },
          "Metadata": {
            "DequeueCount": 2,
            "ExpirationTime": "2026-12-02T08:00:00+00:00",
            "Id": "fa1d53d6-4ea5-4d6e-8f21-6f4e6f0f1d2a",
            "InsertionTime": "2026-11-25T08:00:00+00:00",
            "NextVisibleTime": "2026-11-25T08:10:00+00:00",
            "PopReceipt": "AgAAAAMAAAAAAAAAAgtnj8x+1QE=",
            "sys": { "MethodName": "Work", "UtcNow": "2026-11-25T08:00:01Z", "RandGuid": "0c6ad6e7-0d1f-4a5b-9e0b-1f6a4b1e2c3d" }
          }
        }
        """;

    private const string TimerInvocation = """
        {
          "Data": {
            "timer": {
              "Schedule": { "AdjustForDST": true },
              "ScheduleStatus": { "Last": "2026-11-25T07:55:00+00:00", "Next": "2026-11-25T08:00:00+00:00", "LastUpdated": "2026-11-25T07:55:00+00:00" },
              "IsPastDue": true
            }
          },
          "Metadata": { "sys": { "MethodName": "Tick", "UtcNow": "2026-11-25T08:00:02Z", "RandGuid": "5e1c8f7a-2b3d-4c5e-8f9a-0b1c2d3e4f5a" } }
        }
        """;

    [Fact]
    public async Task Invoke_QueueTrigger_HandlerGetsMessageAndHostGetsDocumentedResponse()
    {
        var recorder = new Recorder();
        await using var hub = await CreateHubAsync(recorder);
        using var client = hub.CreateClient();

        using var response = await client.PostAsync(new Uri("/Work", UriKind.Relative), Json(QueueInvocation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("Logs").ValueKind);
        Assert.True(body.RootElement.TryGetProperty("ReturnValue", out _));
        var message = Assert.Single(recorder.Messages);
        Assert.Equal("{\"order\":\"1001\"}", message.Body);
        Assert.Equal(2, message.DequeueCount);
        Assert.Equal("fa1d53d6-4ea5-4d6e-8f21-6f4e6f0f1d2a", message.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), message.InsertedOn);
    }

    [Fact]
    public async Task Invoke_QueueHandlerFails_Answers500SoTheHostRetries()
    {
        var recorder = new Recorder { Fail = true };
        await using var hub = await CreateHubAsync(recorder);
        using var client = hub.CreateClient();

        using var response = await client.PostAsync(new Uri("/Work", UriKind.Relative), Json(QueueInvocation));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("failed", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TimerTrigger_HandlerGetsScheduleStatus()
    {
        var recorder = new Recorder();
        await using var hub = await CreateHubAsync(recorder);
        using var client = hub.CreateClient();

        using var response = await client.PostAsync(new Uri("/Tick", UriKind.Relative), Json(TimerInvocation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tick = Assert.Single(recorder.Ticks);
        Assert.True(tick.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 7, 55, 0, TimeSpan.Zero), tick.Last);
    }

    [Fact]
    public async Task Invoke_UnknownFunction_Answers404Problem()
    {
        await using var hub = await CreateHubAsync(new Recorder());
        using var client = hub.CreateClient();

        using var response = await client.PostAsync(new Uri("/NoSuchFunction", UriKind.Relative), Json(QueueInvocation));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invoke_Standalone_EndpointNotServed()
    {
        var recorder = new Recorder();
        await using var hub = await HubFactory.CreateAsync(services: services => Register(services, recorder));
        using var client = hub.CreateClient();

        using var response = await client.PostAsync(new Uri("/Work", UriKind.Relative), Json(QueueInvocation));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(recorder.Messages);
    }

    private static Task<HubFactory> CreateHubAsync(Recorder recorder) =>
        HubFactory.CreateAsync(
            new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999" },
            services => Register(services, recorder));

    private static void Register(IServiceCollection services, Recorder recorder) =>
        services.AddSingleton(recorder)
            .AddQueueFunction<RecordingQueueHandler>("Work", Unique.Name("work"))
            .AddTimerFunction<RecordingTimerHandler>("Tick", "0 */5 * * * *");

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
