using System.Collections;
using System.Globalization;
using System.Numerics;
using LogLinq.Cli.Terminal;
using LogLinq.Language;
using LogLinq.Records;

namespace LogLinq.Cli.Repl;

/// <summary>
/// One value as text: numbers and times in the invariant culture (so piped results parse the same
/// everywhere), durations as the query language writes them, booleans and null as C# writes them.
/// </summary>
internal static class ValueText
{
    private const int ItemsInCell = 5;

    /// <summary>Whether a value of <paramref name="type"/> is shown as itself rather than as fields or rows.</summary>
    public static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive
            || type.IsEnum
            || type == typeof(string)
            || type == typeof(decimal)
            || type == typeof(DateTime)
            || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly)
            || type == typeof(TimeOnly)
            || type == typeof(TimeSpan)
            || type == typeof(Guid)
            || type == typeof(BigInteger)
            || type == typeof(Int128)
            || type == typeof(UInt128)
            || type == typeof(Half);
    }

    /// <summary>Whether <paramref name="type"/> is a number, for right-aligning a column.</summary>
    public static bool IsNumber(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type != typeof(bool) && type != typeof(char) && (type.IsPrimitive || type == typeof(decimal)
            || type == typeof(BigInteger) || type == typeof(Int128) || type == typeof(UInt128) || type == typeof(Half));
    }

    /// <summary><paramref name="value"/> as text.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",

        // "F" drops trailing zeros of the fraction, and its point when there is none.
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan d => DurationFormat.Exact(d), // 1.5s, as a query writes it; exact, as numbers are shown here
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// <paramref name="value"/> as one table cell: on one line, its control characters escaped
    /// (<see cref="VisibleText"/>), a collection as its first few items. A query in a cell is named,
    /// not run: showing a table must not start another scan.
    /// </summary>
    public static string Cell(object? value)
    {
        string text = value switch
        {
            null or string => Format(value),
            IQueryable query => $"IQueryable<{TypeNames.Of(query.ElementType)}>",
            GenericRecord or LogRecord => value.ToString() ?? "",
            IEnumerable items => Items(items),
            _ => Format(value),
        };
        return VisibleText.Of(text);
    }

    private static string Items(IEnumerable items)
    {
        var shown = new List<string>();
        bool more = false;
        foreach (object? item in items)
        {
            if (shown.Count == ItemsInCell)
            {
                more = true;
                break;
            }

            shown.Add(item is IEnumerable and not string ? TypeNames.Of(item.GetType()) : Format(item));
        }

        string tail = !more ? "" : items is ICollection collection ? $", … ({collection.Count})" : ", …";
        return $"[{string.Join(", ", shown)}{tail}]";
    }
}
