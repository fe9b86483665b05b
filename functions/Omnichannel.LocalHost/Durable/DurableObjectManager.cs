using DurableTask.Core;

namespace Omnichannel.LocalHost.Durable;

/// <summary>Gives DTFx a fresh orchestration or activity object per work item, by name (versions are not used).</summary>
internal sealed class DurableObjectManager<T>(Func<string, T?> create) : INameVersionObjectManager<T>
{
    public void Add(ObjectCreator<T> creator) =>
        throw new NotSupportedException("The local durable engine registers its functions from the [Function] methods only.");

    public T? GetObject(string name, string? version) => create(name);
}
