using LogLinq.Sources;
using System.Threading.Channels;

namespace LogLinq.Query.Execution;

/// <summary>
/// Reads a stream on a thread of its own, a few blocks ahead of the consumer, so that decompressing
/// one file and parsing it run on two cores at once. The queue is bounded: a slow consumer holds the
/// reader back instead of letting memory grow.
/// </summary>
internal sealed class ReadAheadStream : ReadOnlyStream
{
    private const int BlockSize = 256 * 1024;
    private const int BlocksAhead = 4;

    private readonly Channel<(byte[] Block, int Length)> _blocks =
        Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(BlocksAhead) { SingleReader = true, SingleWriter = true });

    private readonly Channel<byte[]> _free = Channel.CreateUnbounded<byte[]>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private byte[]? _current;
    private int _currentLength;
    private int _currentPosition;
    private bool _done;

    public ReadAheadStream(Stream source)
    {
        _reader = Task.Factory.StartNew(
            () => Pump(source), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Pump(Stream source)
    {
        try
        {
            using (source)
            {
                while (!_stop.IsCancellationRequested)
                {
                    byte[] block = _free.Reader.TryRead(out byte[]? reused) ? reused : new byte[BlockSize];
                    int length = source.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
                    if (length == 0)
                    {
                        break;
                    }

                    if (!_blocks.Writer.WaitToWriteAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
                    {
                        break;
                    }

                    _blocks.Writer.TryWrite((block, length));
                }
            }

            _blocks.Writer.TryComplete();
        }
        catch (OperationCanceledException)
        {
            _blocks.Writer.TryComplete();
        }
        catch (Exception e)
        {
            // Handed to the consumer after the blocks read before it, so no record is lost.
            _blocks.Writer.TryComplete(e);
        }
    }

    public override int Read(Span<byte> buffer)
    {
        while (_current is null || _currentPosition == _currentLength)
        {
            if (_current is not null)
            {
                _free.Writer.TryWrite(_current);
                _current = null;
            }

            if (_done)
            {
                return 0;
            }

            try
            {
                if (!_blocks.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    _done = true;
                    return 0;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _done = true;
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
            }

            if (_blocks.Reader.TryRead(out (byte[] Block, int Length) next))
            {
                (_current, _currentLength, _currentPosition) = (next.Block, next.Length, 0);
            }
        }

        int n = Math.Min(buffer.Length, _currentLength - _currentPosition);
        _current.AsSpan(_currentPosition, n).CopyTo(buffer);
        _currentPosition += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            while (_blocks.Reader.TryRead(out _))
            {
            }

            try
            {
                _reader.Wait();
            }
            catch (AggregateException)
            {
                // The consumer is gone; the reader's error has no one to tell.
            }

            _stop.Dispose();
        }

        base.Dispose(disposing);
    }
}
