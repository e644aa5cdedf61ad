using System.Runtime.CompilerServices;
using LogLinq.Formats;
using LogLinq.Interchange;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// The per-line work of a scan over one file (or one part of it): detect the format, skip lines the
/// literal pre-filter rules out, parse, count malformed lines, and test the pushed-down predicate.
/// NCSA lines stay raw bytes; other formats go through their parser to a record.
/// </summary>
internal sealed class FileScan
{
    private readonly ScanQuery _query;
    private readonly string _file;
    private readonly bool _fromFileStart;
    private LogFormat? _format;
    private LineParser? _parser;
    private bool _requireCombined;
    private CommonLogFields _fields;
    private readonly LogRecord _view = new();
    private long _records;
    private long _malformed;
    private readonly List<MalformedLine> _samples = [];

    /// <param name="query">What every line goes through.</param>
    /// <param name="file">The file scanned.</param>
    /// <param name="knownFormat">The file's format, when an earlier part of it found it; null to detect it.</param>
    /// <param name="fromFileStart">Whether the first line scanned is the file's first, which may start with a byte order mark.</param>
    public FileScan(ScanQuery query, string file, LogFormat? knownFormat, bool fromFileStart = true)
    {
        _query = query;
        _file = file;
        _fromFileStart = fromFileStart;
        if (knownFormat is not null)
        {
            Use(knownFormat);
        }
    }

    /// <summary>
    /// The literal every passing line holds, once the file is known to be in an NCSA format (other
    /// formats escape characters, so their raw lines cannot be searched); null when there is none.
    /// The reader can then skip to the lines that hold it, as grep does.
    /// </summary>
    public byte[]? SkipLiteral => _format is not null && _parser is null ? _query.RequiredLiteral : null;

    /// <summary>
    /// The row for the reader's current line when it is a record that passes the predicate.
    /// Malformed lines are counted (or thrown, in strict mode). <paramref name="number"/> is the
    /// line's number, relative to the start of the part when the part began mid-file.
    /// </summary>
    // Per line: optimised from the first call, since tiering would run the first tenth of a second of
    // a scan (much of a short one) unoptimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRow(LineReader reader, long number, out Row row)
    {
        ReadOnlySpan<byte> bytes = reader.Current;
        row = default;
        if (_format is null)
        {
            if (IsBlank(bytes))
            {
                return false;
            }

            Use(_query.Format == LogFormat.Auto ? AutoLogFormat.Detect(bytes) : _query.Format);
        }

        if (_parser is null)
        {
            byte[]? literal = _query.RequiredLiteral;
            if (literal is not null && bytes.IndexOf(literal) < 0)
            {
                return false;
            }

            int noise = LineNoise.Length(bytes, number == 1 && _fromFileStart);
            bytes = bytes[noise..];
            if (!CommonLogParser.TryParseInto(bytes, ref _fields, _requireCombined, _query.SplitsRequest, out string? error))
            {
                if (!IsBlank(bytes))
                {
                    Malformed(number, error!);
                }

                return false;
            }

            _records++;
            (byte[] buffer, int start) = reader.CurrentLocation;
            row = new Row(bytes, buffer, start + noise, ref _fields, _view, _file, number);
        }
        else
        {
            switch (_parser.Parse(new LogLine(_file, number, reader.CurrentMemory), out LogRecord? record, out string? error))
            {
                case LineResult.Record:
                    _records++;
                    row = new Row(record!);
                    break;
                case LineResult.Malformed:
                    Malformed(number, error ?? "malformed line");
                    return false;
                default:
                    return false;
            }
        }

        return _query.Predicate is null || _query.Predicate.Test(ref row);
    }

    /// <summary>
    /// Reads the decoder's next record into a row over its bytes (valid until the next read), and
    /// tests it; false at the end of the stream.
    /// </summary>
    public bool TryDecode(RecordDecoder decoder, out Row row, out bool passes)
    {
        row = default;
        passes = false;
        if (!decoder.TryReadFields(ref _fields, out string? file, out long line))
        {
            return false;
        }

        _records++;
        row = new Row(decoder.Body, decoder.Buffer, decoder.BodyStart, ref _fields, _view, file!, line);
        passes = _query.Predicate is null || _query.Predicate.Test(ref row);
        return true;
    }

    /// <summary>
    /// Adds this scan's counts to the shared report. <paramref name="lineBase"/> turns the line numbers
    /// of a part that started mid-file into the file's own.
    /// </summary>
    public void Flush(long lineBase)
    {
        _query.Report?.Add(_file, _records, _malformed, _samples.Select(s => s with { LineNumber = s.LineNumber + lineBase }));
        _records = 0;
        _malformed = 0;
        _samples.Clear();
    }

    private void Use(LogFormat format)
    {
        _format = format;
        if (format is CommonLogFormat common)
        {
            _requireCombined = common.RequireCombined;
        }
        else
        {
            _parser = format.CreateParser();
        }
    }

    private void Malformed(long number, string reason)
    {
        var malformed = new MalformedLine(_file, number, reason);
        if (_query.Strict)
        {
            throw new MalformedLogException(malformed);
        }

        _malformed++;
        if (_samples.Count < ParseReport.MaxSamples)
        {
            _samples.Add(malformed);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.TrimStart(" \t"u8).IsEmpty;
}
