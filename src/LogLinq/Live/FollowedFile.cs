using System.Buffers;
using LogLinq.Formats;
using LogLinq.Records;
using LogLinq.Sources;
using Microsoft.Win32.SafeHandles;

namespace LogLinq.Live;

/// <summary>
/// One file being followed: reads what was appended since the last look and hands out the lines
/// that are complete; a last line without its newline stays pending until the newline comes.
/// </summary>
/// <remarks>
/// The file is read through its open handle at explicit offsets, never reopened by name: a file that
/// is renamed or deleted while followed is still read to its end through the handle (Linux keeps an
/// unlinked file's data while it is open), which is what makes rotation lossless. A file truncated in
/// place (copy-truncate) is read again from its start: it is seen shorter than what was read, or, if
/// it has grown past that again by the next look, without the bytes last read where they were.
/// </remarks>
internal sealed class FollowedFile : IDisposable
{
    private const int ReadSize = 64 * 1024;

    /// <summary>How many of the last bytes read are kept to recognise the file by (see <see cref="IsRewritten"/>).</summary>
    private const int TailSize = 64;

    private readonly SafeFileHandle _handle;
    private readonly LogFormat _format;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
    private int _start;       // first byte not yet handed out
    private int _end;         // one past the last byte read
    private int _scanned;     // bytes from _start known to hold no newline
    private bool _passing;    // the bytes read are the rest of an over-long line, dropped as they come
    private long _position;   // the file offset of the next read
    private LineParser? _parser;
    private bool _startsAfterHead; // followed from its end: the parser is first given the file's head (FileHeadLines)
    private ReadOnlyMemory<byte> _line;
    private ReadOnlyMemory<byte>? _afterHole; // the text after a hole in the current line, still in _buffer before _start
    private readonly byte[] _tail = new byte[TailSize]; // the bytes just before _position
    private int _tailLength;

    private FollowedFile(string path, SafeFileHandle handle, FileIdentity identity, long position, LogFormat format)
    {
        Path = path;
        _handle = handle;
        Identity = identity;
        _position = position;
        _startsAfterHead = position > 0;
        _format = format;
        LastGrowth = Environment.TickCount64;
    }

    /// <summary>The path the file was found at; kept after a rename, as that is where its lines were written.</summary>
    public string Path { get; }

    /// <summary>Which file this is, whatever it is called now.</summary>
    public FileIdentity Identity { get; }

    /// <summary>
    /// The number of the current line: counted from the first line read, so it is the line number in
    /// the file only when the file was read from its start.
    /// </summary>
    public long LineNumber { get; private set; }

    /// <summary>The current line; its bytes are valid until the next read.</summary>
    public LogLine Line => new(Path, LineNumber, _line) { IsOverlong = IsOverlong };

    /// <summary>
    /// Whether the current line is longer than <see cref="LineReader.MaxLineLength"/>: passed over as
    /// <see cref="LineReader"/> does, without its bytes, and malformed.
    /// </summary>
    public bool IsOverlong { get; private set; }

    /// <summary>When bytes were last read from the file, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long LastGrowth { get; private set; }

    /// <summary>
    /// When the file stopped being at any path the globs match (rotated away or deleted), in
    /// <see cref="Environment.TickCount64"/> milliseconds; null while it is still there.
    /// </summary>
    public long? DetachedAt { get; set; }

    /// <summary>Whether the file is compressed: a rotated copy, not a log being written; it is never read.</summary>
    public bool IsCompressed { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> for following from its end (the start of its last, unfinished
    /// line) or from its start. Null when the file is gone by the time it is opened.
    /// </summary>
    /// <exception cref="LogSourceException">The file exists but cannot be read.</exception>
    public static FollowedFile? TryOpen(string path, bool atEnd, LogFormat format)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // rotated away between finding it and opening it; the next look finds its successor
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LogSourceException($"permission denied: {path}", path, null, e);
        }
        catch (IOException e)
        {
            throw new LogSourceException($"cannot open {path}: {e.Message}", path, null, e);
        }

        try
        {
            FileIdentity identity = FileIdentity.Of(handle);
            Span<byte> header = stackalloc byte[CompressionDetector.HeaderLength];
            bool compressed = IsCompressedHeader(header[..RandomAccess.Read(handle, header, 0)]);
            long position = atEnd && !compressed ? StartOfLastLine(handle) : 0;
            var file = new FollowedFile(path, handle, identity, position, format) { IsCompressed = compressed };
            file.KeepTailBeforeStart();
            return file;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Moves to the next complete line, reading more of the file if needed but no more than
    /// <paramref name="budget"/> bytes (which it decreases), so one busy file cannot starve the others.
    /// </summary>
    /// <returns>False when no complete line is available now.</returns>
    public bool TryReadLine(ref long budget)
    {
        if (_afterHole is { } afterHole)
        {
            (_line, _afterHole, IsOverlong) = (afterHole, null, false);
            return true;
        }

        while (true)
        {
            ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);

            // Only the bytes not searched yet: a long line arriving in small writes is scanned once.
            int newline = pending[_scanned..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += _scanned;
                int length = WithoutCarriageReturn(pending[..newline]);
                if (_passing || length > LineReader.MaxLineLength)
                {
                    SetOverlongLine(newline + 1);
                }
                else
                {
                    SetLine(length, newline + 1);
                }

                return true;
            }

            _scanned = pending.Length;

            // As in LineReader: a line that cannot end within the maximum is passed over, its bytes
            // dropped as they come until its newline does, so that a file of binary noise without
            // newlines cannot exhaust memory.
            if (_passing || pending.Length > LineReader.MaxLineLength + 1)
            {
                _passing = true;
                _start = _end = _scanned = 0;
            }

            if (IsCompressed || budget <= 0 || !Fill(ref budget))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Makes the unfinished last line, if any, the current line: for a file that will not grow any
    /// more (rotated away and quiet), whose last line will never get its newline.
    /// </summary>
    public bool TryTakeRest()
    {
        int length = _end - _start;
        if ((length == 0 && !_passing) || IsCompressed)
        {
            return false;
        }

        int line = WithoutCarriageReturn(_buffer.AsSpan(_start, length));
        if (_passing || line > LineReader.MaxLineLength)
        {
            SetOverlongLine(length);
        }
        else
        {
            SetLine(line, length);
        }

        return true;
    }

    /// <summary>Parses the current line with this file's parser (one per file: formats keep per-file state).</summary>
    public LineResult Parse(out LogRecord? record, out string? error)
    {
        if (IsOverlong)
        {
            (record, error) = (null, LineReader.OverlongReason);
            return LineResult.Malformed;
        }

        _parser ??= CreateParser();
        LineResult result = _parser.Parse(Line, out record, out error);
        if (result == LineResult.Malformed && LineHole.ParseAfter(_parser, Line, out LogLine rest, out _) != LineResult.Malformed)
        {
            // Zeros cut the line short: the text after them is the next line, under the same number
            // (see LineHole), handed out before anything more is read; this one is the cut text.
            (_afterHole, error) = (rest.Bytes, LineReader.CutReason);
        }

        return result;
    }

    /// <summary>
    /// This file's parser; for a file followed from its end, given the file's head first, so that a
    /// W3C or CSV header written before following started says what the new lines hold (and an
    /// automatic format is told from the first line, as a scan tells it). What the head parses to is
    /// not counted: its lines were not read as lines of the query.
    /// </summary>
    private LineParser CreateParser()
    {
        LineParser parser = _format.CreateParser();
        if (_startsAfterHead)
        {
            foreach ((long number, byte[] bytes) in FileHeadLines.Read(_handle))
            {
                parser.Parse(new LogLine(Path, number, bytes), out _, out _);
            }
        }

        return parser;
    }

    /// <summary>
    /// Whether a file starts like a compressed one: a rotated copy (access-log.2.gz) that the globs
    /// match too, whose lines were read when they were written to the live file.
    /// </summary>
    private static bool IsCompressedHeader(ReadOnlySpan<byte> header) =>
        !header.IsEmpty && CompressionDetector.Detect(header) != Compression.None;

    private static int WithoutCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line.Length - 1 : line.Length;

    private void SetLine(int length, int consumed)
    {
        _line = _buffer.AsMemory(_start, length);
        IsOverlong = false;
        _start += consumed;
        _scanned = 0;
        LineNumber++;
    }

    /// <summary>Makes an over-long line, the rest of which is the next <paramref name="consumed"/> bytes, the current line, without its bytes.</summary>
    private void SetOverlongLine(int consumed)
    {
        SetLine(0, consumed);
        IsOverlong = true;
        _passing = false;
    }

    private bool Fill(ref long budget)
    {
        if (_start > 0)
        {
            // Keep the unfinished line, move it to the front.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        else if (_end == _buffer.Length)
        {
            // A line longer than the buffer: grow rather than fail.
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, LineReader.MaxLineLength + ReadSize));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read = RandomAccess.Read(_handle, _buffer.AsSpan(_end), _position);
        if (read == 0)
        {
            // At the end, or past it: a file shorter than what was read has been truncated in place
            // (copy-truncate rotation), and what is in it now was written since. One exactly as long
            // as what was read may have been truncated and grown back to that length between two
            // looks (lines of equal length make that likely): its last bytes tell.
            long length = RandomAccess.GetLength(_handle);
            if (length > _position || (length == _position && !IsRewritten()))
            {
                return false;
            }

            Restart();
            return true;
        }

        if (IsRewritten())
        {
            Restart();
            return true;
        }

        if (_position == 0 && IsCompressedHeader(_buffer.AsSpan(_end, read)))
        {
            IsCompressed = true; // it was empty when opened: the compressor had not written yet
            return false;
        }

        _position += read;
        _end += read;
        budget -= read;
        LastGrowth = Environment.TickCount64;
        KeepTail(_buffer.AsSpan(_end - read, read));
        return true;
    }

    /// <summary>
    /// Whether the bytes last read are no longer where they were read: the file was truncated and has
    /// grown back to or past the old end since, between two looks. Checked when there is something new
    /// to read, and at the end of the file: one small read per look at a quiet file.
    /// </summary>
    private bool IsRewritten()
    {
        if (_tailLength == 0)
        {
            return false;
        }

        Span<byte> now = stackalloc byte[TailSize];
        int read = RandomAccess.Read(_handle, now[.._tailLength], _position - _tailLength);
        return !now[..read].SequenceEqual(_tail.AsSpan(0, _tailLength));
    }

    /// <summary>Remembers the bytes before where following starts, so a rewrite before the first read is seen too.</summary>
    private void KeepTailBeforeStart()
    {
        int length = (int)Math.Min(TailSize, _position);
        _tailLength = RandomAccess.Read(_handle, _tail.AsSpan(0, length), _position - length);
    }

    private void KeepTail(ReadOnlySpan<byte> read)
    {
        if (read.Length >= TailSize)
        {
            read[^TailSize..].CopyTo(_tail);
            _tailLength = TailSize;
            return;
        }

        int kept = Math.Min(_tailLength, TailSize - read.Length);
        _tail.AsSpan(_tailLength - kept, kept).CopyTo(_tail);
        read.CopyTo(_tail.AsSpan(kept));
        _tailLength = kept + read.Length;
    }

    /// <summary>Starts over at offset 0; a partial line held from before the truncation is dropped.</summary>
    private void Restart()
    {
        _position = 0;
        _start = _end = _scanned = _tailLength = 0;
        _passing = false;
        LineNumber = 0;
        _parser = null; // a W3C header, an auto-detected format: they are written again
        _startsAfterHead = false;
    }

    /// <summary>
    /// Where following from the end starts: after the last newline, so that a line being written when
    /// following starts is read whole once it is finished, rather than from its middle.
    /// </summary>
    private static long StartOfLastLine(SafeFileHandle handle)
    {
        long length = RandomAccess.GetLength(handle);
        long from = Math.Max(0, length - ReadSize);
        byte[] tail = ArrayPool<byte>.Shared.Rent(ReadSize);
        try
        {
            int read = RandomAccess.Read(handle, tail.AsSpan(0, (int)(length - from)), from);
            int newline = tail.AsSpan(0, read).LastIndexOf((byte)'\n');
            return newline >= 0 ? from + newline + 1
                : from == 0 ? 0
                : length; // a last line longer than the window: start at the end after all
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tail);
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _handle.Dispose();
        byte[] buffer = _buffer;
        _buffer = [];
        _line = default;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
