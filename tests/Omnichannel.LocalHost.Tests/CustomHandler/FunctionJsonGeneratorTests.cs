using System.Text.Json.Nodes;
using Omnichannel.Hosting.Declarations;
using Omnichannel.LocalHost.CustomHandler;
using Omnichannel.LocalHost.Tests.Triggers;

namespace Omnichannel.LocalHost.Tests.CustomHandler;

public sealed class FunctionJsonGeneratorTests
{
    [Fact]
    public void Generate_HttpFunction_HttpTriggerWithOutputBindingAndApiRoute()
    {
        var function = new HttpFunction("GetStock", "stock/{sku}", ["GET", "HEAD"], AuthorizationLevel.Function, () => "ok");

        var bindings = FunctionJsonGenerator.Generate(function)["bindings"]!.AsArray();

        Assert.Equal(2, bindings.Count);
        Assert.Equal("httpTrigger", (string?)bindings[0]!["type"]);
        Assert.Equal("in", (string?)bindings[0]!["direction"]);
        Assert.Equal("function", (string?)bindings[0]!["authLevel"]);
        Assert.Equal("api/stock/{sku}", (string?)bindings[0]!["route"]);
        Assert.Equal(new[] { "get", "head" }, bindings[0]!["methods"]!.AsArray().Select(m => (string)m!).ToArray());
        Assert.Equal("http", (string?)bindings[1]!["type"]);
        Assert.Equal("out", (string?)bindings[1]!["direction"]);
    }

    [Fact]
    public void Generate_AbsoluteRoute_NoApiPrefix()
    {
        var function = new HttpFunction("Status", "/runtime/webhooks/durabletask/instances/{id}", ["GET"], AuthorizationLevel.Admin, () => "ok");

        var trigger = FunctionJsonGenerator.Generate(function)["bindings"]![0]!;

        Assert.Equal("runtime/webhooks/durabletask/instances/{id}", (string?)trigger["route"]);
        Assert.Equal("admin", (string?)trigger["authLevel"]);
    }

    [Fact]
    public void Generate_TimerFunction_TimerTriggerWithScheduleAndRunOnStartup()
    {
        var function = new TimerFunction("Reconcile", "0 */15 * * * *", true, typeof(RecordingTimerHandler));

        var trigger = Assert.Single(FunctionJsonGenerator.Generate(function)["bindings"]!.AsArray())!;

        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal(InvocationEndpoint.TimerBinding, (string?)trigger["name"]);
        Assert.Equal("0 */15 * * * *", (string?)trigger["schedule"]);
        Assert.True((bool)trigger["runOnStartup"]!);
    }

    [Fact]
    public void Generate_QueueFunction_QueueTriggerOnStorageConnection()
    {
        var function = new QueueFunction("Ingest", "webhooks-inbox", new QueueTriggerOptions(), typeof(RecordingQueueHandler));

        var trigger = Assert.Single(FunctionJsonGenerator.Generate(function)["bindings"]!.AsArray())!;

        Assert.Equal("queueTrigger", (string?)trigger["type"]);
        Assert.Equal(InvocationEndpoint.QueueBinding, (string?)trigger["name"]);
        Assert.Equal("webhooks-inbox", (string?)trigger["queueName"]);
        Assert.Equal("AzureWebJobsStorage", (string?)trigger["connection"]);
    }

    [Fact]
    public void WriteAll_EveryFunction_OneFolderWithFunctionJson()
    {
        var folder = Directory.CreateTempSubdirectory("functions").FullName;
        FunctionDefinition[] functions =
        [
            new HttpFunction("Health", "health", ["GET"], AuthorizationLevel.Anonymous, () => "ok"),
            new TimerFunction("Reconcile", "0 */15 * * * *", false, typeof(RecordingTimerHandler)),
        ];

        var written = FunctionJsonGenerator.WriteAll(functions, folder);

        Assert.Equal(2, written.Count);
        var health = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "Health", "function.json")))!;
        Assert.Equal("api/health", (string?)health["bindings"]![0]!["route"]);
        Assert.True(File.Exists(Path.Combine(folder, "Reconcile", "function.json")));
        Directory.Delete(folder, recursive: true);
    }
}
