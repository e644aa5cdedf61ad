using System.Buffers;
using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Detects the format of each file from its first lines (<see cref="FormatFinder"/>), then parses the
/// rest of the file with that format.
/// </summary>
internal sealed class AutoLogFormat : LogFormat
{
    private static readonly SearchValues<byte> DirectiveNameBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-"u8);

    public override string Name => "auto";

    internal override LineParser CreateParser() => new Parser();

    /// <summary>
    /// The format <paramref name="line"/> looks like it is written in: W3C when
    /// it is a <c>#Name:</c> directive, JSON lines when it opens an object, ELB when it starts as a
    /// load balancer's line does (a listener type or a UTC time, then a name and an address:port),
    /// mod_ssl's <c>ssl_request_log</c> when it starts with a bracketed NCSA time and has a quoted
    /// request fourth after it, S3 when it starts with a bucket owner's canonical ID, Squid when with epoch seconds and a
    /// <c>RESULT/status</c> after them, Envoy when it starts with a bracketed ISO 8601 time and a quoted request
    /// (Envoy's default format and Istio's), HAProxy when it is HAProxy's (behind a syslog header or not),
    /// CSV when it is a header row naming a time column and a status column (<see cref="CsvHeader.Looks"/>;
    /// the rows after it say whether it is one: a row of another format settles the file as that),
    /// logfmt when it is <c>key=value</c> pairs with a status among them, Common otherwise. The NCSA case is always the lenient Common parser, which reads Combined lines too:
    /// rotated logs often mix both, and a file is not wrong because its first line had a user agent.
    /// Anything that is none of these is taken as Common, whose errors then say what the lines lack.
    /// A line a collector wrapped (Docker's JSON, a syslog or container runtime's prefix) is in the
    /// format of the line inside, whose parser takes the wrapping off (<see cref="UnwrappingLineParser"/>).
    /// </summary>
    internal static LogFormat Detect(ReadOnlySpan<byte> line)
    {
        line = line[LineNoise.Length(line)..].TrimStart(" \t"u8);
        if (line.IsEmpty)
        {
            return Common;
        }

        if (DockerLogLine.IsEnvelope(line))
        {
            byte[] buffer = [];
            return DockerLogLine.TryUnwrap(line, ref buffer, out int length, out _) && !DockerLogLine.IsEnvelope(buffer.AsSpan(0, length))
                ? Detect(buffer.AsSpan(0, length))
                : Common;
        }

        // What a syslog or container runtime's header leaves: the line itself when it has none. (An
        // NCSA line behind one is Common's, which takes the header off itself.)
        ReadOnlySpan<byte> unprefixed = line[LinePrefixReader.Length(line, LinePrefixReader.Detect(line))..];
        if (unprefixed.TrimStart(" \t"u8) is [(byte)'{', ..])
        {
            return JsonLines;
        }

        if (IsW3cDirective(line))
        {
            return W3c;
        }

        if (SslRequestLineParser.Looks(line))
        {
            return SslRequest;
        }

        if (ElbLineParser.Looks(line))
        {
            return Elb;
        }

        if (S3LineParser.Looks(line))
        {
            return S3;
        }

        if (SquidLineParser.Looks(line))
        {
            return Squid;
        }

        if (EnvoyLineParser.Looks(unprefixed))
        {
            return Envoy;
        }

        if (HaproxyLineParser.Looks(unprefixed))
        {
            return Haproxy;
        }

        if (CsvHeader.Looks(line))
        {
            return Csv;
        }

        // (An NCSA line whose request or agent holds pairs, status=3 among them, stays NCSA.)
        if (LogfmtLineParser.Looks(unprefixed) && !CommonLogParser.TryParse(unprefixed, out _, out _))
        {
            return Logfmt;
        }

        return Common;
    }

    /// <summary><c>#Software:</c>, <c>#Fields:</c> and the like: '#', a name, a colon.</summary>
    private static bool IsW3cDirective(ReadOnlySpan<byte> line)
    {
        if (line.Length < 3 || line[0] != '#')
        {
            return false;
        }

        int colon = line.IndexOf((byte)':');
        return colon > 1 && !line[1..colon].ContainsAnyExcept(DirectiveNameBytes);
    }

    // A line at a time, as a follower or a pipeline reads: the format is found from the first lines as they come.
    private sealed class Parser : LineParser
    {
        private readonly FormatFinder _finder = new();

        public override LineResult Parse(in LogLine line, out LogRecord? record, out string? error) =>
            _finder.Parse(line, out record, out error);
    }
}
