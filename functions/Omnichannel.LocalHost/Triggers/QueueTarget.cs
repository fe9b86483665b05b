using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.LocalHost.Functions;

namespace Omnichannel.LocalHost.Triggers;

/// <summary>A queue the local host listens to: a name, the queue, how it takes messages, and what one message runs.</summary>
public sealed record QueueTarget(string Name, string QueueName, QueueTriggerOptions Options, Func<IServiceProvider, QueueMessage, CancellationToken, Task> HandleAsync)
{
    public string PoisonQueueName => QueueName + "-poison";

    /// <summary>
    /// A <c>[QueueTrigger]</c> function, taking the message as a <see cref="QueueMessage"/>, a string or
    /// <see cref="BinaryData"/>, with the host-wide queue options of host.json.
    /// </summary>
    public static QueueTarget From(LocalFunction function, IConfiguration configuration, QueueTriggerOptions hostOptions)
    {
        ArgumentNullException.ThrowIfNull(function);
        var trigger = (QueueTriggerAttribute)function.TriggerAttribute;
        var type = function.Trigger.ParameterType;
        if (type != typeof(QueueMessage) && type != typeof(string) && type != typeof(BinaryData))
        {
            throw new UnsupportedFunctionException($"Function {function}: the queue trigger parameter must be a QueueMessage, string or BinaryData; it is {type.Name}.");
        }

        if (!string.IsNullOrEmpty(trigger.Connection) && trigger.Connection != "AzureWebJobsStorage")
        {
            throw new UnsupportedFunctionException($"Function {function}: the local host serves queues of the AzureWebJobsStorage connection only; it names '{trigger.Connection}'.");
        }

        var queue = BindingExpressions.Resolve(trigger.QueueName, configuration, function);
        var invoker = new FunctionInvoker(function);
        return new(function.Name, queue, hostOptions, (services, message, cancellationToken) =>
            invoker.InvokeAsync(new Invocation(services, _ => type == typeof(QueueMessage) ? message : type == typeof(string) ? message.Body.ToString() : message.Body, cancellationToken)));
    }
}
