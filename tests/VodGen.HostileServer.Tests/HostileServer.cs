using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VodGen.HostileServer.Tests;

/// <summary>One request as the server read it off the wire.</summary>
/// <param name="Connection">Which connection it came on (0 for the first accepted).</param>
/// <param name="OnConnection">Its place on that connection (0 for the first).</param>
public sealed record HostileRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Connection, int OnConnection)
{
    /// <summary>The signature nonce, from the V3 header or the V1 form.</summary>
    public string Nonce => Headers.TryGetValue("x-acs-signature-nonce", out var header)
        ? header
        : Encoding.ASCII.GetString(Body).Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "SignatureNonce")?[1] ?? string.Empty;

    /// <summary>The operation, from the V3 header or the V1 form.</summary>
    public string Action => Headers.TryGetValue("x-acs-action", out var header)
        ? header
        : Encoding.ASCII.GetString(Body).Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "Action")?[1] ?? string.Empty;

    /// <summary>The request line, headers and body as text.</summary>
    public string Raw => $"{Method} {Target}\n{string.Join("\n", Headers.Select(h => h.Key + ": " + h.Value))}\n\n{Encoding.UTF8.GetString(Body)}";
}

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 (random port) written on raw sockets, so that a test can answer anything, or
/// nothing: the handler writes bytes to the connection and says whether to keep it open. Every request read is kept.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<HostileRequest, Stream, Task<bool>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HostileRequest> _requests = new();
    private readonly List<Task> _connections = new();
    private readonly Task _accepting;
    private int _connectionCount;

    /// <param name="handler">Answers a request by writing to the stream; returns true to keep the connection open.</param>
    public HostileServer(Func<HostileRequest, Stream, Task<bool>> handler)
    {
        _handler = handler;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<HostileRequest> Requests => _requests.ToArray();

    /// <summary>Writes a whole answer with <c>Content-Length</c>.</summary>
    public static async Task WriteAsync(Stream stream, int status, string body, string reason = "OK", string contentType = "application/json;charset=utf-8", params string[] headers)
        => await WriteAsync(stream, status, Encoding.UTF8.GetBytes(body), reason, contentType, headers);

    /// <summary>Writes a whole answer with <c>Content-Length</c>.</summary>
    public static async Task WriteAsync(Stream stream, int status, byte[] body, string reason = "OK", string contentType = "application/json;charset=utf-8", params string[] headers)
    {
        var head = new StringBuilder().Append("HTTP/1.1 ").Append(status).Append(' ').Append(reason).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception)
        {
        }

        Task[] connections;
        lock (_connections)
        {
            connections = _connections.ToArray();
        }

        await Task.WhenAny(Task.WhenAll(connections), Task.Delay(TimeSpan.FromSeconds(5)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var index = Interlocked.Increment(ref _connectionCount) - 1;
            lock (_connections)
            {
                _connections.Add(ServeAsync(client, index));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                for (var onConnection = 0; !_stop.IsCancellationRequested; onConnection++)
                {
                    var request = await ReadRequestAsync(stream, connection, onConnection, _stop.Token);
                    if (request is null)
                    {
                        return;
                    }

                    _requests.Enqueue(request);
                    if (!await _handler(request, stream))
                    {
                        // Close at once (RST where data is unread), as a crashing proxy would.
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private static async Task<HostileRequest?> ReadRequestAsync(Stream stream, int connection, int onConnection, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.Latin1.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return new HostileRequest(requestLine[0], requestLine[1], headers, body, connection, onConnection);
    }

    private static bool EndsWithBlankLine(List<byte> head)
        => head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
