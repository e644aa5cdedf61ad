using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Takes off what a collector put around each of a server's lines (a syslog or container runtime's
/// <see cref="LinePrefix"/>, or Docker's JSON: <see cref="DockerLogLine"/>) and hands the server's
/// line, with the file's own name and line number, to the parser of its format. Which wrapping a file
/// has is found on its first line that is not blank; a line without it is read as it stands.
/// </summary>
internal sealed class UnwrappingLineParser : LineParser
{
    private readonly LineParser _inner;
    private Wrapping? _wrapping;
    private LinePrefix _prefix;
    private byte[] _buffer = [];

    /// <param name="inner">The parser of the lines inside.</param>
    public UnwrappingLineParser(LineParser inner) => _inner = inner;

    private enum Wrapping
    {
        None,
        Prefix,
        Docker,
    }

    /// <summary>
    /// Whether <paramref name="text"/> (a file's first line that is not blank, without its noise) is
    /// inside Docker's JSON, and if not, the prefix it carries: what a file's lines are wrapped in.
    /// </summary>
    internal static (bool Docker, LinePrefix Prefix) WrappingOf(ReadOnlySpan<byte> text) =>
        DockerLogLine.IsEnvelope(text.TrimStart(" \t"u8)) ? (true, LinePrefix.None) : (false, LinePrefixReader.Detect(text));

    public override bool HasFields => _inner.HasFields;

    public override LineResult Parse(in LogLine line, out LogRecord? record, out string? error)
    {
        record = null;
        error = null;
        return Unwrap(line, out LogLine inner, ref error) switch
        {
            LineResult.Record => _inner.Parse(inner, out record, out error),
            LineResult other => other,
        };
    }

    public override LineResult ParseFields(in LogLine line, ref CommonLogFields fields, out ArraySegment<byte> text, out string? error)
    {
        text = default;
        error = null;
        return Unwrap(line, out LogLine inner, ref error) switch
        {
            LineResult.Record => _inner.ParseFields(inner, ref fields, out text, out error),
            LineResult other => other,
        };
    }

    /// <summary>
    /// The server's line inside <paramref name="line"/> (<see cref="LineResult.Record"/>), or why there
    /// is none: a blank first line, or Docker's JSON that cannot be unwrapped.
    /// </summary>
    private LineResult Unwrap(in LogLine line, out LogLine inner, ref string? error)
    {
        inner = line;
        ReadOnlySpan<byte> bytes = line.Bytes.Span;
        int noise = LineNoise.Length(bytes);
        ReadOnlySpan<byte> text = bytes[noise..];
        if (_wrapping is null)
        {
            if (IsBlank(text))
            {
                return LineResult.Skipped;
            }

            (bool docker, _prefix) = _inner.ReadsAsItStands(text) ? (false, LinePrefix.None) : WrappingOf(text);
            _wrapping = docker ? Wrapping.Docker : _prefix != LinePrefix.None ? Wrapping.Prefix : Wrapping.None;
        }

        switch (_wrapping)
        {
            case Wrapping.Prefix:
                int prefix = LinePrefixReader.Length(text, _prefix);
                inner = line with { Bytes = line.Bytes[(noise + prefix)..] };
                return LineResult.Record;
            case Wrapping.Docker when DockerLogLine.IsEnvelope(text.TrimStart(" \t"u8)):
                if (!DockerLogLine.TryUnwrap(text, ref _buffer, out int length, out error))
                {
                    return LineResult.Malformed;
                }

                // The inner parser copies what it keeps, so the buffer serves every line.
                inner = line with { Bytes = _buffer.AsMemory(0, length) };
                return LineResult.Record;
            default:
                return LineResult.Record;
        }
    }
}
