using System.Diagnostics;
using LogLinq.Pipeline;
using LogLinq.Records;

namespace LogLinq.Cli.Simulate;

/// <summary>
/// A stand-in web server: appends a log's lines to a file at the pace they were first written, the
/// gaps between their timestamps divided by a speed factor, each line in one write so that a
/// follower never sees less than what a real server's write would give it.
/// </summary>
/// <param name="sources">The log files replayed, in order; compressed ones are read as they are.</param>
/// <param name="speed">How many times faster than the original; 0 for as fast as the disk takes them.</param>
/// <param name="output">The file appended to, created if missing, as a server's log is.</param>
internal sealed class LogSimulator(IReadOnlyList<string> sources, double speed, string output)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private long _linesWritten;

    /// <summary>How many lines are written so far. Safe to read from another thread.</summary>
    public long LinesWritten => Interlocked.Read(ref _linesWritten);

    /// <summary>Writes the lines; a cancellation stops it between two lines, the output ending in a whole line.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void Run(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(speed);
        using var stream = new FileStream(output, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            // Rotating the output while it runs (rename, delete, truncate) is what it is there to test.
            Share = FileShare.ReadWrite | FileShare.Delete,
            // One write per line, straight to the file: that is the flush.
            BufferSize = 0,
        });

        // The lines, and in step with them their records, for the times: the library's parser knows
        // every format, and a line that is not a record (a header, a malformed line) has no time and
        // goes out at once. Both read the same files in the same order.
        using IEnumerator<LogRecord> records = LogPipeline.Open(sources).Cat().Parse().GetEnumerator();
        bool hasRecord = records.MoveNext();
        var clock = Stopwatch.StartNew();
        DateTimeOffset? first = null;
        DateTimeOffset latest = default;
        byte[] buffer = new byte[4096];
        foreach (LogLine line in LogPipeline.Open(sources).Cat())
        {
            if (hasRecord && records.Current.LineNumber == line.Number && records.Current.File == line.File)
            {
                DateTimeOffset time = records.Current.Time;
                hasRecord = records.MoveNext();

                // Logs are written in order of completion, stamped with the time of arrival: a line
                // stamped before the one above it goes out at once rather than sending time backwards.
                first ??= time;
                latest = time > latest ? time : latest;
                WaitUntil(clock, speed == 0 ? TimeSpan.Zero : (latest - first.Value) / speed, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            int length = line.Bytes.Length + 1;
            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, buffer.Length * 2)];
            }

            line.Bytes.Span.CopyTo(buffer);
            buffer[length - 1] = (byte)'\n';
            stream.Write(buffer, 0, length);
            Interlocked.Increment(ref _linesWritten);
        }
    }

    /// <summary>
    /// Sleeps until <paramref name="due"/> on <paramref name="clock"/>: due times are kept from the
    /// start rather than as gaps from the last line, so the time spent writing does not add up.
    /// </summary>
    private static void WaitUntil(Stopwatch clock, TimeSpan due, CancellationToken cancellationToken)
    {
        for (TimeSpan wait = due - clock.Elapsed; wait > TimeSpan.Zero; wait = due - clock.Elapsed)
        {
            // In pieces: a gap of weeks in real time is longer than one wait can be.
            if (cancellationToken.WaitHandle.WaitOne(wait < MaxWait ? wait : MaxWait))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
