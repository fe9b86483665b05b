using Cronos;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.LocalHost.Functions;

namespace Omnichannel.LocalHost.Triggers;

/// <summary>A timer the local host runs: a name, its NCRONTAB schedule, and what one tick runs in a DI scope.</summary>
public sealed record TimerTarget(string Name, string Schedule, bool RunOnStartup, Func<IServiceProvider, TimerInvocation, CancellationToken, Task> RunAsync)
{
    /// <summary>A <c>[TimerTrigger]</c> function; its <see cref="TimerInfo"/> says whether the tick is past due.</summary>
    public static TimerTarget From(LocalFunction function, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(function);
        var trigger = (TimerTriggerAttribute)function.TriggerAttribute;
        if (function.Trigger.ParameterType != typeof(TimerInfo))
        {
            throw new UnsupportedFunctionException($"Function {function}: the timer trigger parameter must be a TimerInfo.");
        }

        var schedule = BindingExpressions.Resolve(trigger.Schedule, configuration, function);
        var invoker = new FunctionInvoker(function);
        return new(function.Name, schedule, trigger.RunOnStartup, (services, tick, cancellationToken) =>
        {
            var next = TryParse(schedule)?.GetNextOccurrence(tick.ScheduledFor.UtcDateTime, TimeZoneInfo.Utc) ?? default;
            var info = new TimerInfo
            {
                IsPastDue = tick.IsPastDue,
                ScheduleStatus = new ScheduleStatus { Last = tick.Last?.UtcDateTime ?? default, Next = next, LastUpdated = tick.ScheduledFor.UtcDateTime },
            };
            return invoker.InvokeAsync(new Invocation(services, _ => info, cancellationToken));
        });
    }

    private static CronExpression? TryParse(string schedule) =>
        CronExpression.TryParse(schedule, CronFormat.IncludeSeconds, out var cron) ? cron : null;
}
