using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Text;
using LogLinq.Formats;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Query.Planning;

/// <summary>
/// What the planner decided: a scan with its pushed-down predicate, a stage that consumes it (a
/// stream or a parallel aggregate), and the operators left for LINQ to Objects to run on the
/// stage's output. A plan is data; <see cref="Execute"/> runs it.
/// </summary>
internal sealed class QueryPlan(
    ScanInput input,
    ScanQuery query,
    ScanStage stage,
    IReadOnlyList<MethodCallExpression> rest,
    LogField fieldsRead)
{
    public ScanInput Input { get; } = input;

    public ScanQuery Query { get; } = query;

    public ScanStage Stage { get; } = stage;

    public IReadOnlyList<MethodCallExpression> Rest { get; } = rest;

    /// <summary>Runs the plan; the result is the query's value (a scalar or a sequence).</summary>
    public object? Execute()
    {
        if (!Stage.IsStream)
        {
            return Finish(ParallelScanner.Run(Input, Query, Stage.Aggregate!, Stage.AllowSplit, Stage.InFileOrder));
        }

        return ParallelSelect() is { } rows
            ? Finish(rows, from: 1)
            : Finish(RecordStream.Enumerate(Input, Query, borrow: SelectsFieldsFirst()));
    }

    /// <summary>
    /// A stream whose only operator is a <c>select</c> of the record's fields, over files (not a
    /// pipe) in lenient mode, as the rows of <see cref="ParallelRecordStream"/>: the rows are made,
    /// with their lines parsed and tested, on the workers, and the consumer (an export, a
    /// <c>ToList</c>) only takes them. Null for any other plan. Nothing is read until the rows are.
    /// </summary>
    private object? ParallelSelect()
    {
        if (!SelectsInParallel(out LambdaExpression? selector))
        {
            return null;
        }

        // The query language's rows are made without System.Linq.Expressions' compiler; any other
        // projection of fields is compiled once (LINQ to Objects would compile it too).
        Delegate select = PlainDelegates.TryCreate(selector) ?? selector.Compile();

        bool allowSplit = Stage.AllowSplit && (ExpressionFacts.FieldsRead(selector) & (LogField.LineNumber | LogField.Record)) == 0;
        return typeof(ParallelRecordStream).GetMethod(nameof(ParallelRecordStream.Enumerate))!
            .MakeGenericMethod(selector.ReturnType)
            .Invoke(null, [Input, Query, select, allowSplit]);
    }

    private bool SelectsInParallel([NotNullWhen(true)] out LambdaExpression? selector)
    {
        selector = null;
        return Input.Stream is null && !Input.Options.Strict && Input.Options.MaxDegreeOfParallelism > 1
            && Rest.Count == 1 && SelectsFieldsFirst()
            && (selector = (Rest[0].Arguments[1] as UnaryExpression)?.Operand as LambdaExpression) is not null;
    }

    /// <summary>
    /// Whether a stream's first operator is a <c>select</c> of the record's fields (a
    /// <see cref="FieldProjection"/>: a field, or a row, tuple or anonymous object of them): LINQ's
    /// <c>Select</c> reads each record into its value before it asks for the next, so the records
    /// may be views over the reader's buffer instead of copies of their lines (an export's millions).
    /// </summary>
    private bool SelectsFieldsFirst() =>
        Rest is [{ Method.Name: nameof(Queryable.Select), Arguments: [_, UnaryExpression { Operand: LambdaExpression selector }] }, ..]
        && FieldProjection.IsOf(selector);

    /// <summary>
    /// Runs a plan that streams records, with each record a view valid only until the next (see
    /// <see cref="RecordStream.Enumerate"/>); null when the plan is not such a stream, or when an
    /// operator left to LINQ to Objects might keep a record (only <c>Take</c> and <c>Skip</c>, which
    /// count them, may follow).
    /// </summary>
    public IEnumerable<LogRecord>? ExecuteBorrowed() =>
        Stage.IsStream && Rest.All(call => call.Method.Name is nameof(Queryable.Take) or nameof(Queryable.Skip))
            && Finish(RecordStream.Enumerate(Input, Query, borrow: true)) is IEnumerable<LogRecord> records
            ? records
            : null;

    /// <summary>
    /// Applies the operators left to LINQ to Objects, from the one at <paramref name="from"/> on (those
    /// before it ran with the stage), to the stage's <paramref name="output"/>.
    /// </summary>
    public object? Finish(object? output, int from = 0)
    {
        IReadOnlyList<MethodCallExpression> rest = from == 0 ? Rest : [.. Rest.Skip(from)];
        if (rest.Count == 0)
        {
            return output;
        }

        if (EnumerableCalls.TryApply(rest, output!, out object? result))
        {
            return result;
        }

        // The rest runs in LINQ to Objects: rebuild the remaining calls over the stage's output.
        IQueryable source = Queryable.AsQueryable((System.Collections.IEnumerable)output!);
        Expression expression = Expression.Constant(source);
        foreach (MethodCallExpression call in rest)
        {
            expression = call.Update(call.Object, [expression, .. call.Arguments.Skip(1)]);
        }

        return typeof(IQueryable).IsAssignableFrom(expression.Type)
            ? source.Provider.CreateQuery(expression)
            : source.Provider.Execute(expression);
    }

    /// <summary>The plan in words.</summary>
    public string Explain()
    {
        var text = new StringBuilder();
        if (Input.Stream is { } stream)
        {
            text.AppendLine($"source:     {stream.Name}, read once to its end: a LogLinq record stream (told by its magic bytes) is decoded; log text is parsed in format {Query.Format.Name}{(Query.Format.Name == "auto" ? " (detected from its first line)" : "")}");
        }
        else
        {
            List<string> files = [.. Input.Files];
            long bytes = files.Sum(Sources.FoundFileSize.Of);
            text.AppendLine($"source:     {Input} — {files.Count} file(s), {bytes:N0} bytes; format {Query.Format.Name}{(Query.Format.Name == "auto" ? " (detected per file)" : "")}");
        }

        if (Query.Predicate is null)
        {
            text.AppendLine("pushdown:   none (every record)");
        }
        else
        {
            text.AppendLine($"pushdown:   {Query.Predicate}");
            text.AppendLine(Query.Predicate.NeedsRecord
                ? "            (parts marked [on record] run as compiled C# on a record; the rest on the raw bytes)"
                : "            (evaluated on the raw bytes; no record is made for a line that fails)");
        }

        // Only NCSA lines are searched raw: other formats may escape or lay out the text otherwise.
        if (Query.RequiredLiteral is { } literal && Query.Format is CommonLogFormat or AutoLogFormat)
        {
            text.AppendLine($"prefilter:  NCSA lines without \"{Encoding.UTF8.GetString(literal)}\" are skipped before parsing (vectorised search);");
            text.AppendLine("            malformed lines are counted among the lines that pass it");
        }

        text.AppendLine($"fields:     {DescribeFields()}");
        if (Stage.IsStream)
        {
            if (SelectsInParallel(out _))
            {
                int workers = Input.Options.MaxDegreeOfParallelism;
                text.AppendLine($"scan:       over {Input.Options.MinPartSize * 2 / (1024 * 1024)} MB of files: parallel, {workers} worker(s) make the rows, handed out in file order");
                text.AppendLine($"            (parts of up to 8 MB, at most {ParallelRecordStream.PartsAhead(workers)} ahead of the one being taken, each holding at most");
                text.AppendLine($"            {ParallelRecordStream.RowsAhead} rows; stopping early cancels the workers); under that, sequential and lazy");
            }
            else
            {
                text.AppendLine("scan:       sequential and lazy, in file order; stops as soon as the consumer does");
            }

            if (SelectsFieldsFirst())
            {
                text.AppendLine("            each line's fields read straight into the select's row: no copy of the line");
            }
        }
        else if (Input.Stream is not null)
        {
            text.AppendLine("scan:       sequential, one worker: a stream cannot be cut into parts");
            text.AppendLine($"aggregate:  {Stage.Description}");
        }
        else
        {
            int workers = Math.Max(1, Input.Options.MaxDegreeOfParallelism);
            string headers = Query.Format.LinesStandAlone ? ""
                : $" (each past the head read with the header there, and again if a {Query.Format.Name} header changed before it)";
            string cut = Stage.AllowSplit ? $"plain files over {Input.Options.MinPartSize * 2 / (1024 * 1024)} MB cut into newline-aligned ranges{headers}"
                : "files read whole (the query reads line numbers)";
            text.AppendLine($"scan:       parallel, {workers} worker(s); {cut}; compressed files one per worker, decompressing ahead on another core when there are fewer files than workers");
            if (Query.Format is not (CommonLogFormat or AutoLogFormat))
            {
                // Only NCSA lines go by the block; a named format of its own parses a line at a time.
                text.AppendLine($"            lines one at a time, by the {Query.Format.Name} parser");
            }
            else if (Query.RequiredLiteral is null)
            {
                string others = Query.Format is AutoLogFormat ? "; the lines of a file in another format one at a time, by its parser" : "";
                text.AppendLine($"            NCSA lines a block ({FileScan.BlockSize / 1024} KiB) at a time: newlines, spaces and quotes marked in one vector pass, fields found by bit scans{others}");
            }

            text.AppendLine($"aggregate:  {Stage.Description} — a partial state per part, merged in file order");
        }

        if (Stage.IsStream && SelectsInParallel(out _))
        {
            text.AppendLine("then:       Select, on the workers over a big input (LINQ to Objects under it)");
        }
        else if (Rest.Count > 0)
        {
            text.AppendLine($"then:       LINQ to Objects: {string.Join(" → ", Rest.Select(c => c.Method.Name))}");
        }

        return text.ToString();
    }

    private string DescribeFields()
    {
        if ((fieldsRead & LogField.Record) != 0)
        {
            return "whole records (the query hands records to code the planner cannot see into)";
        }

        string read = fieldsRead == LogField.None
            ? "none"
            : string.Join(", ", Enum.GetValues<LogField>().Where(f => f != LogField.None && f != LogField.Record && fieldsRead.HasFlag(f)).Select(RowFields.Name));
        return $"{read} (the others stay byte ranges: no string is made for them)";
    }
}
