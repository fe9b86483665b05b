using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Omnichannel.Events.Tests.Support;

/// <summary>
/// A real HTTP listener on 127.0.0.1 that answers the statuses it is given in turn (then the last one), and keeps
/// every request it received: raw body and headers, in arrival order.
/// </summary>
internal sealed class WebhookSubscriber : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<HttpStatusCode> _answers;
    private readonly HttpStatusCode _then;
    private readonly Task _loop;

    public WebhookSubscriber(IEnumerable<HttpStatusCode> answers, HttpStatusCode then = HttpStatusCode.OK)
    {
        _answers = new Queue<HttpStatusCode>(answers);
        _then = then;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            HttpStatusCode status;
            lock (_answers)
            {
                status = _answers.Count > 0 ? _answers.Dequeue() : _then;
            }

            Requests.Enqueue(new Received(body, headers, status));
            context.Response.StatusCode = (int)status;
            context.Response.Close();
        }
    }

    public sealed record Received(string Body, IReadOnlyDictionary<string, string> Headers, HttpStatusCode Answered);
}
