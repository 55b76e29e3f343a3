using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VodGen.Runtime.Tests.Credentials;

/// <summary>A real HTTP server on 127.0.0.1 and a free port, for sources the default chain builds with its own HTTP client.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private HttpListener _listener = null!;
    private readonly Func<HttpListenerRequest, (int Status, string Body)> _answer;
    private int _requests;

    public LoopbackServer(Func<HttpListenerRequest, (int Status, string Body)> answer)
    {
        _answer = answer;

        // A free port may be taken by another process between the probe and the start: try another, a few times.
        for (var attempt = 1; ; attempt++)
        {
            Uri = new Uri($"http://127.0.0.1:{FreePort()}/");
            _listener = new HttpListener();
            _listener.Prefixes.Add(Uri.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Close();
            }
        }

        _ = ServeAsync();
    }

    public Uri Uri { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose() => _listener.Close();

    /// <summary>A port on 127.0.0.1 that nothing listens on (connections are refused at once).</summary>
    public static int FreePort()
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

            Interlocked.Increment(ref _requests);
            var (status, body) = _answer(context.Request);
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

/// <summary>A listener on 127.0.0.1 that accepts connections and never answers: what a metadata address off ECS is like.</summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = new();
    private int _connections;

    public SilentServer()
    {
        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    public Uri Uri { get; }

    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _listener.Stop();
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref _connections);
                lock (_held)
                {
                    _held.Add(client);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }
}
