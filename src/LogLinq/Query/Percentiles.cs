using LogLinq.Query.Aggregates;

namespace LogLinq.Query;

/// <summary>
/// Percentiles as LINQ operators, for a group's aggregates: <c>g.Percentile(r =&gt; r.Bytes, 95)</c>,
/// which a query over <see cref="LogSource"/> computes in parallel, in memory that does not grow
/// with the log. Missing values (null) are left out; the percentile is taken by the nearest-rank
/// method, and is null when there is no value.
/// </summary>
/// <remarks>
/// Up to 1,024 values the percentile is one of them, exactly. Past that, values are counted in
/// logarithmic buckets (a DDSketch) and the percentile is within 1 % of the true one: the 95th
/// percentile of a million response sizes whose true value is 20,000 bytes is between 19,800 and
/// 20,200. The answer depends only on the values, not on their order or on how a parallel scan
/// split them.
/// </remarks>
public static class Percentiles
{
    /// <summary>The <paramref name="percent"/>-th percentile of the integers <paramref name="selector"/> gives, rounded to an integer.</summary>
    /// <param name="source">The values' source, as a group of records.</param>
    /// <param name="selector">The value of each, null where it has none.</param>
    /// <param name="percent">Above 0 and at most 100: 50 is the median, 100 the largest.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not above 0 and at most 100.</exception>
    public static long? Percentile<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector, double percent) =>
        ToInteger(Sketch(source, selector, value => value, percent).Percentile(percent));

    /// <summary>The <paramref name="percent"/>-th percentile of the numbers <paramref name="selector"/> gives.</summary>
    /// <param name="source">The values' source, as a group of records.</param>
    /// <param name="selector">The value of each, null where it has none; NaN and infinities are left out.</param>
    /// <param name="percent">Above 0 and at most 100: 50 is the median, 100 the largest.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not above 0 and at most 100.</exception>
    public static double? Percentile<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector, double percent) =>
        Sketch(source, selector, value => value, percent).Percentile(percent);

    /// <summary>The <paramref name="percent"/>-th percentile of the durations <paramref name="selector"/> gives.</summary>
    /// <param name="source">The values' source, as a group of records.</param>
    /// <param name="selector">The duration of each, null where it has none.</param>
    /// <param name="percent">Above 0 and at most 100: 50 is the median, 100 the longest.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not above 0 and at most 100.</exception>
    public static TimeSpan? Percentile<TSource>(this IEnumerable<TSource> source, Func<TSource, TimeSpan?> selector, double percent) =>
        ToDuration(Sketch(source, selector, value => value?.Ticks, percent).Percentile(percent));

    /// <summary>Checks a percent as the operators take it.</summary>
    internal static void CheckPercent(double percent)
    {
        if (!(percent > 0 && percent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "a percentile is above 0 and at most 100");
        }
    }

    /// <summary>An integer percentile: the sketch's value rounded, within the range of a long.</summary>
    internal static long? ToInteger(double? value) => value switch
    {
        null => null,
        >= 9.2233720368547758E18 => long.MaxValue,
        <= -9.2233720368547758E18 => long.MinValue,
        double v => (long)Math.Round(v),
    };

    /// <summary>A duration percentile, from ticks.</summary>
    internal static TimeSpan? ToDuration(double? ticks) => ToInteger(ticks) is long t ? TimeSpan.FromTicks(t) : null;

    private static PercentileSketch Sketch<TSource, TValue>(IEnumerable<TSource> source, Func<TSource, TValue> selector, Func<TValue, double?> number, double percent)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        CheckPercent(percent);
        var sketch = new PercentileSketch();
        foreach (TSource item in source)
        {
            if (number(selector(item)) is double value)
            {
                sketch.Add(value);
            }
        }

        return sketch;
    }
}
