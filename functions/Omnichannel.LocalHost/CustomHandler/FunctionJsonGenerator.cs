using System.Text.Json;
using System.Text.Json.Nodes;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Storage.Connection;

namespace Omnichannel.LocalHost.CustomHandler;

/// <summary>
/// Writes one <c>{Name}/function.json</c> per declared function, the files the Functions host reads to
/// know the custom handler's triggers. HTTP functions get an <c>httpTrigger</c> with an <c>http</c> output
/// (required for request forwarding) whose route carries the <c>api/</c> prefix itself, since host.json sets
/// <c>routePrefix</c> to empty so that absolute routes such as <c>runtime/webhooks/durabletask/...</c> work; timers a <c>timerTrigger</c>; queues a <c>queueTrigger</c> on the
/// <c>AzureWebJobsStorage</c> connection.
/// </summary>
public static class FunctionJsonGenerator
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Generate(FunctionDefinition function) => new()
    {
        ["bindings"] = function switch
        {
            HttpFunction http => new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    ["authLevel"] = http.AuthLevel.ToString().ToLowerInvariant(),
                    ["route"] = http.Path,
                    ["methods"] = new JsonArray(http.Methods.Select(m => (JsonNode)JsonValue.Create(m.ToLowerInvariant())).ToArray()),
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
            TimerFunction timer => new JsonArray(new JsonObject
            {
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["name"] = InvocationEndpoint.TimerBinding,
                ["schedule"] = timer.Schedule,
                ["runOnStartup"] = timer.RunOnStartup,
            }),
            QueueFunction queue => new JsonArray(new JsonObject
            {
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["name"] = InvocationEndpoint.QueueBinding,
                ["queueName"] = queue.QueueName,
                ["connection"] = StorageAccount.SettingName,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function.GetType().Name, "Unknown trigger kind."),
        },
    };

    /// <summary>Writes every function's folder under <paramref name="outputFolder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<FunctionDefinition> functions, string outputFolder)
    {
        var written = new List<string>();
        foreach (var function in functions)
        {
            var folder = Path.Combine(outputFolder, function.Name);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "function.json");
            File.WriteAllText(path, Generate(function).ToJsonString(Indented) + "\n");
            written.Add(path);
        }

        return written;
    }
}
