using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Detects the format of each file from its first non-blank line, then parses the rest of the file
/// with that format.
/// </summary>
internal sealed class AutoLogFormat : LogFormat
{
    public override string Name => "auto";

    internal override LineParser CreateParser() => new Parser();

    /// <summary>The format a file whose first non-blank line is <paramref name="line"/> is written in.</summary>
    internal static LogFormat Detect(ReadOnlySpan<byte> line) => Common;

    private sealed class Parser : LineParser
    {
        private LineParser? _detected;

        public override LineResult Parse(in LogLine line, out LogRecord? record, out string? error)
        {
            if (_detected is null)
            {
                if (IsBlank(line.Bytes.Span))
                {
                    record = null;
                    error = null;
                    return LineResult.Skipped;
                }

                _detected = Detect(line.Bytes.Span).CreateParser();
            }

            return _detected.Parse(line, out record, out error);
        }
    }
}
