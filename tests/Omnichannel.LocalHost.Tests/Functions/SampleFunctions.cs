using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Omnichannel.LocalHost.Tests.Functions;

/// <summary>What the sample functions saw, for the tests to assert on.</summary>
public sealed class SampleCalls
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Seen { get; } = new();

    /// <summary>Released once per call.</summary>
    public SemaphoreSlim Signal { get; } = new(0);

    public void Record(string call)
    {
        Seen.Enqueue(call);
        Signal.Release();
    }
}

/// <summary>Functions of the shapes the local host serves.</summary>
public sealed class SampleFunctions(SampleCalls calls)
{
    [Function("SampleGet")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "samples/{name}/{count:int}")] HttpRequest request, string name, int count) =>
        TypedResults.Ok(new { name, count, query = request.Query["q"].ToString() });

    /// <summary>A typed route value without a route constraint: a value that does not convert reaches the binder.</summary>
    [Function("SampleCount")]
    public IResult Count([HttpTrigger(AuthorizationLevel.Function, "get", Route = "samples/count/{count}")] HttpRequest request, int count) =>
        TypedResults.Ok(new { count });

    [Function("SampleAdmin")]
    public Task<IResult> AdminAsync([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "samples/admin")] HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IResult>(TypedResults.NoContent());

    [Function("SampleDefaultRoute")]
    public IResult DefaultRoute([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest request) => TypedResults.Text(request.Method);

    [Function("SampleQueue")]
    public Task HandleAsync([QueueTrigger("%Samples:Queue%")] QueueMessage message, CancellationToken cancellationToken)
    {
        calls.Record($"{message.Body}#{message.DequeueCount}");
        return Task.CompletedTask;
    }

    [Function("SampleTimer")]
    public void Tick([TimerTrigger("%Samples:Schedule%")] TimerInfo timer) => calls.Record($"tick past-due={timer.IsPastDue} next={timer.ScheduleStatus?.Next:O}");
}

/// <summary>Shapes the local host refuses; each test discovers only the one it needs.</summary>
public sealed class TwoTriggerFunctions
{
    [Function("TwoTriggers")]
    public void Run([HttpTrigger] HttpRequest request, [QueueTrigger("q")] string message)
    {
    }
}

public sealed class UnboundParameterFunctions
{
    [Function("NeedsAService")]
    public IResult Run([HttpTrigger(Route = "x")] HttpRequest request, SampleCalls calls) => TypedResults.Ok();
}

public sealed class WrongReturnFunctions
{
    [Function("ReturnsAString")]
    public string Run([HttpTrigger(Route = "y")] HttpRequest request) => "no";
}

public sealed class DuplicateNameFunctions
{
    [Function("SampleGet")]
    public IResult Run([HttpTrigger(Route = "z")] HttpRequest request) => TypedResults.Ok();
}

/// <summary>A method reached through two types: its parameters are distinct ParameterInfo objects per reflected type.</summary>
public class BaseTimerFunctions
{
    [Function("InheritedTimer")]
    public void Tick([TimerTrigger("0 0 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
    }
}

public sealed class DerivedTimerFunctions : BaseTimerFunctions;
