using System.Globalization;

namespace LogLinq.Cli.Query;

/// <summary>
/// A result value as text, the same way in every format: invariant culture, times in ISO 8601 with
/// their offset (the form a query writes them in), null as nothing.
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
        TimeSpan duration => duration.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The value as a table shows it: numbers with a fraction to two places, the rest as <see cref="Of"/>.</summary>
    public static string ForTable(object? value) =>
        value is double d ? d.ToString("0.##", CultureInfo.InvariantCulture) : Of(value);

    /// <summary>A time as <c>2008-02-24T00:08:59-06:00</c>, with a fraction of a second only when it has one.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
