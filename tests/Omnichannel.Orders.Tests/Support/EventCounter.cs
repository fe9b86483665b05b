using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Orders.Tests.Support;

/// <summary>A logger provider that counts log events by event id (e.g. 5000, "order flow started").</summary>
public sealed class EventCounter : ILoggerProvider
{
    private readonly ConcurrentDictionary<int, int> _counts = new();

    public int this[int eventId] => _counts.GetValueOrDefault(eventId);

    public ILogger CreateLogger(string categoryName) => new Counting(this);

    public void Dispose()
    {
    }

    private sealed class Counting(EventCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._counts.AddOrUpdate(eventId.Id, 1, (_, n) => n + 1);
    }
}
