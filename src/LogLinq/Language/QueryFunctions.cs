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
