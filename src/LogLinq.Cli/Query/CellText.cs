using System.Globalization;
using LogLinq.Cli.Terminal;
using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>
/// A result value as text, the same way in every format: invariant culture, times in ISO 8601 with
/// their offset (the form a query writes them in), durations as seconds (a number any program reads;
/// a table writes them short, <see cref="ForTable"/>), null as nothing.
/// </summary>
internal static class CellText
{
    /// <summary>The value as text; numbers with a fraction in full precision.</summary>
    public static string Of(object? value) => value switch
    {
        null => "",
        string text => text,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset time => Time(time),
        TimeSpan duration => DurationFormat.Seconds(duration),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// The value as a table shows it: numbers with a fraction to two places, durations short
    /// (<c>110ms</c>, <c>1.5s</c>, <c>2m03s</c>: <see cref="DurationFormat.Short"/>), the rest as
    /// <see cref="Of"/> with its control characters escaped (<see cref="VisibleText"/>), so a cell
    /// stays on its line and a log's escape sequences reach no terminal.
    /// </summary>
    public static string ForTable(object? value) => value switch
    {
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        TimeSpan duration => DurationFormat.Short(duration),
        _ => VisibleText.Of(Of(value)),
    };

    /// <summary>
    /// Whether a table aligns <paramref name="column"/> to the right: numbers, and durations, whose
    /// units then line up (<c>86.5ms</c> over <c>171ms</c>).
    /// </summary>
    public static bool AlignsRight(QueryColumn column) => column.IsNumeric || column.Type == typeof(TimeSpan);

    /// <summary>A time as <c>2008-02-24T00:08:59-06:00</c>, with a fraction of a second only when it has one.</summary>
    public static string Time(DateTimeOffset time)
    {
        Span<char> text = stackalloc char[MaxTimeLength];
        return TryFormatTime(time, text, out int written) ? new string(text[..written]) : time.ToString(TimeFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes a value that is not text as <see cref="Of"/> would, into <paramref name="destination"/>,
    /// without making a string: what a writer of millions of rows does for each number and time.
    /// False for text and for whatever this does not format (or that does not fit).
    /// </summary>
    public static bool TryFormat(object? value, Span<char> destination, out int written)
    {
        switch (value)
        {
            case null:
                written = 0;
                return true;
            case string:
                written = 0;
                return false;
            case bool b:
                return TryCopy(b ? "true" : "false", destination, out written);
            case double d:
                return d.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
            case DateTimeOffset time:
                return TryFormatTime(time, destination, out written);
            case TimeSpan duration:
                return DurationFormat.TryFormatSeconds(duration, destination, out written);
            case ISpanFormattable formattable:
                return formattable.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
            default:
                written = 0;
                return false;
        }
    }

    /// <summary>
    /// Writes a value that is not text to <paramref name="output"/> through <paramref name="buffer"/>,
    /// as <see cref="TryFormat"/> formats it, when that text holds none of <paramref name="special"/>
    /// (the characters a format must quote or escape); false, with nothing written, otherwise.
    /// </summary>
    public static bool TryWrite(TextWriter output, object? value, Span<char> buffer, ReadOnlySpan<char> special)
    {
        if (!TryFormat(value, buffer, out int written) || buffer[..written].ContainsAny(special))
        {
            return false;
        }

        output.Write(buffer[..written]);
        return true;
    }

    private static bool TryCopy(string text, Span<char> destination, out int written)
    {
        written = text.TryCopyTo(destination) ? text.Length : 0;
        return written == text.Length;
    }

    // yyyy-MM-dd'T'HH:mm:ss, a dot and up to seven digits, and the offset: ±hh:mm.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";
    private const int MaxTimeLength = 19 + 8 + 6;

    /// <summary>
    /// <see cref="TimeFormat"/>, written piece by piece: the sortable form ("s", which needs no culture),
    /// the fraction without its trailing zeros (none, nor its dot, when whole), the offset. The custom
    /// format string took a twentieth of an export's time.
    /// </summary>
    private static bool TryFormatTime(DateTimeOffset time, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < MaxTimeLength || !time.DateTime.TryFormat(destination, out int length, "s", CultureInfo.InvariantCulture) || length != 19)
        {
            return false;
        }

        long fraction = time.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            destination[length++] = '.';
            for (long scale = TimeSpan.TicksPerSecond / 10; scale > 0 && fraction > 0; scale /= 10)
            {
                destination[length++] = (char)('0' + (fraction / scale));
                fraction %= scale;
            }
        }

        int offset = (int)time.Offset.TotalMinutes;
        destination[length++] = offset < 0 ? '-' : '+';
        offset = Math.Abs(offset);
        destination[length++] = (char)('0' + (offset / 600));
        destination[length++] = (char)('0' + (offset / 60 % 10));
        destination[length++] = ':';
        destination[length++] = (char)('0' + (offset % 60 / 10));
        destination[length++] = (char)('0' + (offset % 10));
        written = length;
        return true;
    }
}
