using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Finds the format of a file whose format was not given, a line at a time from its first lines, and
/// parses them meanwhile. A line is read in the format the lines before it pointed to; where that
/// format rejects it (or no line has pointed to one yet), in the format the line itself looks like
/// (<see cref="AutoLogFormat.Detect"/>), which the lines after it then try first. The first line
/// that is a record settles the format for the rest of the file.
/// </summary>
/// <remarks>
/// So the format of a file is not the guess of its first line alone, which real files often make
/// wrong: a container's start-up messages before a JSON access log, a first line cut by rotation or
/// <c>tail -c</c>, a banner like <c>#Created: ... by logrotate</c> (which reads as a W3C directive), a
/// note in JSON before NCSA lines. A line the format rejects is still malformed, with the error of
/// the format it was read in; nothing is dropped. A W3C file settles at its first data line, after
/// its directives, which the W3C parser takes as they come.
/// </remarks>
internal sealed class FormatFinder
{
    // One parser a format: a W3C parser keeps the #Fields: it has read.
    private readonly List<(LogFormat Format, LineParser Parser)> _parsers = [];
    private (LogFormat Format, LineParser Parser)? _current;
    private LineParser? _settled;
    private CommonLogFields _fields;

    /// <summary>The format the first record was in; null before that.</summary>
    public LogFormat? Settled { get; private set; }

    /// <summary>The format the lines so far point to, settled or not; null before the first line that is not blank.</summary>
    public LogFormat? Current => _current?.Format;

    /// <summary>Parses the next line of the file, as the format found so far reads it.</summary>
    public LineResult Parse(in LogLine line, out LogRecord? record, out string? error)
    {
        if (_settled is not null)
        {
            return _settled.Parse(line, out record, out error);
        }

        return Read(line, keep: true, out record, out error);
    }

    /// <summary>
    /// Reads the next line as <see cref="Parse"/> does, for what it says of the format only: no record
    /// is made where the format's parser can do without.
    /// </summary>
    public LineResult Test(in LogLine line) => Read(line, keep: false, out _, out _);

    private LineResult Read(in LogLine line, bool keep, out LogRecord? record, out string? error)
    {
        (record, error) = (null, null);
        if (LineParser.IsBlank(line.Bytes.Span))
        {
            return LineResult.Skipped;
        }

        LineResult result = LineResult.Malformed;
        if (_current is { } current)
        {
            result = Try(current.Parser, line, keep, out record, out error);
            if (result != LineResult.Malformed)
            {
                return Settle(result, current);
            }
        }

        LogFormat looks = AutoLogFormat.Detect(line.Bytes.Span);
        if (looks != _current?.Format)
        {
            (LogFormat Format, LineParser Parser) other = ParserOf(looks);
            LineResult otherResult = Try(other.Parser, line, keep, out LogRecord? otherRecord, out string? otherError);

            // The line's own format is kept to try first next time unless it did no better here (the
            // lines before pointed elsewhere, and this one may be noise).
            if (otherResult != LineResult.Malformed || _current is null)
            {
                _current = other;
                (result, record, error) = (otherResult, otherRecord, otherError);
            }
        }

        return _current is { } now ? Settle(result, now) : result;
    }

    private LineResult Try(LineParser parser, in LogLine line, bool keep, out LogRecord? record, out string? error)
    {
        if (keep || !parser.HasFields)
        {
            return parser.Parse(line, out record, out error);
        }

        record = null;
        return parser.ParseFields(line, ref _fields, out _, out error);
    }

    private LineResult Settle(LineResult result, (LogFormat Format, LineParser Parser) current)
    {
        if (result == LineResult.Record)
        {
            (Settled, _settled) = current;
        }

        return result;
    }

    private (LogFormat Format, LineParser Parser) ParserOf(LogFormat format)
    {
        foreach ((LogFormat Format, LineParser Parser) known in _parsers)
        {
            if (known.Format == format)
            {
                return known;
            }
        }

        (LogFormat Format, LineParser Parser) made = (format, format.CreateParser());
        _parsers.Add(made);
        return made;
    }
}
