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
    private LogRecord? _record;

    public Row(ReadOnlySpan<byte> line, ref CommonLogFields fields, string file, long lineNumber)
    {
        Line = line;
        _fields = ref fields;
        IsRaw = true;
        File = file;
        LineNumber = lineNumber;
    }

    public Row(LogRecord record)
    {
        _record = record;
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
}
