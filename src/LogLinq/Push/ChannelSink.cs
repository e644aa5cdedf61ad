using System.Collections;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace LogLinq.Push;

/// <summary>
/// A sink that is read as a sequence: the bridge from the push side back to the pull side. Items
/// pushed on one thread are enumerated on another, through a bounded channel: when the reader falls
/// behind by <c>capacity</c> items, <see cref="Sink{T}.Push"/> blocks until it catches up, so a slow
/// reader holds the producer back instead of letting memory grow.
/// </summary>
/// <remarks>
/// The sequence ends when the sink is completed, and throws the error it is failed with. It can be
/// enumerated once, with <c>foreach</c> or with <see cref="ReadAllAsync"/>. A reader that stops early (leaves its <c>foreach</c>) releases the producer:
/// <see cref="Sink{T}.Push"/> returns false from then on, so the producer stops instead of waiting
/// forever for room.
/// </remarks>
/// <typeparam name="T">The items pushed and read.</typeparam>
public sealed class ChannelSink<T> : Sink<T>, IEnumerable<T>
{
    private readonly Channel<T> _channel;
    private readonly CancellationToken _cancellationToken;
    private int _claimed;
    private volatile bool _abandoned;

    /// <summary>Creates the sink.</summary>
    /// <param name="capacity">How many items may wait for the reader before the producer blocks; at least 1.</param>
    /// <param name="cancellationToken">Cancels a producer blocked for room and a reader waiting for items, with <see cref="OperationCanceledException"/>.</param>
    public ChannelSink(int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        _cancellationToken = cancellationToken;
    }

    /// <inheritdoc/>
    protected override bool OnPush(T item)
    {
        if (_abandoned)
        {
            return false;
        }

        if (_channel.Writer.TryWrite(item))
        {
            return true;
        }

        try
        {
            // The back-pressure: the producer waits here while the channel is full.
            _channel.Writer.WriteAsync(item, _cancellationToken).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (ChannelClosedException)
        {
            return false; // the reader stopped while the producer waited
        }
    }

    /// <inheritdoc/>
    protected override void OnComplete() => _channel.Writer.TryComplete();

    /// <inheritdoc/>
    protected override void OnFail(Exception error) => _channel.Writer.TryComplete(error);

    /// <summary>Reads the items as they are pushed, blocking while there are none.</summary>
    /// <exception cref="InvalidOperationException">The sink is already being read.</exception>
    public IEnumerator<T> GetEnumerator()
    {
        Claim();
        return Read();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Reads the items as they are pushed, awaiting while there are none. A method rather than
    /// <see cref="IAsyncEnumerable{T}"/> on the sink itself, as <c>ChannelReader.ReadAllAsync</c> is: a
    /// type that is both kinds of sequence makes every LINQ operator on it ambiguous.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sink is already being read.</exception>
    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        Claim();
        return ReadAsync(cancellationToken);
    }

    private void Claim()
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            throw new InvalidOperationException("A ChannelSink can be read only once.");
        }
    }

    private IEnumerator<T> Read()
    {
        ChannelReader<T> reader = _channel.Reader;
        try
        {
            do
            {
                while (reader.TryRead(out T? item))
                {
                    // Cancelled, the reader stops at once rather than deliver what is still queued.
                    _cancellationToken.ThrowIfCancellationRequested();
                    yield return item;
                }
            }
            // Throws the error the sink was failed with, once the items before it are read.
            while (reader.WaitToReadAsync(_cancellationToken).AsTask().GetAwaiter().GetResult());
        }
        finally
        {
            Abandon();
        }
    }

    private async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
        ChannelReader<T> reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(both.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out T? item))
                {
                    both.Token.ThrowIfCancellationRequested();
                    yield return item;
                }
            }
        }
        finally
        {
            Abandon();
        }
    }

    /// <summary>The reader is gone: release a producer waiting for room, and let go of what it left.</summary>
    private void Abandon()
    {
        _abandoned = true;
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out _))
        {
        }
    }
}
