using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Query.Execution;

/// <summary>
/// One line during a scan, before (and usually instead of) a <see cref="LogRecord"/>. For the NCSA
/// formats it is the raw bytes and the field ranges; a record is made only when something needs one.
/// For other formats it wraps the record the format's parser made.
/// </summary>
internal ref struct Row
{
    private readonly ref CommonLogFields _fields;
    private readonly byte[]? _buffer;
    private readonly int _start;
    private LogRecord? _record;
    private LogRecord? _view;
    private bool _viewBound;

    /// <summary>A raw line: <paramref name="line"/> is <paramref name="buffer"/> from <paramref name="start"/>.</summary>
    public Row(ReadOnlySpan<byte> line, byte[] buffer, int start, ref CommonLogFields fields, LogRecord view, string file, long lineNumber)
    {
        Line = line;
        _buffer = buffer;
        _start = start;
        _fields = ref fields;
        _view = view;
        IsRaw = true;
        File = file;
        LineNumber = lineNumber;
    }

    public Row(LogRecord record)
    {
        _record = record;
        _view = record;
        File = record.File;
        LineNumber = record.LineNumber;
    }

    /// <summary>The raw line; empty unless <see cref="IsRaw"/>.</summary>
    public readonly ReadOnlySpan<byte> Line { get; }

    /// <summary>The field ranges of the raw line; only valid when <see cref="IsRaw"/>.</summary>
    public readonly ref CommonLogFields Fields => ref _fields;

    public readonly bool IsRaw { get; }

    public readonly string File { get; }

    /// <summary>The line number; relative to the start of the scanned part until the part's base is known.</summary>
    public readonly long LineNumber { get; }

    /// <summary>The row as a record that owns a copy of its bytes, made on first use.</summary>
    public LogRecord Record => _record ??= new LogRecord(Line.ToArray(), Fields, File, LineNumber);

    /// <summary>
    /// The row as a record that borrows the reader's buffer: valid during this row only, for code that
    /// reads fields and keeps nothing (the planner decides). No copy, no allocation.
    /// </summary>
    public LogRecord View
    {
        get
        {
            if (_record is not null)
            {
                return _record;
            }

            if (!_viewBound)
            {
                _view!.Bind(_buffer!, _start, Line.Length, Fields, File, LineNumber);
                _viewBound = true;
            }

            return _view!;
        }
    }

}
