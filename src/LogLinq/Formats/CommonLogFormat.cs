using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>The NCSA Common and Combined formats, parsed by <see cref="CommonLogParser"/>.</summary>
internal sealed class CommonLogFormat(string name, bool requireCombined) : LogFormat
{
    public override string Name => name;

    /// <summary>Whether a line must carry the referrer and user agent of the Combined format.</summary>
    public bool RequireCombined => requireCombined;

    internal override LineParser CreateParser() => new Parser(requireCombined);

    private sealed class Parser(bool requireCombined) : LineParser
    {
        public override LineResult Parse(in LogLine line, out LogRecord? record, out string? error)
        {
            ReadOnlySpan<byte> bytes = line.Bytes.Span;
            record = null;
            if (IsBlank(bytes))
            {
                error = null;
                return LineResult.Skipped;
            }

            CommonLogFields fields = default;
            if (!CommonLogParser.TryParseInto(bytes, ref fields, requireCombined, out error))
            {
                return LineResult.Malformed;
            }

            record = new LogRecord(bytes.ToArray(), fields, line.File, line.Number);
            return LineResult.Record;
        }
    }
}
