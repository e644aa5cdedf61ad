using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using LogLinq.Cli.Terminal;
using LogLinq.Records;

namespace LogLinq.Cli.Repl;

/// <summary>
/// Shows a value the way the REPL prints a result: a scalar as itself, a record or tuple as its
/// fields, a sequence as a table of its first rows and how many there were in all. A sequence is
/// enumerated once: the first rows are kept and the rest only counted, so a query over a big log
/// is read once and never held in memory.
/// </summary>
internal sealed class ValueDisplay(DisplayStyle style)
{
    /// <summary>How many rows of a sequence are shown unless asked otherwise.</summary>
    public const int DefaultRows = 20;

    // The rows of pipe queries, which are arrays of cells, and their columns' names; weakly, so a
    // query the session has let go of is not kept.
    private readonly ConditionalWeakTable<object, IReadOnlyList<string>> _columnNames = [];

    /// <summary>How the results are drawn.</summary>
    public DisplayStyle Style => style;

    // What C# may do to a pipe query's rows that leaves each row as it was: the names still fit.
    private static readonly HashSet<string> RowKeepingOperators =
    [
        nameof(Queryable.Take), nameof(Queryable.Skip), nameof(Queryable.TakeLast), nameof(Queryable.SkipLast),
        nameof(Queryable.TakeWhile), nameof(Queryable.SkipWhile), nameof(Queryable.Where), nameof(Queryable.Distinct),
        nameof(Queryable.DistinctBy), nameof(Queryable.Reverse), nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending),
        nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending),
    ];

    /// <summary>Heads the cells of <paramref name="rows"/>, a pipe query's, with the query's column names when it is shown.</summary>
    public void NameColumns(object rows, IReadOnlyList<string> names)
    {
        _columnNames.AddOrUpdate(rows, names);

        // Query(...).Take(5) is another query, over this one's expression: named by it too.
        if (rows is IQueryable<object?[]> query)
        {
            _columnNames.AddOrUpdate(query.Expression, names);
        }
    }

    /// <summary>
    /// The column names of a pipe query's rows, or of a query that C# went on with from them by
    /// operators that keep each row as it is (<c>Take</c>, <c>Where</c>, <c>OrderBy</c> ...).
    /// </summary>
    private bool TryColumnNames(object value, [NotNullWhen(true)] out IReadOnlyList<string>? names)
    {
        if (_columnNames.TryGetValue(value, out names))
        {
            return true;
        }

        Expression? node = (value as IQueryable<object?[]>)?.Expression;
        while (node is not null)
        {
            if (_columnNames.TryGetValue(node, out names))
            {
                return true;
            }

            node = node is MethodCallExpression { Arguments: [Expression source, ..] } call
                && call.Method.DeclaringType == typeof(Queryable) && RowKeepingOperators.Contains(call.Method.Name)
                ? source
                : null;
        }

        return false;
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="value">The value; a query is run here, and only here.</param>
    /// <param name="rows">How many rows of a sequence to show; the rest are counted.</param>
    /// <param name="tupleNames">The element names of a tuple that is the value, or the sequence's element (or of the cells of a pipe query's rows).</param>
    /// <param name="cancel">Stops the counting of a sequence that is not a log query (which has its own token).</param>
    /// <exception cref="OperationCanceledException">Ctrl-C; the rows kept so far are shown first.</exception>
    public void Write(TextWriter output, object? value, int rows, IReadOnlyList<string>? tupleNames, CancellationToken cancel)
    {
        if (value is not null && tupleNames is null && TryColumnNames(value, out IReadOnlyList<string>? named))
        {
            tupleNames = named;
        }

        switch (value)
        {
            case null:
                output.WriteLine("null");
                break;
            case string text:
                // Its lines as lines, but no escape sequence of a log's text reaches the terminal.
                output.WriteLine(VisibleText.KeepingLines(text));
                break;
            case GenericRecord or LogRecord:
                WriteFields(output, value, tupleNames);
                break;
            case IEnumerable sequence:
                if (TryGroupingKey(value, out object? key))
                {
                    output.WriteLine($"{style.Bold("Key")}  {ValueText.Cell(key)}");
                }

                WriteTable(output, sequence, Math.Max(rows, 0), tupleNames, cancel);
                break;
            default:
                if (ColumnSet.IsComposite(value.GetType()))
                {
                    WriteFields(output, value, tupleNames);
                }
                else
                {
                    output.WriteLine(VisibleText.KeepingLines(ValueText.Format(value)));
                }

                break;
        }
    }

    private void WriteFields(TextWriter output, object value, IReadOnlyList<string>? tupleNames)
    {
        ColumnSet columns = ColumnSet.ForFields(value, tupleNames);
        if (columns.Names is not { Count: > 0 })
        {
            output.WriteLine(VisibleText.KeepingLines(ValueText.Format(value))); // a record without fields says what it is
            return;
        }

        object?[] cells = columns.Cells(value);
        int width = columns.Names.Max(name => name.Length);
        for (int i = 0; i < cells.Length; i++)
        {
            output.WriteLine($"{style.Bold(columns.Names[i].PadRight(width))}  {ValueText.Cell(cells[i])}");
        }
    }

    private void WriteTable(TextWriter output, IEnumerable sequence, int rows, IReadOnlyList<string>? tupleNames, CancellationToken cancel)
    {
        var kept = new List<object?>(Math.Min(rows, 1024));
        long total = 0;
        try
        {
            foreach (object? item in sequence)
            {
                cancel.ThrowIfCancellationRequested();
                if (total < rows)
                {
                    kept.Add(item);
                }

                total++;
            }
        }
        catch (OperationCanceledException) when (kept.Count > 0)
        {
            WriteRows(output, sequence, kept, tupleNames);
            output.WriteLine(style.Dim($"({kept.Count} shown; stopped by Ctrl-C after {Count(total)})"));
            throw;
        }

        WriteRows(output, sequence, kept, tupleNames);
        output.WriteLine(style.Dim(total switch
        {
            0 => "(no rows)",
            _ when total <= rows => $"({Count(total)})",
            _ => $"({kept.Count} of {Count(total)})",
        }));
    }

    private void WriteRows(TextWriter output, IEnumerable sequence, List<object?> kept, IReadOnlyList<string>? tupleNames)
    {
        if (kept.Count == 0)
        {
            return;
        }

        Type elementType = ElementType(sequence.GetType());
        ColumnSet columns = ColumnSet.ForTable(elementType, kept.FirstOrDefault(item => item is not null), tupleNames);
        object?[][] values = [.. kept.Select(columns.Cells)];

        // A column is right-aligned when every value in it is a number, whatever its declared type.
        bool[] numeric = [.. Enumerable.Range(0, columns.Count).Select(c =>
            values.Any(row => row[c] is not null) && values.All(row => row[c] is null || ValueText.IsNumber(row[c]!.GetType())))];
        string[][] cells = [.. values.Select(row => row.Select(ValueText.Cell).ToArray())];
        TextTable.Write(output, columns.Names, cells, numeric, style);
    }

    private static string Count(long rows) =>
        rows == 1 ? "1 row" : $"{rows.ToString(CultureInfo.InvariantCulture)} rows";

    private static Type ElementType(Type sequenceType) =>
        sequenceType.GetInterfaces().Append(sequenceType)
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault() ?? typeof(object);

    private static bool TryGroupingKey(object value, out object? key)
    {
        Type? grouping = value.GetType().GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IGrouping<,>));
        key = grouping?.GetProperty("Key")!.GetValue(value);
        return grouping is not null;
    }
}
