using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Sync.Tests.Support;

/// <summary>A channel API on a local Kestrel port: records each request (method, path, body) and answers from <see cref="Handler"/>, else 200 <c>{}</c>.</summary>
public sealed class FakeHttpChannel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeHttpChannel(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, string Body)> Requests { get; } = new();

    /// <summary>Completes with the first PUT received.</summary>
    public TaskCompletionSource<(string Path, string Body)> FirstPut { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Computes the answer (status, JSON body) to a request; null answers 200 <c>{}</c>.</summary>
    public Func<(string Method, string Path, string Body), (int Status, string Body)?>? Handler { get; set; }

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<FakeHttpChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new FakeHttpChannel(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = (context.Request.Method, context.Request.Path.Value ?? string.Empty, await reader.ReadToEndAsync());
            channel.Requests.Enqueue(request);
            var (status, body) = channel.Handler?.Invoke(request) ?? (200, "{}");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
            if (request.Method == "PUT")
            {
                channel.FirstPut.TrySetResult((request.Item2, request.Item3));
            }
        });
        await app.StartAsync();
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
