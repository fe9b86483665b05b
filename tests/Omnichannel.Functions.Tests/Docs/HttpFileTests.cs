using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.Functions.Tests.Support;

namespace Omnichannel.Functions.Tests.Docs;

/// <summary>docs/hub.http names every HTTP route of the app, and only those.</summary>
public sealed partial class HttpFileTests
{
    private const string DurableManagementPrefix = "runtime/webhooks/durabletask/";

    [Fact]
    public void HubHttp_EveryHttpTrigger_HasARequest()
    {
        var requests = Requests();

        var missing = Routes()
            .Where(r => !requests.Any(q => q.Method == r.Method && Matches(r.Template, q.Path)))
            .Select(r => $"{r.Method} {r.Template}")
            .ToList();

        Assert.True(missing.Count == 0, "docs/hub.http has no request for: " + string.Join(", ", missing));
    }

    [Fact]
    public void HubHttp_EveryRequest_IsServedByAFunction()
    {
        var routes = Routes();

        var unknown = Requests()
            .Where(q => !q.Path.StartsWith(DurableManagementPrefix, StringComparison.Ordinal))
            .Where(q => !routes.Any(r => r.Method == q.Method && Matches(r.Template, q.Path)))
            .Select(q => $"{q.Method} {q.Path}")
            .ToList();

        Assert.True(unknown.Count == 0, "docs/hub.http names routes no function serves: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Routes_AppAssemblies_FindsTheHealthRoute()
    {
        Assert.Contains(Routes(), r => r.Method == "GET" && r.Template == "api/health");
    }

    private static List<(string Method, string Template)> Routes()
    {
        var app = typeof(HubServices).Assembly;
        var assemblies = new[] { app }.Concat(app.GetReferencedAssemblies()
            .Where(a => a.Name?.StartsWith("Omnichannel.", StringComparison.Ordinal) == true)
            .Select(Assembly.Load));
        return [.. assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SelectMany(t => (t.Methods ?? []).Select(m => (m.ToUpperInvariant(), "api/" + t.Route)))];
    }

    private static List<(string Method, string Path)> Requests()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "hub.http"));
        return [.. RequestLine().Matches(text).Select(m => (m.Groups["method"].Value, m.Groups["path"].Value))];
    }

    private static bool Matches(string template, string path)
    {
        var t = template.Split('/');
        var p = path.Split('/');
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i].StartsWith("{*", StringComparison.Ordinal))
            {
                return true;
            }

            if (i >= p.Length)
            {
                return false;
            }

            var variable = t[i].StartsWith('{') && p[i].Length > 0;
            if (!variable && !string.Equals(t[i], p[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return t.Length == p.Length;
    }

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE) \{\{hub\}\}/(?<path>[^?\s]+)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();
}
