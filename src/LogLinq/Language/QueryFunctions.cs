using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LogLinq.Language;

/// <summary>
/// The functions a query calls at run time, as static methods an expression tree can call. Each
/// takes null where a field can be missing (referrer, agent, vhost) and answers without throwing.
/// </summary>
internal static class QueryFunctions
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary><c>lower(s)</c>: lower case, by the invariant culture's rules.</summary>
    public static string? Lower(string? text) => text?.ToLowerInvariant();

    /// <summary><c>upper(s)</c>: upper case, by the invariant culture's rules.</summary>
    public static string? Upper(string? text) => text?.ToUpperInvariant();

    /// <summary><c>len(s)</c>: the number of characters; 0 for a missing field.</summary>
    public static long Len(string? text) => text?.Length ?? 0;

    /// <summary>
    /// <c>ext(path)</c>: what follows the last dot of the last segment of a path, without the query
    /// string; empty when there is none. <c>/a/b.tar.gz?x=1</c> gives <c>gz</c>.
    /// </summary>
    public static string Ext(string? path)
    {
        if (path is null)
        {
            return "";
        }

        ReadOnlySpan<char> span = path;
        int query = span.IndexOfAny('?', '#');
        if (query >= 0)
        {
            span = span[..query];
        }

        span = span[(span.LastIndexOf('/') + 1)..];
        int dot = span.LastIndexOf('.');
        return dot <= 0 ? "" : span[(dot + 1)..].ToString();
    }

    /// <summary><c>pathname(path)</c>: the path before its first <c>?</c>; the whole path when it has none.</summary>
    public static string? Pathname(string? path) =>
        path?.IndexOf('?') is int query and >= 0 ? path[..query] : path;

    /// <summary><c>querystring(path)</c>: what follows the first <c>?</c> of the path; empty when it has none.</summary>
    public static string? Querystring(string? path) =>
        path?.IndexOf('?') is int query and >= 0 ? path[(query + 1)..] : path is null ? null : "";

    /// <summary>
    /// <c>extract(s, "re")</c>: the text <paramref name="group"/> of the first match captured (group 0,
    /// the whole match, for a pattern without groups); null when nothing matches or the group took
    /// no part in the match.
    /// </summary>
    public static string? Extract(string? text, Regex pattern, int group)
    {
        if (text is null)
        {
            return null;
        }

        Group captured = pattern.Match(text).Groups[group];
        return captured.Success ? captured.Value : null;
    }

    /// <summary>
    /// <c>split(s, sep, i)</c>: piece <paramref name="index"/> (from 0) of the text cut at each
    /// <paramref name="separator"/>, ordinally; a negative index counts from the end, -1 the last.
    /// Null where there is no such piece. An empty separator (from a field) cuts nothing: the text is
    /// its one piece.
    /// </summary>
    public static string? Split(string? text, string? separator, long index)
    {
        if (text is null || separator is null)
        {
            return null;
        }

        if (separator.Length == 0)
        {
            return index is 0 or -1 ? text : null;
        }

        if (index < 0)
        {
            // Counted among the pieces a cut from the start makes, so that -1 is the last of those
            // even where separators overlap ("aaa" cut at "aa" is "" and "a").
            index += Occurrences(text, separator) + 1;
            if (index < 0)
            {
                return null;
            }
        }

        int start = 0;
        for (; index > 0; index--)
        {
            int found = text.IndexOf(separator, start, StringComparison.Ordinal);
            if (found < 0)
            {
                return null;
            }

            start = found + separator.Length;
        }

        int end = text.IndexOf(separator, start, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static int Occurrences(string text, string separator)
    {
        int count = 0;
        for (int at = text.IndexOf(separator, StringComparison.Ordinal); at >= 0; at = text.IndexOf(separator, at + separator.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// <c>replace(s, old, new)</c>: every <paramref name="old"/> replaced, ordinally. Text to look for
    /// that is missing or empty (from a field) is not there to replace; a missing replacement removes.
    /// </summary>
    public static string? Replace(string? text, string? old, string? replacement) =>
        text is null || string.IsNullOrEmpty(old) ? text : text.Replace(old, replacement, StringComparison.Ordinal);

    /// <summary><c>substring(s, start)</c>: the text from position <paramref name="start"/> (from 0) to its end; see the overload with a length.</summary>
    public static string? Substring(string? text, long start) => Substring(text, start, long.MaxValue);

    /// <summary>
    /// <c>substring(s, start, length)</c>: the characters at positions <paramref name="start"/> to
    /// <paramref name="start"/> + <paramref name="length"/> - 1 that the text has. Positions outside it
    /// are left out rather than an error: a start past the end, or a length of 0 or less, gives empty.
    /// </summary>
    public static string? Substring(string? text, long start, long length)
    {
        if (text is null)
        {
            return null;
        }

        long from = Math.Clamp(start, 0, text.Length);

        // start + length is added only where it is at most the length of the text, so cannot overflow.
        long to = length <= 0 ? from
            : start > text.Length - length ? text.Length
            : Math.Max(start + length, from);
        return text[(int)from..(int)to];
    }

    /// <summary>
    /// <c>weekday(t)</c>: the day of the week in English, "Monday" to "Sunday", on the log's own clock.
    /// A name rather than a number reads as itself in a <c>summarize ... by weekday(time)</c> result.
    /// </summary>
    public static string Weekday(DateTimeOffset time) => time.DayOfWeek.ToString();

    /// <summary>
    /// <c>number(s)</c>, and how an XML field is read next to a number: the text as a number in the
    /// invariant culture (<c>41.9</c>, <c>-87.6</c>, <c>1e3</c>, blanks around it allowed); null when it
    /// is not a finite number, so that comparisons with it are false, as with a missing field.
    /// </summary>
    public static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;

    /// <summary>
    /// A duration as its ticks (100 ns), for <c>sum</c> and <c>avg</c> of durations: LINQ sums and
    /// averages <c>long?</c> with the rules the language wants (nulls left out, the sum checked).
    /// </summary>
    public static long? Ticks(TimeSpan? duration) => duration?.Ticks;

    /// <summary>The sum of durations' ticks, a duration again.</summary>
    public static TimeSpan? DurationOfTicks(long? ticks) => ticks is { } n ? TimeSpan.FromTicks(n) : null;

    /// <summary>The average of durations' ticks, a duration again, to the nearest tick; null for none.</summary>
    public static TimeSpan? DurationOfTicks(double? ticks) =>
        ticks is { } n ? TimeSpan.FromTicks((long)Math.Round(n, MidpointRounding.AwayFromZero)) : null;

    /// <summary><c>time + duration</c> (a negative duration moves it back).</summary>
    /// <exception cref="OverflowException">The time it moves to is outside the years 1 to 9999, as an integer's overflow is reported.</exception>
    public static DateTimeOffset Later(DateTimeOffset time, TimeSpan duration)
    {
        try
        {
            return time + duration;
        }
        catch (ArgumentOutOfRangeException)
        {
            throw OutOfTime(time, duration, "+");
        }
    }

    /// <summary><c>time - duration</c>.</summary>
    /// <exception cref="OverflowException">The time it moves to is outside the years 1 to 9999.</exception>
    public static DateTimeOffset Earlier(DateTimeOffset time, TimeSpan duration)
    {
        try
        {
            return time - duration;
        }
        catch (ArgumentOutOfRangeException)
        {
            throw OutOfTime(time, duration, "-");
        }
    }

    private static OverflowException OutOfTime(DateTimeOffset time, TimeSpan duration, string op) =>
        new($"{time:yyyy-MM-dd'T'HH:mm:sszzz} {op} {duration.TotalDays:0.#######}d is outside the years 1 to 9999 (arithmetic overflow)");

    /// <summary><c>bin(time, size)</c>: the start of the interval of <paramref name="size"/> the time is in, on the log's own clock.</summary>
    public static DateTimeOffset Bin(DateTimeOffset time, TimeSpan size)
    {
        if (size <= TimeSpan.Zero)
        {
            return time;
        }

        long local = time.Ticks;
        return new DateTimeOffset(local - (local % size.Ticks), time.Offset);
    }

    /// <summary><c>bin(n, size)</c>: <paramref name="value"/> rounded down to a multiple of <paramref name="size"/>.</summary>
    /// <exception cref="OverflowException">The multiple is below <see cref="long.MinValue"/> (a negative value near it).</exception>
    public static long Bin(long value, long size)
    {
        if (size <= 0)
        {
            return value;
        }

        // The remainder made non-negative without adding the size to every remainder, which
        // overflowed for a size near 2^63 and rounded 10 down to a large negative number.
        long below = value % size;
        if (below < 0)
        {
            below += size;
        }

        return checked(value - below);
    }

    /// <summary><c>bin(x, size)</c> for numbers with a fraction.</summary>
    public static double Bin(double value, double size) =>
        size <= 0 ? value : Math.Floor(value / size) * size;

    /// <summary><c>bin(x, size)</c> for text read as a number: null stays null.</summary>
    public static double? Bin(double? value, double size) => value is { } x ? Bin(x, size) : null;

    /// <summary><c>s matches "re"</c>; false for a missing field.</summary>
    public static bool Matches(string? text, Regex pattern) => text is not null && pattern.IsMatch(text);

    /// <summary>The compiled regular expression for <paramref name="pattern"/>, made once per process.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static Regex Pattern(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled));

    /// <summary>
    /// The value in column <paramref name="index"/> of a row a <c>summarize</c> or <c>select</c> made;
    /// the type's default where the row holds null (the min of nothing).
    /// </summary>
    public static T? Cell<T>(object?[] row, int index) => row[index] is T value ? value : default;
}
