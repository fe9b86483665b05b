using Azure.Data.Tables;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Durable.Storage;

/// <summary>Turns an <see cref="InstanceQuery"/> into one server-side OData filter over instance rows.</summary>
internal static class InstanceFilter
{
    public static string Build(InstanceQuery query)
    {
        var parts = new List<string> { TableClient.CreateQueryFilter($"RowKey eq {InstanceRows.InstanceRowKey}") };
        if (query.Statuses is { Count: > 0 } statuses)
        {
            parts.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"RuntimeStatus eq {s.ToString()}"))) + ")");
        }

        if (query.CreatedFrom is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedTime ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedTime le {to}"));
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            var low = TableKeys.Escape(query.InstanceIdPrefix);
            var high = low[..^1] + (char)(low[^1] + 1);
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey ge {low} and PartitionKey lt {high}"));
        }

        if (!string.IsNullOrEmpty(query.NamePrefix))
        {
            var high = query.NamePrefix[..^1] + (char)(query.NamePrefix[^1] + 1);
            parts.Add(TableClient.CreateQueryFilter($"Name ge {query.NamePrefix} and Name lt {high}"));
        }

        foreach (var (key, value) in query.Tags ?? new Dictionary<string, string>())
        {
            parts.Add($"{InstanceRows.TagProperty(key)} eq {TableClient.CreateQueryFilter($"{value}")}");
        }

        return string.Join(" and ", parts);
    }
}
