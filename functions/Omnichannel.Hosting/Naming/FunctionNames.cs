using System.Text.RegularExpressions;

namespace Omnichannel.Hosting.Naming;

/// <summary>
/// The rule for the name of every trigger function (HTTP, queue, timer): PascalCase <c>{Area}{Thing}{Verb}</c>,
/// the area first (<see cref="Areas"/>), then the noun (singular for one item, plural for a collection; left out
/// when the thing is the area itself, as in <c>OrdersGet</c> or <c>EventsList</c>), the verb last
/// (<see cref="Verbs"/>): <c>LedgerProductGet</c>, <c>LedgerProductsList</c>, <c>OrdersCancel</c>,
/// <c>ChannelsWebhookReceive</c>, <c>EventsOutboxSweep</c>. The name is what Azure shows and keys on
/// (<c>AzureWebJobs.{name}.Disabled</c>, timer schedule status, App Insights <c>operation_Name</c>), so a rename is a
/// deployment change.
/// </summary>
/// <remarks>
/// Exception: Durable orchestrations and activities (<c>[Function(Name)]</c> with <c>Name = nameof(...)</c> in
/// <c>Orders/Flow</c>, <c>Orders/Activities</c>, <c>Orders/Returns</c>) keep the names they have. The Durable
/// histories of in-flight orders on Azure hold those names; renaming one would fail every flow that replays past it.
/// A new orchestration or activity follows the rule.
/// </remarks>
public static partial class FunctionNames
{
    /// <summary>The first word of a name: the feature (or host part) the function belongs to.</summary>
    public static readonly IReadOnlyList<string> Areas = ["Channels", "Console", "Events", "Health", "Ledger", "Ops", "Orders", "Sync"];

    /// <summary>The last word of a name. <c>List</c> is a collection, <c>Get</c>/<c>Put</c>/<c>Post</c> one item, the rest domain verbs.</summary>
    public static readonly IReadOnlyList<string> Verbs =
    [
        "List", "Get", "Put", "Post", "Cancel", "Confirm", "Forward", "Generate", "Import", "Map", "Mark", "Match",
        "Poll", "Push", "Query", "Raise", "Receive", "Reconcile", "Replay", "Requeue", "Resume", "Retry", "Sweep", "Wake",
    ];

    /// <summary>True when <paramref name="name"/> is PascalCase, starts with an area and ends with a verb.</summary>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Pascal().IsMatch(name))
        {
            return false;
        }

        var area = Areas.FirstOrDefault(a => name.StartsWith(a, StringComparison.Ordinal) && (name.Length == a.Length || char.IsUpper(name[a.Length])));
        return area is not null && Verbs.Any(v => name.Length >= area.Length + v.Length && name.EndsWith(v, StringComparison.Ordinal) && char.IsUpper(name[^v.Length]));
    }

    [GeneratedRegex("^(?:[A-Z][a-z0-9]+){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pascal();
}
