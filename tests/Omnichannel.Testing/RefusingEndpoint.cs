using System.Net;
using System.Net.Sockets;
using Omnichannel.LocalHost.LocalStorage;

namespace Omnichannel.Testing;

/// <summary>
/// A loopback port this test owns where every connection is closed at once, as a storage endpoint that is down
/// does: nothing else can answer there. Disposing stops it.
/// </summary>
public sealed class RefusingEndpoint : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _refusing;

    public RefusingEndpoint()
    {
        _listener.Start();
        _refusing = RefuseAsync();
    }

    /// <summary>A storage connection string whose blob, queue and table endpoints all point here.</summary>
    public string ConnectionString => new AzuritePorts(Port, Port, Port).ConnectionString;

    /// <summary>This endpoint as an http URL, for any other service that is never there.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}");

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _refusing;
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task RefuseAsync()
    {
        try
        {
            while (true)
            {
                using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                socket.Close(0);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
