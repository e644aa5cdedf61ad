using System.Runtime.CompilerServices;
using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// How one value under a key (or a CSV column) that names a field is read, whatever else the line
/// holds: a client's address without its port, a path that may be an absolute URL, a protocol
/// written as its version alone, a status, a duration in the key's unit, and what is said of a value
/// that is none. <see cref="KeyedFields"/> adds the rules for several keys naming one field;
/// <see cref="CsvRow"/>, whose header names each field once, reads its columns with these alone.
/// </summary>
internal static class KeyedValue
{
    /// <summary>The client's address at <paramref name="address"/> of <paramref name="text"/> without its port, as a range within it.</summary>
    public static FieldRange Portless(in FieldText text, FieldRange address)
    {
        FieldRange host = ClientAddress.PortlessRange(text.Of(address));
        return new FieldRange(address.Start + host.Start, host.Length);
    }

    /// <summary>
    /// The path of the target at <paramref name="value"/>, and the host where it is an absolute URL
    /// (Google Cloud's requestUrl, a proxy's): the URL's parts are appended to <paramref name="text"/>;
    /// any other target is the path as it stands, with no host. A target that starts with '/' is no
    /// URL (its scheme would hold the '/'): the search for "://" is left to those that may be one.
    /// </summary>
    // Inlined for the test nearly every path stops at, its first byte; the URL's search is a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldRange Path(ref FieldText text, FieldRange value, out FieldRange urlHost)
    {
        if (text.Of(value) is [(byte)'/', ..])
        {
            urlHost = FieldRange.None;
            return value;
        }

        return UrlPath(ref text, value, out urlHost);
    }

    private static FieldRange UrlPath(ref FieldText text, FieldRange value, out FieldRange urlHost)
    {
        if (!AbsoluteUrl.TrySplit(text.Of(value), out ReadOnlySpan<byte> host, out ReadOnlySpan<byte> rest))
        {
            urlHost = FieldRange.None;
            return value;
        }

        (FieldRange path, urlHost) = AbsoluteUrl.CopyParts(ref text, host, rest);
        return path;
    }

    /// <summary>The protocol at <paramref name="value"/>: ECS writes the version alone ("1.1"), which gets "HTTP/" (appended to <paramref name="text"/>); every other log the whole protocol.</summary>
    public static FieldRange Protocol(ref FieldText text, FieldRange value) =>
        text.Of(value) is [>= (byte)'0' and <= (byte)'9', ..] ? text.Append("HTTP/"u8, text.Of(value)) : value;

    /// <summary>
    /// A status: three digits, or 0, Caddy's status for a connection closed before any response
    /// (no response's, as "-" is).
    /// </summary>
    public static bool TryStatus(ReadOnlySpan<byte> value, out int status)
    {
        if (CommonLogParser.TryParseStatus(value, out status))
        {
            return true;
        }

        status = 0;
        return value is [(byte)'0'];
    }

    /// <summary>
    /// A duration under a key of <paramref name="field"/>'s unit, in ticks (<paramref name="isText"/>
    /// when it was written as a string, not as a JSON number). False for a value that is not one in
    /// that unit, which leaves the duration unknown rather than the line malformed: these keys are
    /// common words in applications' logs (<c>took</c>, <c>elapsed</c>), and the line is a request all the same.
    /// </summary>
    public static bool TryDuration(JsonField field, ReadOnlySpan<byte> value, bool isText, out long ticks) =>
        field switch
        {
            JsonField.DurationSeconds => TrySeconds(value, isText, out ticks),
            JsonField.DurationMilliseconds => DurationText.TryParseMilliseconds(value, out ticks, allowFraction: true),
            JsonField.DurationMicroseconds => DurationText.TryParseMicroseconds(value, out ticks),
            JsonField.DurationNanoseconds => DurationText.TryParseNanoseconds(value, out ticks),
            _ => DurationText.TryParseGo(value, out ticks),
        };

    /// <summary>Seconds, as text or as a JSON number, which may be written with an exponent (<c>1.5e-05</c>).</summary>
    public static bool TrySeconds(ReadOnlySpan<byte> value, bool isText, out long ticks)
    {
        if (DurationText.TryParseSeconds(value, out ticks))
        {
            return true;
        }

        if (!isText && System.Buffers.Text.Utf8Parser.TryParse(value, out double seconds, out int consumed) && consumed == value.Length
            && seconds >= 0 && seconds * TimeSpan.TicksPerSecond < long.MaxValue)
        {
            ticks = (long)Math.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
            return true;
        }

        return false;
    }

    // The messages are made for bad lines alone: not inlined, they keep the per-line code that calls them small.

    /// <summary>What is said of a time that is none, under <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string NotATime(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        $"{Name(key)}: expected a time (ISO 8601, like 24/Feb/2008:00:08:59 -0600, or epoch seconds), found {ErrorText.Quote(value)}";

    /// <summary>What is said of a status that is none, under <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string NotAStatus(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        $"{Name(key)}: expected a numeric status, found {ErrorText.Quote(value)}";

    /// <summary>What is said of a size that is none, under <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string NotASize(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        $"{Name(key)}: expected the number of bytes (or '-'), found {ErrorText.Quote(value)}";

    private static string Name(ReadOnlySpan<byte> key) => Encoding.UTF8.GetString(key);
}
