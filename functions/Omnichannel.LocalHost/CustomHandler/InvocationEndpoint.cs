using System.Globalization;
using System.Text.Json;
using Omnichannel.Hosting.Declarations;
using Omnichannel.LocalHost.Diagnostics;

namespace Omnichannel.LocalHost.CustomHandler;

/// <summary>
/// <c>POST /{FunctionName}</c>: the Functions host invoking a timer or queue function of this custom
/// handler. A handler failure answers 500, so the host retries the message and, after its
/// <c>maxDequeueCount</c>, moves it to the poison queue.
/// </summary>
internal static class InvocationEndpoint
{
    /// <summary>The binding names the generated function.json files use.</summary>
    public const string TimerBinding = "timer";
    public const string QueueBinding = "message";

    public static IEndpointRouteBuilder MapInvocationEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/{functionName}", InvokeAsync);
        return endpoints;
    }

    internal static async Task<IResult> InvokeAsync(
        string functionName,
        InvocationRequest request,
        IEnumerable<FunctionDefinition> functions,
        IServiceProvider services,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var function = functions.FirstOrDefault(f => string.Equals(f.Name, functionName, StringComparison.OrdinalIgnoreCase));
        if (function is not (TimerFunction or QueueFunction))
        {
            return TypedResults.Problem(detail: $"No timer or queue function is named '{functionName}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            if (function is TimerFunction timer)
            {
                var handler = (ITimerHandler)scope.ServiceProvider.GetRequiredService(timer.HandlerType);
                await handler.RunAsync(TimerInvocationFrom(timer, request, time), cancellationToken);
            }
            else if (function is QueueFunction queue)
            {
                var handler = (IQueueHandler)scope.ServiceProvider.GetRequiredService(queue.HandlerType);
                await handler.HandleAsync(QueueInvocationFrom(queue, request), cancellationToken);
            }

            return TypedResults.Ok(new InvocationResponse([], [$"{function.Name} completed"], null));
        }
#pragma warning disable CA1031 // Every failure is reported to the host as a failed invocation.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.InvocationFailed(loggers.CreateLogger(typeof(InvocationEndpoint)), e, function.Name);
            return TypedResults.Json(new InvocationResponse([], [$"{function.Name} failed: {e.GetType().Name}"], null), statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    internal static TimerInvocation TimerInvocationFrom(TimerFunction function, InvocationRequest request, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (request.Data?.GetValueOrDefault(TimerBinding) is not { ValueKind: JsonValueKind.Object } timer)
        {
            return new TimerInvocation(function.Name, now, false, null);
        }

        var isPastDue = timer.TryGetProperty("IsPastDue", out var pastDue) && pastDue.ValueKind == JsonValueKind.True;
        DateTimeOffset? last = null;
        if (timer.TryGetProperty("ScheduleStatus", out var status) && status.ValueKind == JsonValueKind.Object &&
            status.TryGetProperty("Last", out var lastValue) && lastValue.TryGetDateTimeOffset(out var parsed))
        {
            last = parsed;
        }

        return new TimerInvocation(function.Name, now, isPastDue, last);
    }

    internal static QueueInvocation QueueInvocationFrom(QueueFunction function, InvocationRequest request)
    {
        var body = request.Data?.GetValueOrDefault(QueueBinding) is { } data
            ? data.ValueKind == JsonValueKind.String ? data.GetString() ?? string.Empty : data.GetRawText()
            : throw new BadHttpRequestException($"The invocation has no Data.{QueueBinding}.");
        var metadata = request.Metadata ?? [];
        var id = metadata.GetValueOrDefault("Id") is { ValueKind: JsonValueKind.String } idValue ? idValue.GetString() ?? string.Empty : string.Empty;
        var dequeueCount = metadata.GetValueOrDefault("DequeueCount") switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetInt64(),
            { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
            _ => 1,
        };
        DateTimeOffset? inserted = metadata.GetValueOrDefault("InsertionTime") is { ValueKind: JsonValueKind.String } t && t.TryGetDateTimeOffset(out var at) ? at : null;
        return new QueueInvocation(function.Name, function.QueueName, id, dequeueCount, inserted, body);
    }
}
