using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// What DTFx runs for an orchestrator function: it builds the shim on the first <see cref="Execute"/> of an
/// episode, once <see cref="ParentInstanceMiddleware"/> has told it the parent (DTFx creates the orchestration object
/// before the middleware sees the runtime state, and the shim takes the parent only at construction). It owns the
/// DI scope of the episode, disposed by the middleware when the episode ends.
/// </summary>
internal sealed class FunctionOrchestration(DurableFunction function, IServiceScopeFactory scopes, DurableTaskShimFactory shims, DataConverter converter)
    : TaskOrchestration, IAsyncDisposable
{
    private TaskOrchestration? shim;
    private AsyncServiceScope? scope;

    /// <summary>Set by the middleware before the episode runs; null for a top-level instance.</summary>
    public ParentOrchestrationInstance? Parent { get; set; }

    public override Task<string> Execute(OrchestrationContext context, string input)
    {
        if (this.shim is null)
        {
            this.scope = scopes.CreateAsyncScope();
            var orchestrator = new FunctionOrchestrator(function, this.scope.Value.ServiceProvider, input, converter);
            this.shim = shims.CreateOrchestration(new TaskName(function.Name), orchestrator, this.Parent);
        }

        return this.shim.Execute(context, input);
    }

    public override string GetStatus() => this.shim?.GetStatus()!;

    public override void RaiseEvent(OrchestrationContext context, string name, string input) => this.shim?.RaiseEvent(context, name, input);

    public async ValueTask DisposeAsync()
    {
        if (this.scope is { } owned)
        {
            this.scope = null;
            await owned.DisposeAsync();
        }
    }
}
