using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
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
    private LogFormat? _format;
    private LineParser? _parser;
    private bool _requireCombined;

    // What a collector wrote before each NCSA line, found on the first this scan meets that is not
    // blank (a part that starts mid-file finds it on its own first line); null until then.
    private LinePrefix? _prefix;

    // NCSA lines inside Docker's JSON: each unescaped into this buffer, then parsed from it.
    private bool _docker;
    private byte[] _unwrapped = [];
    private CommonLogFields _fields;
    private readonly LogRecord _view = new();
    private long _records;
    private long _malformed;
    private readonly List<MalformedLine> _samples = [];
    private ulong[]? _newlines;
    private ulong[]? _spaces;
    private ulong[]? _quotes;
    private int[]? _quotesBefore;
    private int _afterHole = -1; // see Unparsed

    /// <summary>The most a <see cref="ScanBlock"/> takes at once: its masks stay in the first-level cache.</summary>
    public const int BlockSize = 64 * 1024;

    /// <param name="query">What every line goes through.</param>
    /// <param name="file">The file scanned.</param>
    /// <param name="knownFormat">The file's format, when an earlier part of it found it; null to detect it.</param>
    public FileScan(ScanQuery query, string file, LogFormat? knownFormat)
    {
        _query = query;
        _file = file;
        if (knownFormat is not null)
        {
            Use(knownFormat);
        }
    }

    /// <summary>
    /// The header lines in force at this point of the scan (W3C's <c>#Fields:</c>, a CSV header), or
    /// null where the format has none or none was read (see <see cref="LineParser.Headers"/>).
    /// </summary>
    public HeaderLines? Headers => _parser?.Headers;

    /// <summary>
    /// Gives the parser header lines read elsewhere, before the scan's own lines: the file's head for
    /// a range that starts past it, or the header found in force there. They are not counted as lines
    /// of the scan. The format must be known (a range's is).
    /// </summary>
    public void ReadHeaders(IEnumerable<byte[]> lines)
    {
        foreach (byte[] line in lines)
        {
            _parser!.Parse(new LogLine(_file, 0, line), out _, out _);
        }
    }

    /// <summary>
    /// The literal every passing line holds, once the file is known to be in an NCSA format and its
    /// lines not inside Docker's JSON (other formats escape characters, so their raw lines cannot be
    /// searched); null when there is none. The reader can then skip to the lines that hold it, as grep does.
    /// </summary>
    public byte[]? SkipLiteral => _format is not null && _parser is null && _prefix is not null && !_docker ? _query.RequiredLiteral : null;

    /// <summary>
    /// Whether whole blocks of lines can go to <see cref="ScanBlock"/>: once the file is known to be in
    /// an NCSA format whose lines carry no <see cref="LinePrefix"/> (those go a line at a time, so
    /// that the block loop of every other log has no test for one), and when no literal lets the
    /// reader skip lines.
    /// </summary>
    public bool ScansBlocks => _format is not null && _parser is null && _prefix == LinePrefix.None && !_docker && _query.RequiredLiteral is null;

    /// <summary>
    /// Whether the file's format (and for an NCSA format, its lines' prefix) is still to be found from
    /// the first line of this scan that is not blank.
    /// </summary>
    public bool NeedsFormat
    {
        // Asked at every line of a line-at-a-time scan.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _format is null || (_parser is null && _prefix is null);
    }

    /// <summary>
    /// Finds the format (and an NCSA format's line prefix) from <paramref name="lines"/> (whole lines,
    /// the first of this scan): when it is not known, from the first of them (<see cref="FormatDetector"/>),
    /// else from the first that is not blank; nothing when all are blank. An NCSA log's first lines then go through
    /// <see cref="ScanBlock"/> like the rest, and a scan that takes only blocks never compiles the
    /// line-at-a-time path.
    /// </summary>
    public void DetectFormat(ReadOnlySpan<byte> lines)
    {
        if (_format is null && _query.Format == LogFormat.Auto)
        {
            // From the first lines, not the first alone (FormatDetector); the lines' wrapping from the
            // line that settled it.
            if (FormatDetector.Detect(lines, wholeFile: true, out ReadOnlySpan<byte> sample) is { } detected)
            {
                if (ErrorLogLine.Kind(sample) is { } kind)
                {
                    // No line of the head is a record, and the first is a server's error log's.
                    PassOver(lines, sample, kind);
                    return;
                }

                Use(detected);
                TryUseFormatOf(sample);
            }

            return;
        }

        while (!lines.IsEmpty)
        {
            int newline = lines.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? lines : lines[..newline];
            line = line[..LineReader.WithoutCarriageReturn(line)];
            if (TryUseFormatOf(line))
            {
                return;
            }

            lines = newline < 0 ? default : lines[(newline + 1)..];
        }
    }

    /// <summary>
    /// Whether <see cref="DetectFormat"/> found the file is not an access log but a web server's error
    /// log: none of its lines is read, and the report names it once (in strict mode it is the first
    /// malformed line), rather than count every line of it malformed.
    /// </summary>
    public bool SkipsFile { get; private set; }

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
        if (NeedsFormat && !TryUseFormatOf(bytes))
        {
            return false;
        }

        if (_parser is null)
        {
            // (Docker's JSON escapes characters: its raw line is not searched for the literal.)
            if (_docker)
            {
                return TryDockerRow(bytes, number, out row);
            }

            byte[]? literal = _query.RequiredLiteral;
            if (literal is not null && bytes.IndexOf(literal) < 0)
            {
                return false;
            }

            (byte[] buffer, int start) = reader.CurrentLocation;
            return TryRawRow(bytes, buffer, start, number, default, out row);
        }
        else
        {
            ReadOnlyMemory<byte> text = reader.CurrentMemory;
            LineResult result = TryParse(new LogLine(_file, number, text), out row, out string? error);
            if (result == LineResult.Malformed)
            {
                // Zeros that cut a line short: the text after them is the line (see LineHole), and
                // the line as read is one malformed line, cut or not.
                while (result == LineResult.Malformed && LineHole.TryFind(text.Span, out int rest))
                {
                    text = text[rest..];
                    result = TryParse(new LogLine(_file, number, text), out row, out _);
                }

                Malformed(number, result == LineResult.Malformed ? error ?? "malformed line" : LineReader.CutReason);
            }

            if (result != LineResult.Record)
            {
                return false;
            }

            _records++;
        }

        return Passes(ref row);
    }

    /// <summary>A line of a format with a parser of its own, as a row when it is a record.</summary>
    private LineResult TryParse(LogLine line, out Row row, out string? error)
    {
        LineResult result;
        if (_parser!.HasFields)
        {
            // JSON lines, logfmt, W3C: the values, copied out of the line, are read as an NCSA line's are.
            result = _parser.ParseFields(line, ref _fields, out ArraySegment<byte> text, out error);
            row = result == LineResult.Record ? new Row(text, text.Array!, text.Offset, ref _fields, _view, _file, line.Number) : default;
        }
        else
        {
            result = _parser.Parse(line, out LogRecord? record, out error);
            row = result == LineResult.Record ? new Row(record!) : default;
        }

        return result;
    }

    /// <summary>
    /// Counts a line the reader passed over for being longer than <see cref="LineReader.MaxLineLength"/>
    /// as malformed (or throws, in strict mode), as <see cref="TryRow"/> would a line it could not
    /// parse: an <see cref="OverlongLineHandler"/>. <paramref name="number"/> is as <see cref="TryRow"/> takes it.
    /// </summary>
    public void Overlong(long number, long offset) => Malformed(number, LineReader.OverlongReason);

    /// <summary>
    /// Counts the text of a line that a hole of zeros cut short as malformed (or throws, in strict
    /// mode): a <see cref="CutLineHandler"/>. <paramref name="number"/> is as <see cref="TryRow"/> takes it.
    /// </summary>
    public void Cut(long number, long offset) => Malformed(number, LineReader.CutReason);

    /// <summary>Whether lines are tested by a pushed-down predicate; without one, every parsed line counts.</summary>
    public bool HasPredicate => _query.Predicate is not null;

    /// <summary>
    /// Scans a block of whole lines into <paramref name="state"/>, as <see cref="TryRow"/> and the
    /// aggregate would one line at a time; see <see cref="ScanBlock{TSink}"/>.
    /// </summary>
    public (int Bytes, int Lines) ScanBlock(scoped in LineBlock block, long firstNumber, PartialAggregate state, long stopOffset)
    {
        var rows = new RowSink(this, state, block.Buffer);
        return ScanBlock(block, firstNumber, ref rows, stopOffset);
    }

    /// <summary>
    /// Scans a block of whole lines into <paramref name="sink"/>, with the block's newlines, spaces and
    /// quotes marked (and its quotes counted) in one pass first, so finding a line and its fields is
    /// bit scans. Malformed lines are counted as <see cref="TryRow"/> counts them. Stops before a line that starts at or after
    /// <paramref name="stopOffset"/> (the end of a range). <paramref name="firstNumber"/> is the first
    /// line's number as <see cref="TryRow"/> takes it. Returns the bytes and lines taken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int Bytes, int Lines) ScanBlock<TSink>(scoped in LineBlock block, long firstNumber, ref TSink sink, long stopOffset)
        where TSink : struct, ILineSink
    {
        ReadOnlySpan<byte> bytes = block.Lines;
        if (bytes.IsEmpty || bytes[^1] != '\n')
        {
            // The newline search below ends at the block's last newline, and must find one there.
            ThrowNotWholeLines();
        }

        int chunks = StructuralMasks.WindowedChunks(bytes.Length);
        if (_newlines is null || _newlines.Length < chunks)
        {
            ReleaseMasks();
            int size = Math.Max(chunks, StructuralMasks.WindowedChunks(BlockSize));
            (_newlines, _spaces, _quotes, _quotesBefore) =
                (ArrayPool<ulong>.Shared.Rent(size), ArrayPool<ulong>.Shared.Rent(size), ArrayPool<ulong>.Shared.Rent(size), ArrayPool<int>.Shared.Rent(size));
        }

        Span<ulong> newlines = _newlines.AsSpan(0, chunks);
        Span<ulong> spaces = _spaces.AsSpan(0, chunks);
        Span<ulong> quotes = _quotes.AsSpan(0, chunks);
        Span<int> quotesBefore = _quotesBefore!.AsSpan(0, chunks);
        StructuralMasks.MarkBlock(bytes, newlines[..^1], spaces[..^1], quotes[..^1], quotesBefore);

        int stop = (int)Math.Min(bytes.Length, stopOffset - block.Offset);
        int start = 0;
        int lines = 0;
        var masks = new LineMasks(spaces, quotes, 0, bytes.Length, quotesBefore);
        while (start < stop)
        {
            // The next newline, a window of the mask at a time from the line's start: most lines
            // end in the first or the second, where a word at a time left the loop after one word
            // or two, as the line happened to fall.
            int newline = start;
            ulong window;
            while ((window = StructuralMasks.Window(newlines, newline)) == 0)
            {
                newline += StructuralMasks.WindowBits;
            }

            newline += BitOperations.TrailingZeroCount(window);

            long number = firstNumber + lines;
            ReadOnlySpan<byte> line = bytes[start..newline];
            line = line[..LineReader.WithoutCarriageReturn(line)];
            // The same masks, moved to the line (TryParseRaw may move them past its noise).
            masks.MoveTo(start, line.Length);
            if (TryParseRaw(ref line, number, LinePrefix.None, ref masks, out int noise))
            {
                sink.Accept(line, block.Start + start + noise, number, ref _fields);
            }
            else if (_afterHole >= 0)
            {
                AcceptAfterHole(ref sink, line, block.Start + start + noise, number, TakeAfterHole());
            }

            start = newline + 1;
            lines++;
        }

        return (start, lines);
    }

    [DoesNotReturn]
    private static void ThrowNotWholeLines() => throw new ArgumentException("A block holds whole lines, each ending in a newline.");

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
        passes = Passes(ref row);
        return true;
    }

    /// <summary>
    /// Gives back the buffers the block scan marks lines in, once the scan's lines are all read: a
    /// scan is kept to the end of a query for its counts (<see cref="Flush"/>), and a query over
    /// thousands of small files would otherwise hold thousands of them.
    /// </summary>
    public void ReleaseMasks()
    {
        if (_newlines is not null)
        {
            ArrayPool<ulong>.Shared.Return(_newlines);
            ArrayPool<ulong>.Shared.Return(_spaces!);
            ArrayPool<ulong>.Shared.Return(_quotes!);
            ArrayPool<int>.Shared.Return(_quotesBefore!);
            (_newlines, _spaces, _quotes, _quotesBefore) = (null, null, null, null);
        }
    }

    /// <summary>
    /// Adds this scan's counts to the shared report. <paramref name="lineBase"/> turns the line numbers
    /// of a part that started mid-file into the file's own.
    /// </summary>
    public void Flush(long lineBase)
    {
        _query.Report?.Add(_file, _records, _malformed, _samples.Select(s => s with { LineNumber = s.LineNumber + lineBase }), _malformed > 0 ? ReadAs() : null);
        _records = 0;
        _malformed = 0;
        _samples.Clear();
    }

    /// <summary>
    /// Parses an NCSA line (at <paramref name="start"/> in <paramref name="buffer"/>, its spaces and quotes
    /// in <paramref name="masks"/> when marked) into a row that passes the predicate; counts it, or
    /// counts it malformed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryRawRow(ReadOnlySpan<byte> line, byte[] buffer, int start, long number, LineMasks masks, out Row row)
    {
        if (!TryParseRaw(ref line, number, _prefix ?? LinePrefix.None, ref masks, out int noise))
        {
            int skip = _afterHole >= 0 ? TakeAfterHole() : -1;
            if (skip < 0)
            {
                row = default;
                return false;
            }

            line = line[skip..];
            noise += skip;
        }

        row = new Row(line, buffer, start + noise, ref _fields, _view, _file, number);
        return Passes(ref row);
    }

    /// <summary>
    /// An NCSA line inside Docker's JSON: unescaped into a buffer of this scan's, whose row is then
    /// valid until the next line, as a row over the reader's buffer is.
    /// </summary>
    private bool TryDockerRow(ReadOnlySpan<byte> line, long number, out Row row)
    {
        row = default;
        if (LineParser.IsBlank(line))
        {
            return false;
        }

        ReadOnlySpan<byte> text = line[LineNoise.Length(line)..];
        if (!DockerLogLine.TryUnwrap(text, ref _unwrapped, out int length, out string? error))
        {
            Malformed(number, error!);
            return false;
        }

        return TryRawRow(_unwrapped.AsSpan(0, length), _unwrapped, 0, number, default, out row);
    }

    /// <summary>
    /// Parses an NCSA line into <see cref="_fields"/> and counts it, or counts it malformed (a blank
    /// line is neither). <paramref name="line"/> and <paramref name="masks"/> lose the line's noise
    /// (a byte order mark, a copy-truncate's zeros) and its <paramref name="prefix"/>, if it has one:
    /// <paramref name="noise"/> bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryParseRaw(ref ReadOnlySpan<byte> line, long number, LinePrefix prefix, ref LineMasks masks, out int noise)
    {
        noise = LineNoise.Length(line);
        if (prefix != LinePrefix.None)
        {
            noise += LinePrefixReader.Length(line[noise..], prefix);
        }

        if (noise > 0)
        {
            line = line[noise..];
            masks = masks.Skip(noise);
        }

        if (!CommonLogParser.TryParseInto(line, ref _fields, _requireCombined, _query.SplitsRequest, out string? error, masks))
        {
            Unparsed(line, number, prefix, masks, error!);
            return false;
        }

        _records++;
        return true;
    }

    /// <summary>
    /// A line that did not parse: counted malformed (a blank one is not), unless zeros cut it short
    /// (<see cref="LineHole"/>). Then the text before them is counted cut, and the text after them
    /// is parsed as the line, under the same number, into <see cref="_fields"/>: where it starts in
    /// <paramref name="line"/> is left in <see cref="_afterHole"/> for the caller to take the record.
    /// </summary>
    // Out of line, and told nothing back but through a field: the block scan's loop inlines
    // TryParseRaw, and the line's locals there stay as they were for the lines that parse.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Unparsed(ReadOnlySpan<byte> line, long number, LinePrefix prefix, LineMasks masks, string error)
    {
        int skipped = 0;
        while (LineHole.TryFind(line[skipped..], out int rest))
        {
            skipped += rest;
            skipped += prefix == LinePrefix.None ? 0 : LinePrefixReader.Length(line[skipped..], prefix);
            if (CommonLogParser.TryParseInto(line[skipped..], ref _fields, _requireCombined, _query.SplitsRequest, out _, masks.Skip(skipped)))
            {
                Malformed(number, LineReader.CutReason);
                _records++;
                _afterHole = skipped;
                return;
            }
        }

        // No record after any zeros (binary noise has zeros too): one malformed line, as it was read.
        if (!LineParser.IsBlank(line))
        {
            Malformed(number, error);
        }
    }

    /// <summary>
    /// Where in a line that did not parse the record after a hole starts (<see cref="Unparsed"/>), read
    /// once: -1 when there is none.
    /// </summary>
    private int TakeAfterHole()
    {
        int skip = _afterHole;
        _afterHole = -1;
        return skip;
    }

    /// <summary>Hands <paramref name="sink"/> the record after a hole, <paramref name="skip"/> bytes into <paramref name="line"/>, at <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AcceptAfterHole<TSink>(ref TSink sink, ReadOnlySpan<byte> line, int start, long number, int skip)
        where TSink : struct, ILineSink =>
        sink.Accept(line[skip..], start + skip, number, ref _fields);

    private bool Passes(ref Row row) => _query.Predicate is null || _query.Predicate.Test(ref row);

    /// <summary>
    /// Takes the file's format from <paramref name="line"/>, the first of this scan that is not blank,
    /// unless an earlier part found it, and an NCSA format's line prefix (or Docker's JSON around its
    /// lines, which <see cref="TryDockerRow"/> takes off); false for a blank line.
    /// </summary>
    private bool TryUseFormatOf(ReadOnlySpan<byte> line)
    {
        if (LineParser.IsBlank(line))
        {
            return false;
        }

        if (_format is null)
        {
            Use(_query.Format == LogFormat.Auto ? AutoLogFormat.Detect(line) : _query.Format);
        }

        if (_parser is null)
        {
            // NCSA lines inside Docker's JSON have escaped quotes: unescaped a line at a time.
            (_docker, _prefix) = UnwrappingLineParser.WrappingOf(line[LineNoise.Length(line)..]);
        }

        return true;
    }

    /// <summary>
    /// Whether the scan goes on after <paramref name="failure"/>, a failure to open or read this file
    /// (a compressed file cut short while it is still being written, or damaged; one logrotate deleted
    /// since the glob found it, or one not readable): when the query lets it
    /// (<see cref="ScanQuery.SkipDamagedFiles"/>), the lines before the damage stay read, the report
    /// names the file, and the scan goes on with the next file.
    /// </summary>
    public bool PassesOver(LogSourceException failure)
    {
        if (!_query.SkipDamagedFiles || failure.Path != _file)
        {
            return false;
        }

        // The message names the file first, as every LogSourceException does. Position says how far
        // reading got; none, when the file was not opened.
        string reason = failure.Message.StartsWith(_file + ": ", StringComparison.Ordinal) ? failure.Message[(_file.Length + 2)..] : failure.Message;
        _query.Report?.AddDamagedFile(new SkippedFile(_file, failure.Position is null ? $"{reason} (not read)" : $"{reason} (read up to there)"));
        return true;
    }

    // What the malformed lines were taken for, for the notice that no line was a record.
    private string? ReadAs() => _format is null ? null
        : _query.Format == LogFormat.Auto ? $"{_format.Name}, the format its first lines looked like"
        : $"{_format.Name}, as the query names it";

    private void PassOver(ReadOnlySpan<byte> head, ReadOnlySpan<byte> first, string kind)
    {
        string reason = $"{kind}, not an access log";
        if (_query.Strict)
        {
            head.Overlaps(first, out int offset);
            throw new MalformedLogException(new MalformedLine(_file, head[..offset].Count((byte)'\n') + 1, reason));
        }

        SkipsFile = true;
        _query.Report?.AddOtherLog(new SkippedFile(_file, reason));
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

    /// <summary>Each line as a row, tested and handed to an aggregate: what every aggregate can take.</summary>
    private readonly struct RowSink(FileScan scan, PartialAggregate state, byte[] buffer) : ILineSink
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Accept(ReadOnlySpan<byte> line, int start, long number, ref CommonLogFields fields)
        {
            var row = new Row(line, buffer, start, ref fields, scan._view, scan._file, number);
            if (scan.Passes(ref row))
            {
                state.Accept(ref row);
            }
        }
    }
}
