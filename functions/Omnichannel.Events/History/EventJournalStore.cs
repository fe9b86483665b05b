using System.Globalization;
using Azure.Data.Tables;
using Omnichannel.Events.Configuration;
using Omnichannel.Events.Model;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;

namespace Omnichannel.Events.History;

/// <summary>
/// The history of sent events (table <c>Events:HistoryTable</c>): PartitionKey the UTC day of the event
/// (<c>yyyyMMdd</c>), RowKey <c>{inverted ticks}|{id}</c> so a day reads newest first. Written by the dispatcher
/// with upserts in day-sized transactions before it deletes the outbox rows, so a resend overwrites, never adds.
/// </summary>
public sealed class EventJournalStore(EventsStorage storage)
{
    /// <summary>The most a query returns.</summary>
    public const int MaxResults = 200;

    /// <summary>How far back a query may reach.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(31);

    public async Task RecordAsync(IReadOnlyList<SentEvent> sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        await storage.EnsureCreatedAsync();
        foreach (var day in sent.GroupBy(e => Day(e.Time)))
        {
            foreach (var chunk in day.DistinctBy(e => e.Id).Chunk(100))
            {
                var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entity(e))).ToList();
                await StorageCall.RunAsync(() => storage.History.SubmitTransactionAsync(actions, cancellationToken));
            }
        }
    }

    /// <summary>Sent events newest first, from <paramref name="from"/> to <paramref name="until"/>, optionally of one subject and type.</summary>
    public async Task<IReadOnlyList<SentEvent>> QueryAsync(string? subject, string? type, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var found = new List<SentEvent>();
        for (var day = until.UtcDateTime.Date; day >= from.UtcDateTime.Date && found.Count < MaxResults; day = day.AddDays(-1))
        {
            var filter = TableFilter.RowsThrough(Day(day), Inverted(until), Inverted(from) + "}");
            if (subject is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"Subject eq {subject}");
            }

            if (type is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"Type eq {type}");
            }

            await StorageCall.RunAsync(async () =>
            {
                await foreach (var e in storage.History.QueryAsync<TableEntity>(filter, maxPerPage: MaxResults, cancellationToken: cancellationToken))
                {
                    found.Add(ToSent(e));
                    if (found.Count == MaxResults)
                    {
                        break;
                    }
                }
            });
        }

        return found;
    }

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Day(DateTime day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Inverted(DateTimeOffset time) => (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity Entity(SentEvent e) => new(Day(e.Time), $"{Inverted(e.Time)}|{e.Id}")
    {
        ["Id"] = e.Id,
        ["Type"] = e.Type,
        ["Subject"] = e.Subject,
        ["Time"] = e.Time,
        ["Data"] = e.Data.GetRawText(),
        ["DeliveredAt"] = e.DeliveredAt,
        ["Destinations"] = EventJson.Serialize(e.Destinations),
        ["Skipped"] = EventJson.Serialize(e.Skipped),
    };

    private static SentEvent ToSent(TableEntity e) => new(
        e.GetString("Id"),
        e.GetString("Type"),
        e.GetString("Subject"),
        e.GetDateTimeOffset("Time") ?? default,
        EventJson.Deserialize<System.Text.Json.JsonElement>(e.GetString("Data") ?? "null"),
        e.GetDateTimeOffset("DeliveredAt") ?? default,
        EventJson.Deserialize<List<string>>(e.GetString("Destinations") ?? "[]"),
        EventJson.Deserialize<List<string>>(e.GetString("Skipped") ?? "[]"));
}
