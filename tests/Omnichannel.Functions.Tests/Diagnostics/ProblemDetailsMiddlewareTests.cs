using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Functions.Diagnostics;
using Omnichannel.Functions.Tests.Support;

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
    public async Task Invoke_StorageUnreachable_Problem503WithRetryAfter()
    {
        var (context, http, _) = CreateHttpContext(correlationId: "outage-1");
        var refused = new Azure.RequestFailedException(0, "Connection refused", new HttpRequestException("Connection refused"));

        // What the SDK throws once its retries are spent: an AggregateException of transport failures.
        await CreateSut().Invoke(context, _ => throw new AggregateException("Retry failed after 6 tries.", refused, refused));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Invoke_StorageAnswered400_StillA500NotAnOutage()
    {
        var (context, http, _) = CreateHttpContext(correlationId: "bad-key-1");

        await CreateSut().Invoke(context, _ => throw new Azure.RequestFailedException(400, "OutOfRangeInput"));

        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.False(http.Response.Headers.ContainsKey("Retry-After"));
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
}
