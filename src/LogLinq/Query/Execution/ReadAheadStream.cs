using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// Reads a stream on a thread of its own, a few blocks ahead of the consumer, so that decompressing
/// one file and parsing it run on two cores at once. The queue is bounded: a slow consumer holds the
/// reader back instead of letting memory grow. Both sides block on plain waits, never on a task that
/// needs a thread-pool thread to wake them, so a busy pool cannot stall a scan.
/// </summary>
internal sealed class ReadAheadStream : ReadOnlyStream
{
    private const int BlockSize = 256 * 1024;
    private const int BlocksAhead = 4;

    private readonly BlockingCollection<(byte[] Block, int Length)> _blocks = new(BlocksAhead);
    private readonly ConcurrentBag<byte[]> _free = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _reader;
    private Exception? _failure;
    private byte[]? _current;
    private int _currentLength;
    private int _currentPosition;

    public ReadAheadStream(Stream source)
    {
        _reader = new Thread(() => Pump(source)) { IsBackground = true, Name = "LogLinq read-ahead" };
        _reader.Start();
    }

    private void Pump(Stream source)
    {
        try
        {
            using (source)
            {
                while (true)
                {
                    byte[] block = _free.TryTake(out byte[]? reused) ? reused : new byte[BlockSize];
                    int length = Fill(source, block);
                    if (length == 0)
                    {
                        break;
                    }

                    _blocks.Add((block, length), _stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The consumer stopped early.
        }
        catch (Exception e)
        {
            // Handed to the consumer after the blocks read before it, so no record is lost.
            _failure = e;
        }
        finally
        {
            _blocks.CompleteAdding();
        }
    }

    /// <summary>
    /// Reads until <paramref name="block"/> is full or the stream ends. When the stream fails (a
    /// damaged file), the bytes read into the block before it are queued before the failure is
    /// passed on, so that the lines before the damage are read, as they are without reading ahead.
    /// </summary>
    private int Fill(Stream source, byte[] block)
    {
        int length = 0;
        try
        {
            while (length < block.Length)
            {
                int read = source.Read(block, length, block.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && length > 0)
        {
            _blocks.Add((block, length), _stop.Token);
            throw;
        }

        return length;
    }

    public override int Read(Span<byte> buffer)
    {
        while (_current is null || _currentPosition == _currentLength)
        {
            if (_current is not null)
            {
                _free.Add(_current);
                _current = null;
            }

            if (!_blocks.TryTake(out (byte[] Block, int Length) next, Timeout.Infinite))
            {
                if (_failure is not null)
                {
                    ExceptionDispatchInfo.Capture(_failure).Throw();
                }

                return 0;
            }

            (_current, _currentLength, _currentPosition) = (next.Block, next.Length, 0);
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
            _reader.Join();
            _blocks.Dispose();
            _stop.Dispose();
        }

        base.Dispose(disposing);
    }
}
