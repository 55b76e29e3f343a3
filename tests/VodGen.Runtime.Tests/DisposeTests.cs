namespace VodGen.Runtime.Tests;

/// <summary>Item 10: disposing the client while calls wait for a rate-limit permit.</summary>
public sealed class DisposeTests
{
    [Fact]
    public async Task Callers_waiting_for_a_permit_get_ObjectDisposedException_when_the_client_is_disposed()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        var client = TestClients.Create(handler, o => o.Throttling.Limits["Echo"] = 1);
        var operation = new EchoOperation();
        await client.SendAsync(operation, new EchoRequest("first"));

        var waiting = Enumerable.Range(0, 50).Select(i => client.SendAsync(operation, new EchoRequest("w" + i))).ToArray();
        await Task.Delay(100);
        client.Dispose();

        foreach (var call in waiting)
        {
            var exception = await Record.ExceptionAsync(() => call).WaitAsync(TimeSpan.FromSeconds(10));
            if (exception is not null)
            {
                var disposed = Assert.IsType<ObjectDisposedException>(exception);
                Assert.DoesNotContain("already waiting", disposed.Message, StringComparison.Ordinal);
            }
        }

        Assert.True(handler.Count <= 2, $"{handler.Count} calls were sent");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.SendAsync(operation, new EchoRequest("after")));
    }
}
