using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.LocalHost.Functions;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Functions;

/// <summary>
/// The two hosts agree: the <c>functions.metadata</c> that the Worker SDK generates for the Functions host on Azure
/// lists exactly the functions the local host serves, with the same names, trigger kinds, routes, methods, auth
/// levels, schedules and queue names.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Dictionary<string, TriggerKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["httpTrigger"] = TriggerKind.Http,
        ["timerTrigger"] = TriggerKind.Timer,
        ["queueTrigger"] = TriggerKind.Queue,
        ["orchestrationTrigger"] = TriggerKind.Orchestration,
        ["activityTrigger"] = TriggerKind.Activity,
    };

    [Fact]
    public async Task LocalHost_ServesExactlyTheGeneratedFunctionsMetadata()
    {
        var generated = ReadMetadata();
        await using var hub = await HubFactory.CreateAsync();
        using var client = hub.CreateClient();
        var served = hub.Services.GetRequiredService<LocalFunctions>();
        var configuration = hub.Services.GetRequiredService<IConfiguration>();
        var endpoints = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FunctionEndpointMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<FunctionEndpointMetadata>()!.FunctionName, StringComparer.Ordinal);

        Assert.NotEmpty(generated);
        Assert.Equal(generated.Select(g => g.Name).Order(StringComparer.Ordinal), served.All.Select(f => f.Name));
        foreach (var function in generated)
        {
            var local = served.All.Single(f => f.Name == function.Name);
            var trigger = function.Trigger;
            Assert.True(Kinds[trigger.GetProperty("type").GetString()!] == local.Kind, $"{function.Name}: trigger kind differs.");
            switch (local.Kind)
            {
                case TriggerKind.Http:
                    var endpoint = endpoints[function.Name];
                    var route = trigger.TryGetProperty("route", out var r) ? r.GetString()! : function.Name;
                    Assert.Equal($"/api/{route}", endpoint.RoutePattern.RawText);
                    Assert.Equal(trigger.GetProperty("authLevel").GetString(), endpoint.Metadata.GetMetadata<FunctionEndpointMetadata>()!.AuthLevel.ToString());
                    var methods = trigger.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList() : null;
                    var servedMethods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Order(StringComparer.Ordinal).ToList();
                    Assert.Equal(methods, servedMethods);
                    break;
                case TriggerKind.Timer:
                    var timer = served.Timers.Single(t => t.Name == function.Name);
                    Assert.Equal(BindingExpressions.Resolve(trigger.GetProperty("schedule").GetString()!, configuration, local), timer.Schedule);
                    Assert.Equal(trigger.TryGetProperty("runOnStartup", out var startup) && startup.GetBoolean(), timer.RunOnStartup);
                    break;
                case TriggerKind.Queue:
                    var queue = served.Queues.Single(q => q.Name == function.Name);
                    Assert.Equal(BindingExpressions.Resolve(trigger.GetProperty("queueName").GetString()!, configuration, local), queue.QueueName);
                    Assert.False(trigger.TryGetProperty("connection", out _), $"{function.Name}: the local host serves the default connection only.");
                    break;
            }
        }
    }

    private static List<(string Name, JsonElement Trigger)> ReadMetadata()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), "functions.metadata is not in the test output: the Worker SDK did not generate it for Omnichannel.Functions.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)).Clone()))
            .ToList();
    }
}
