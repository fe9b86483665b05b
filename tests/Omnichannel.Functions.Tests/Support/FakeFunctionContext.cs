using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Omnichannel.Functions.Tests.Support;

/// <summary>The parts of a worker invocation the middlewares read: its trigger binding and binding data.</summary>
internal sealed class FakeFunctionContext(string triggerType = "httpTrigger", IReadOnlyDictionary<string, object?>? bindingData = null) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => "fn-1";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext { get; } = new FakeBindingContext(bindingData ?? new Dictionary<string, object?>());

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = null!;

    public override FunctionDefinition FunctionDefinition { get; } = new FakeDefinition(triggerType);

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class FakeBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    private sealed class FakeDefinition(string triggerType) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => "Omnichannel.Functions.dll";

        public override string EntryPoint => "Sample.Run";

        public override string Id => "fn-1";

        public override string Name => "Sample";

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
            ImmutableDictionary<string, BindingMetadata>.Empty.Add("trigger", new FakeBinding(triggerType));

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class FakeBinding(string type) : BindingMetadata
    {
        public override string Name => "trigger";

        public override string Type => type;

        public override BindingDirection Direction => BindingDirection.In;
    }
}
