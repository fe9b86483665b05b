using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Omnichannel.Events.Destinations;
using Omnichannel.Events.Dispatch;
using Omnichannel.Events.Model;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;

namespace Omnichannel.Events.History;

/// <summary>
/// The events' operations routes: <c>GET /api/events?subject=&amp;type=&amp;from=</c> (the history),
/// <c>GET /api/events/destinations</c> (each destination's state: failures, backoff, paused),
/// <c>POST /api/events/destinations/{name}/resume</c>; and the sweep timer <c>EventsOutboxSweep</c>.
/// </summary>
public sealed class EventsFunctions(EventJournalStore journal, DestinationStateStore states, OutboxDispatcher dispatcher, OutboxSweeper sweeper, TimeProvider time, ILogger<EventsFunctions> logger)
{
    public const int MaxSubjectLength = 256;

    [Function("EventsList")]
    public async Task<Results<Ok<EventList>, ProblemHttpResult>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "events")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpQuery.TryDateTimeOffset(request, "from", out var fromValue, out var badFrom))
        {
            return badFrom!;
        }

        var now = time.GetUtcNow();
        var from = fromValue ?? now.AddDays(-1);
        var errors = new FieldErrors();
        if (from < now - EventJournalStore.MaxAge || from > now)
        {
            errors.Add("from", $"Query parameter 'from' must be within the last {EventJournalStore.MaxAge.TotalDays} days and not in the future.");
        }

        var type = HttpQuery.String(request, "type");
        if (type is not null && !EventTypes.IsKnown(type))
        {
            errors.Add("type", $"Query parameter 'type' must be one of: {string.Join(", ", EventTypes.All)}.");
        }

        var subject = HttpQuery.String(request, "subject");
        if (subject is { Length: > MaxSubjectLength } || (subject is not null && subject.Any(char.IsControl)))
        {
            errors.Add("subject", $"Query parameter 'subject' must be at most {MaxSubjectLength} characters without control characters.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var events = await journal.QueryAsync(subject, type, from, now, cancellationToken);
        return TypedResults.Ok(new EventList(from, events.Count == EventJournalStore.MaxResults, events));
    }

    [Function("EventsDestinationsList")]
    public async Task<Ok<IReadOnlyList<DestinationState>>> DestinationsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/destinations")] HttpRequest request, CancellationToken cancellationToken)
    {
        var known = await states.ReadAllAsync(cancellationToken);
        IReadOnlyList<DestinationState> all = dispatcher.Destinations.Select(d => known.GetValueOrDefault(d.Name) ?? new DestinationState(d.Name)).ToList();
        return TypedResults.Ok(all);
    }

    [Function("EventsDestinationResume")]
    public async Task<Results<Ok<DestinationState>, ProblemHttpResult>> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "events/destinations/{name}/resume")] HttpRequest request, string name, CancellationToken cancellationToken)
    {
        if (dispatcher.Destinations.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)) is not { } destination)
        {
            return Problems.NotFound("destination", name);
        }

        return TypedResults.Ok(await states.ResumeAsync(destination.Name, cancellationToken));
    }

    [Function("EventsOutboxSweep")]
    public async Task SweepAsync([TimerTrigger("%Events:SweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var delivered = await sweeper.SweepAsync(cancellationToken);
        if (delivered > 0)
        {
            Log.Swept(logger, delivered);
        }
    }
}

/// <summary>The answer of GET /api/events: newest first, at most 200 (<see cref="Truncated"/> says there may be more).</summary>
public sealed record EventList(DateTimeOffset From, bool Truncated, IReadOnlyList<SentEvent> Events);
