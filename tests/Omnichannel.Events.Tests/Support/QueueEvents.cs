using Azure.Messaging;
using Azure.Storage.Queues;

namespace Omnichannel.Events.Tests.Support;

/// <summary>Reads CloudEvents from a Storage queue destination.</summary>
internal static class QueueEvents
{
    public static async Task<List<CloudEvent>> ReadAllAsync(QueueClient queue)
    {
        if (!(await queue.ExistsAsync()).Value)
        {
            return [];
        }

        var events = new List<CloudEvent>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return events;
            }

            events.AddRange(batch.Select(m => CloudEvent.Parse(m.Body)!));
        }
    }
}
