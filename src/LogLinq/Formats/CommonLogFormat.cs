using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>The NCSA Common and Combined formats, parsed by <see cref="CommonLogParser"/>.</summary>
internal sealed class CommonLogFormat(string name, bool requireCombined) : LogFormat
{
    public override string Name => name;

    /// <summary>Whether a line must carry the referrer and user agent of the Combined format.</summary>
    public bool RequireCombined => requireCombined;

    internal override LineParser CreateParser() => new UnwrappingLineParser(new Parser(requireCombined));

    private sealed class Parser(bool requireCombined) : LineParser
    {
        // Reused from line to line: it remembers the last day and offset decoded, which most lines share.
        private CommonLogFields _fields;

        public override LineResult Parse(in LogLine line, out LogRecord? record, out string? error)
        {
            ReadOnlySpan<byte> bytes = line.Bytes.Span;
            bytes = bytes[LineNoise.Length(bytes)..];
            record = null;
            if (IsBlank(bytes))
            {
                error = null;
                return LineResult.Skipped;
            }

            if (!CommonLogParser.TryParseInto(bytes, ref _fields, requireCombined, splitRequest: true, out error))
            {
                return LineResult.Malformed;
            }

            record = new LogRecord(bytes.ToArray(), _fields, line.File, line.Number);
            return LineResult.Record;
        }
    }
}
