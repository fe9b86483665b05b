using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Functions.Diagnostics;

namespace Omnichannel.Functions.Tests.Diagnostics;

public sealed class ProblemDetailsMiddlewareTests
{
    [Fact]
    public async Task Invoke_HttpFunctionThrows_Problem500WithCorrelationIdAndNoStackTrace()
    {
        var (context, http, body) = CreateHttpContext(correlationId: "order-42.retry_1");

        await CreateSut().Invoke(context, _ => throw new InvalidOperationException("secret detail at line 7"));

        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        Assert.Equal("order-42.retry_1", http.Response.Headers[ProblemDetailsMiddleware.CorrelationHeader].ToString());
        var text = System.Text.Encoding.UTF8.GetString(body.ToArray());
        using var problem = JsonDocument.Parse(text);
        Assert.Equal("order-42.retry_1", problem.RootElement.GetProperty("correlationId").GetString());
        Assert.DoesNotContain("secret detail", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnsaneCorrelationHeader_InvocationIdUsedInstead()
    {
        var (context, http, _) = CreateHttpContext(correlationId: "<script>");

        await CreateSut().Invoke(context, _ => Task.CompletedTask);

        Assert.Equal(context.InvocationId, http.Response.Headers[ProblemDetailsMiddleware.CorrelationHeader].ToString());
    }

    [Fact]
    public async Task Invoke_NotAnHttpFunction_FailureRethrownForTheHostToRetry()
    {
        var context = new FakeFunctionContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => CreateSut().Invoke(context, _ => throw new InvalidOperationException("queue handler failed")));
    }

    private static ProblemDetailsMiddleware CreateSut() => new(NullLogger<ProblemDetailsMiddleware>.Instance);

    private static (FakeFunctionContext Context, HttpContext Http, MemoryStream Body) CreateHttpContext(string correlationId)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = body;
        http.Request.Headers[ProblemDetailsMiddleware.CorrelationHeader] = correlationId;
        var context = new FakeFunctionContext();
        context.Items["HttpRequestContext"] = http;
        return (context, http, body);
    }

    /// <summary>The parts of a worker invocation the middleware reads.</summary>
    private sealed class FakeFunctionContext : FunctionContext
    {
        public override string InvocationId { get; } = Guid.NewGuid().ToString();

        public override string FunctionId => "fn-1";

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = null!;

        public override FunctionDefinition FunctionDefinition { get; } = new FakeDefinition();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }

    private sealed class FakeDefinition : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => "Omnichannel.Functions.dll";

        public override string EntryPoint => "Sample.Run";

        public override string Id => "fn-1";

        public override string Name => "Sample";

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
