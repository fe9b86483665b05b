namespace Omnichannel.Hosting.Declarations;

/// <summary>
/// Handles one queue message. Delivery is at least once: a handler that throws sees the message again,
/// up to the function's <see cref="QueueTriggerOptions.MaxDequeueCount"/>, then it goes to the poison queue.
/// </summary>
public interface IQueueHandler
{
    Task HandleAsync(QueueInvocation message, CancellationToken cancellationToken);
}

/// <summary>One delivery of a queue message.</summary>
/// <param name="FunctionName">The queue function.</param>
/// <param name="QueueName">The queue it came from.</param>
/// <param name="MessageId">Storage message id, stable across deliveries.</param>
/// <param name="DequeueCount">1 on the first delivery.</param>
/// <param name="InsertedOn">When the message was queued, if known.</param>
/// <param name="Body">The message text.</param>
public sealed record QueueInvocation(string FunctionName, string QueueName, string MessageId, long DequeueCount, DateTimeOffset? InsertedOn, string Body);
