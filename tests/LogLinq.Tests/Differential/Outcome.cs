using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using LogLinq.Records;

namespace LogLinq.Tests.Differential;

/// <summary>
/// What a query gave, as text that two runs can be compared by: its value (sequences in order,
/// records with their file, line number and every field) or the type of the exception it threw.
/// </summary>
internal static class Outcome
{
    /// <summary>Runs <paramref name="run"/> and renders its value, or "throws T".</summary>
    public static string Capture(Func<object?> run)
    {
        try
        {
            return Render(run());
        }
        catch (Exception e)
        {
            return Throws(e);
        }
    }

    /// <summary>"throws T", the inner exception of a reflection wrapper (the error itself).</summary>
    public static string Throws(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner })
        {
            e = inner;
        }

        return $"throws {e.GetType().FullName}";
    }

    public static string Render(object? value)
    {
        var text = new StringBuilder();
        Render(value, text);
        return text.ToString();
    }

    /// <summary>A record as <c>file:line</c> and its Combined line: every field, read after the scan.</summary>
    public static string RenderRecord(LogRecord record) =>
        $"{record.File}:{record.LineNumber.ToString(CultureInfo.InvariantCulture)} {record} ident={record.Ident} user={record.User} referrer={QueryGenerator.Literal(record.Referrer)} agent={QueryGenerator.Literal(record.UserAgent)} duration={record.Duration?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "null"}";

    private static void Render(object? value, StringBuilder text)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append(QueryGenerator.Literal(s));
                break;
            case LogRecord record:
                text.Append(RenderRecord(record));
                break;
            case DateTimeOffset t:
                text.Append(t.ToString("O", CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case IEnumerable sequence:
                text.Append('[');
                bool first = true;
                foreach (object? item in sequence)
                {
                    text.Append(first ? "" : ", ");
                    Render(item, text);
                    first = false;
                }

                text.Append(']');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                // Anonymous types: their properties, each rendered the same way.
                PropertyInfo[] properties = value.GetType().GetProperties();
                if (value.GetType().Name.Contains("AnonymousType", StringComparison.Ordinal))
                {
                    text.Append("{ ");
                    foreach (PropertyInfo property in properties)
                    {
                        text.Append(property.Name).Append(" = ");
                        Render(property.GetValue(value), text);
                        text.Append("; ");
                    }

                    text.Append('}');
                }
                else
                {
                    text.Append(value);
                }

                break;
        }
    }
}
