using System.Collections.Concurrent;

namespace VodGen.Emulator.Queues;

/// <summary>A message handed out by a receive: its ID, body, the handle that deletes it, and how often it was received.</summary>
internal sealed record ReceivedMessage(string MessageId, string Body, string ReceiptHandle, DateTimeOffset EnqueueTime, DateTimeOffset NextVisibleTime, DateTimeOffset FirstDequeueTime, int DequeueCount);

/// <summary>A message deleted from a queue, with how many times it had been received.</summary>
/// <param name="Queue">The queue's name.</param>
/// <param name="MessageId">The message.</param>
/// <param name="DequeueCount">How many times it was received before it was deleted.</param>
public sealed record EmulatorQueueDeletion(string Queue, string MessageId, int DequeueCount);

/// <summary>A request the queue front answered.</summary>
/// <param name="Method">GET (receive) or DELETE.</param>
/// <param name="Queue">The queue named in the path.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Code">The MNS error code, for errors.</param>
public sealed record EmulatorQueueRequest(string Method, string Queue, int Status, string? Code);

/// <summary>
/// Message queues of the MNS (Simple Message Queue) kind, served on the API port under <c>/queues/</c>: VOD writes
/// event notifications to one when the callback type is MNS. A received message is hidden for the queue's visibility
/// timeout and comes back unless it is deleted with the receipt handle of its latest receive; long polls wait for a
/// message up to the seconds they ask. Requests are signed as MNS requires (checked against the emulator's keys).
/// </summary>
public sealed class EmulatorQueues
{
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Queue> _queues = new(StringComparer.Ordinal);
    private readonly object _faultGate = new();
    private (int Count, int Status, string Code) _fault;

    internal EmulatorQueues(TimeProvider clock) => _clock = clock;

    /// <summary>The requests the queue front answered (the latest 10,000), in order.</summary>
    public ConcurrentQueue<EmulatorQueueRequest> Requests { get; } = new();

    internal void Record(EmulatorQueueRequest request)
    {
        Requests.Enqueue(request);
        while (Requests.Count > 10_000 && Requests.TryDequeue(out _))
        {
        }
    }

    /// <summary>Every message deleted, in order.</summary>
    public ConcurrentQueue<EmulatorQueueDeletion> Deletions { get; } = new();

    /// <summary>Creates a queue (again: keeps it) whose received messages stay hidden for <paramref name="visibilityTimeout"/> (30 s by default).</summary>
    /// <exception cref="ArgumentException">The name is not a queue name (letters, digits and hyphens, at most 120) or the timeout is not 1 s to 12 h.</exception>
    public void CreateQueue(string name, TimeSpan? visibilityTimeout = null)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 120 || !char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{name}' is not a queue name: letters, digits and hyphens, starting with a letter, at most 120.", nameof(name));
        }

        var timeout = visibilityTimeout ?? TimeSpan.FromSeconds(30);
        if (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromHours(12))
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), timeout, "The visibility timeout must be from 1 second to 12 hours.");
        }

        _queues.TryAdd(name, new Queue(timeout));
    }

    /// <summary>Whether the queue exists.</summary>
    public bool Exists(string name) => _queues.ContainsKey(name);

    /// <summary>Writes a message to a queue, as VOD does with an event; returns its ID.</summary>
    /// <exception cref="ArgumentException">There is no such queue.</exception>
    public string Send(string queueName, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var queue = Find(queueName) ?? throw new ArgumentException($"The emulator has no queue '{queueName}' (CreateQueue first).", nameof(queueName));
        return queue.Add(body, _clock.GetUtcNow());
    }

    /// <summary>The messages a queue holds (visible or hidden), not yet deleted.</summary>
    public int Count(string queueName) => Find(queueName)?.Count ?? 0;

    /// <summary>Whether a queue still holds the message (it was not deleted).</summary>
    public bool Holds(string queueName, string messageId) => Find(queueName)?.Holds(messageId) ?? false;

    /// <summary>Answers the next <paramref name="count"/> queue requests with an error (throttling is 429 <c>Throttling</c>, an outage 503 <c>ServiceUnavailable</c>).</summary>
    public void FailNext(int count, int status = 503, string code = "ServiceUnavailable")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_faultGate)
        {
            _fault = (count, status, code);
        }
    }

    /// <summary>The injected failure for this request, if one is due.</summary>
    internal (int Status, string Code)? TakeFault()
    {
        lock (_faultGate)
        {
            if (_fault.Count == 0)
            {
                return null;
            }

            _fault.Count--;
            return (_fault.Status, _fault.Code);
        }
    }

    internal Queue? Find(string name) => _queues.TryGetValue(name, out var queue) ? queue : null;

    /// <summary>Takes up to <paramref name="max"/> visible messages, waiting up to <paramref name="wait"/> for one to come.</summary>
    internal async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(Queue queue, int max, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = _clock.GetUtcNow() + wait;
        while (true)
        {
            var now = _clock.GetUtcNow();
            var (taken, signal, nextVisible) = queue.Take(max, now);
            if (taken.Count > 0 || now >= deadline)
            {
                return taken;
            }

            // Wake for a new message, a hidden one coming back, or the end of the wait, whichever is first.
            var until = nextVisible is { } visible && visible < deadline ? visible : deadline;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(until - now, _clock, stop.Token);
            await Task.WhenAny(signal, delay).ConfigureAwait(false);
            stop.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Deletes by receipt handle; false when the handle is not the message's latest or its message came back or went.</summary>
    internal bool Delete(string queueName, Queue queue, string receiptHandle)
    {
        if (!queue.Delete(receiptHandle, _clock.GetUtcNow(), out var deleted))
        {
            return false;
        }

        Deletions.Enqueue(new EmulatorQueueDeletion(queueName, deleted.Id, deleted.DequeueCount));
        return true;
    }

    /// <summary>One queue: its messages in the order they were sent, under one lock.</summary>
    internal sealed class Queue(TimeSpan visibilityTimeout)
    {
        private readonly List<Entry> _messages = [];
        private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count
        {
            get
            {
                lock (_messages)
                {
                    return _messages.Count;
                }
            }
        }

        public bool Holds(string messageId)
        {
            lock (_messages)
            {
                return _messages.Exists(m => m.Id == messageId);
            }
        }

        public string Add(string body, DateTimeOffset now)
        {
            var entry = new Entry(Guid.NewGuid().ToString("N").ToUpperInvariant(), body, now) { VisibleAt = now };
            TaskCompletionSource arrived;
            lock (_messages)
            {
                _messages.Add(entry);
                arrived = _arrived;
                _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            arrived.TrySetResult();
            return entry.Id;
        }

        public (List<ReceivedMessage> Taken, Task Arrived, DateTimeOffset? NextVisible) Take(int max, DateTimeOffset now)
        {
            var taken = new List<ReceivedMessage>();
            lock (_messages)
            {
                DateTimeOffset? nextVisible = null;
                foreach (var m in _messages)
                {
                    if (m.VisibleAt > now)
                    {
                        nextVisible = nextVisible is { } n && n < m.VisibleAt ? n : m.VisibleAt;
                        continue;
                    }

                    if (taken.Count == max)
                    {
                        break;
                    }

                    m.DequeueCount++;
                    m.FirstDequeue ??= now;
                    m.VisibleAt = now + visibilityTimeout;

                    // A new handle per receive: the one of an earlier receive no longer deletes the message.
                    m.Receipt = Guid.NewGuid().ToString("N").ToUpperInvariant();
                    taken.Add(new ReceivedMessage(m.Id, m.Body, m.Receipt, m.Enqueued, m.VisibleAt, m.FirstDequeue.Value, m.DequeueCount));
                }

                return (taken, _arrived.Task, nextVisible);
            }
        }

        public bool Delete(string receipt, DateTimeOffset now, out Entry deleted)
        {
            lock (_messages)
            {
                var index = _messages.FindIndex(m => m.Receipt == receipt && m.VisibleAt > now);
                deleted = index < 0 ? null! : _messages[index];
                if (index >= 0)
                {
                    _messages.RemoveAt(index);
                }

                return index >= 0;
            }
        }
    }

    internal sealed class Entry(string id, string body, DateTimeOffset enqueued)
    {
        public string Id { get; } = id;

        public string Body { get; } = body;

        public DateTimeOffset Enqueued { get; } = enqueued;

        public DateTimeOffset VisibleAt { get; set; }

        public DateTimeOffset? FirstDequeue { get; set; }

        public int DequeueCount { get; set; }

        public string? Receipt { get; set; }
    }
}
