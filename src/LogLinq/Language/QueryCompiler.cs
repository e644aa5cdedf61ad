using System.Linq.Expressions;
using System.Reflection;
using LogLinq.Formats;
using LogLinq.Language.Syntax;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Language;

/// <summary>
/// Compiles the query language into LINQ over <see cref="LogSource"/>. Every name and type is checked
/// before any file is read, and the operators come out in the shapes the planner specialises:
/// <c>where</c> as <c>Where</c> on the records (pushed down to the bytes), <c>count</c> as
/// <c>LongCount</c>, <c>distinct e</c> as <c>Select(e).Distinct()</c>, <c>summarize</c> as
/// <c>GroupBy(key).Select(g =&gt; new object[] { g.Key, g.LongCount(), g.Sum(...) })</c> (parallel
/// partial aggregates), <c>top</c> as <c>OrderByDescending(e).Take(n)</c> (a top-k).
/// </summary>
/// <example>
/// <code>
/// CompiledQuery query = QueryCompiler.Compile("from \"data/access-log\" | where status == 404 | distinct path");
/// foreach (object?[] row in query.Execute().Rows) Console.WriteLine(row[0]);
/// </code>
/// </example>
public static class QueryCompiler
{
    /// <summary>Parses, checks and compiles <paramref name="text"/>.</summary>
    /// <param name="text">The query.</param>
    /// <param name="options">Parameter values, the default files and how they are read; defaults when null.</param>
    /// <exception cref="QueryException">
    /// The query has a syntax error, names an unknown field or function, mixes types, or uses a
    /// parameter without a value; <see cref="QueryException.Describe"/> shows where.
    /// </exception>
    public static CompiledQuery Compile(string text, QueryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Compile(QueryParser.Parse(text), text, options ?? new QueryOptions());
    }

    internal static CompiledQuery Compile(QuerySyntax syntax, string text, QueryOptions options)
    {
        var parameters = new ParameterValues(options.Parameters, text);
        var context = new Context(text, parameters, options.Clock.GetUtcNow());

        // Opening the source reads nothing: every name and type below is checked before any file is
        // (but for XML, whose fields are learnt from the first element).
        (List<string> globs, LogFormat? format, string? xmlElement) = Source(syntax, options, context);
        bool standardInput = syntax.Source is { StandardInput: true } && options.Globs is not { Count: > 0 };
        IQueryable source;
        Relation relation;
        if (xmlElement is not null)
        {
            if (standardInput)
            {
                throw new QueryException("from - reads logs or a record stream, not XML: name the XML files", syntax.Source!.Span, text);
            }

            IQueryable<GenericRecord> elements = Xml(globs, xmlElement, options.Source, syntax.Source!, context);
            source = elements;
            relation = XmlFields.Records(elements.Expression, globs, xmlElement, options.Source);
        }
        else
        {
            LogSourceOptions sourceOptions = format is null ? options.Source : options.Source with { Format = format };
            IQueryable<LogRecord> logs = standardInput
                ? LogSource.Read(StandardInput(syntax.Source!, options, context), sourceOptions)
                : LogSource.Open(globs, sourceOptions);
            source = logs;
            relation = Records(logs.Expression);
        }

        bool scalar = false;
        var live = new LiveShape();
        QueryException? notRecords = null;
        for (int i = 0; i < syntax.Stages.Count; i++)
        {
            StageSyntax stage = syntax.Stages[i];
            if (scalar)
            {
                throw new QueryException("nothing can follow count: it answers with one number", stage.Span, text);
            }

            live.See(stage, last: i == syntax.Stages.Count - 1, relation, context);
            Relation records = relation;
            relation = Stage(stage, relation, context);
            scalar = stage is CountSyntax;
            if (notRecords is null && records.IsRecords && (scalar || !relation.IsRecords))
            {
                notRecords = new QueryException(
                    $"{stage.Keyword} makes rows of its own, not records: a query answers with whole records only through where, sort, top and take",
                    stage.Span,
                    text);
            }
        }

        if (standardInput)
        {
            live.SeeStandardInput(syntax.Source!, context);
        }

        if (!options.AllowUnusedParameters && parameters.Unused.FirstOrDefault() is { } unused)
        {
            throw new QueryException($"a value was given for '{unused}', but the query has no parameter ${unused}");
        }

        QueryException? followProblem = xmlElement is null
            ? live.Problem
            : new QueryException("an XML source cannot be followed: its files are read once, to their end", syntax.Source!.Span, text);
        var shape = new CompiledQuery.Shape(format, parameters.Used, followProblem, live.Window, xmlElement)
        {
            Overflows = context.Overflows,
            Records = notRecords is null && xmlElement is null ? relation.Query : null,
            RecordsProblem = xmlElement is null ? notRecords : new QueryException("the records of an XML source are not log records: --emit records reads logs", syntax.Source!.Span, text),
        };
        if (scalar)
        {
            return new CompiledQuery(source, globs, relation.Query, [new QueryColumn("count", typeof(long))], isScalar: true, shape);
        }

        // A number read from text may be missing (double?); a result's column says just "number".
        QueryColumn[] columns = [.. relation.Columns.Select(c => new QueryColumn(c.Name, Nullable.GetUnderlyingType(c.Type) ?? c.Type))];
        return new CompiledQuery(source, globs, Rows(relation), columns, isScalar: false, shape);
    }

    /// <summary>The window of a <c>summarize</c> key that is <c>bin(time, d)</c> of the records' own time, if one is.</summary>
    private static TimeSpan? TimeWindow(SummarizeSyntax summarize, Relation relation, Context context)
    {
        ParameterExpression row = relation.Parameter();
        List<Column> keys = Columns(summarize.Keys, context.Compiler(relation, row), row, context);
        foreach (Column key in keys)
        {
            if (key.Body is MethodCallExpression { Method.Name: nameof(QueryFunctions.Bin), Arguments: [MemberExpression time, ConstantExpression { Value: TimeSpan size }] }
                && time.Member.Name == nameof(LogRecord.Time) && time.Member.DeclaringType == typeof(LogRecord) && size > TimeSpan.Zero)
            {
                return size;
            }
        }

        return null;
    }

    private static (List<string> Globs, LogFormat? Format, string? XmlElement) Source(QuerySyntax syntax, QueryOptions options, Context context)
    {
        if (options.Globs is { Count: > 0 } chosen)
        {
            return ([.. chosen], syntax.Source is { } given ? FormatOf(given, context) : null, syntax.Source?.XmlElement);
        }

        if (syntax.Source is null)
        {
            return options.DefaultGlobs is { Count: > 0 } defaults
                ? ([.. defaults], null, null)
                : throw new QueryException("the query needs a source: start it with from \"glob\"", syntax.Span, context.Text);
        }

        var globs = new List<string>();
        foreach (ExpressionSyntax glob in syntax.Source.Globs)
        {
            globs.Add(glob switch
            {
                LiteralSyntax { Value: string text } => text,
                ParameterSyntax parameter => (string)context.Parameters.Bind(parameter, typeof(string)).Value!,
                _ => throw new QueryException("a glob is a string or a $parameter", glob.Span, context.Text),
            });
        }

        return (globs, FormatOf(syntax.Source, context), syntax.Source.XmlElement);
    }

    /// <summary>
    /// The format <c>as</c> names; null for none. A server's format that cannot be read is the query's
    /// mistake, pointed at where it is inside the format's string.
    /// </summary>
    private static LogFormat? FormatOf(SourceSyntax source, Context context)
    {
        if (source.Directive is not { } directive)
        {
            return source.Format is { } name ? LogFormat.FromName(name) : null;
        }

        try
        {
            return directive.Server == "apache" ? LogFormat.Apache(directive.Directive) : LogFormat.Nginx(directive.Directive);
        }
        catch (FormatDirectiveException e)
        {
            int offset = directive.OffsetOf(context.Text, e.Position);
            throw new QueryException($"{directive.Server}(...): {e.Reason}", SourceSpan.At(context.Text, offset), context.Text);
        }
    }

    /// <summary>The elements of <c>from ... as xml(element)</c>, as records; an element name XML does not allow is the query's mistake.</summary>
    private static IQueryable<GenericRecord> Xml(List<string> globs, string element, LogSourceOptions options, SourceSyntax source, Context context)
    {
        try
        {
            return LogSource.Xml(globs, element, options);
        }
        catch (ArgumentException e)
        {
            throw new QueryException($"{e.Message.Split(" (Parameter", 2)[0]}: xml(...) takes a name such as bus or \"bus-stop\", without a prefix", source.Span, context.Text);
        }
    }

    /// <summary>The stream <c>from -</c> reads: the options' standard input, if they give queries one.</summary>
    private static Interchange.StreamInput StandardInput(SourceSyntax source, QueryOptions options, Context context) =>
        options.StandardInput is { } open
            ? new Interchange.StreamInput(open, "standard input")
            : throw new QueryException("from - reads standard input, which is not open to queries here", source.Span, context.Text);

    private static Relation Records(Expression source)
    {
        ParameterExpression r = Expression.Parameter(typeof(LogRecord), "r");
        Column[] fields = [.. RecordFields.All.Select(f => new Column(f.Name, r, Expression.Property(r, f.Property)))];
        return new Relation(source, typeof(LogRecord), fields, IsRecords: true);
    }

    private static Relation Stage(StageSyntax stage, Relation relation, Context context) => stage switch
    {
        WhereSyntax where => Where(where, relation, context),
        SelectSyntax select => Select(select, relation, context),
        DistinctSyntax distinct => Distinct(distinct, relation, context),
        CountSyntax => relation with { Query = Call(nameof(Queryable.LongCount), [relation.Element], relation.Query) },
        SummarizeSyntax summarize => Summarize(summarize, relation, context),
        SortSyntax sort => Sort(sort.Keys, relation, context),
        TopSyntax top => Take(top.Count, Sort([top.Key], relation, context, descendingByDefault: true), context),
        TakeSyntax take => Take(take.Count, relation, context),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "unknown stage"),
    };

    // where c  =>  Where(r => c)
    private static Relation Where(WhereSyntax where, Relation relation, Context context)
    {
        ParameterExpression row = relation.Parameter();
        Expression condition = context.Compiler(relation, row).Condition(where.Condition, "where");
        return relation with { Query = Call(nameof(Queryable.Where), [relation.Element], relation.Query, Quote(condition, row)) };
    }

    // select e as n, ...  =>  the same rows with new columns; they become object[] rows at the end
    private static Relation Select(SelectSyntax select, Relation relation, Context context)
    {
        ParameterExpression row = relation.Parameter();
        ExpressionCompiler compiler = context.Compiler(relation, row);
        List<Column> columns = Columns(select.Columns, compiler, row, context);
        return relation with { Columns = columns, IsRecords = false };
    }

    // distinct e, ...  =>  Select(r => e).Distinct(), or Select(r => (e1, e2)).Distinct()
    private static Relation Distinct(DistinctSyntax distinct, Relation relation, Context context)
    {
        ParameterExpression row = relation.Parameter();
        ExpressionCompiler compiler = context.Compiler(relation, row);
        List<Column> columns;
        if (distinct.Columns.Count > 0)
        {
            columns = Columns(distinct.Columns, compiler, row, context);
        }
        else if (relation.IsRecords)
        {
            throw new QueryException("distinct needs the values to compare here, as distinct host or distinct path, status", distinct.Span, context.Text);
        }
        else
        {
            columns = [.. relation.Columns.Select(c => new Column(c.Name, row, c.On(row)))];
        }

        Expression[] values = [.. columns.Select(c => c.Body)];
        Expression key = values.Length == 1 ? values[0] : Tuples.New(values);
        Expression query = Call(nameof(Queryable.Select), [relation.Element, key.Type], relation.Query, Quote(key, row));
        query = Call(nameof(Queryable.Distinct), [key.Type], query);

        ParameterExpression x = Expression.Parameter(key.Type, "x");
        Column[] distinctColumns = [.. columns.Select((c, i) => new Column(c.Name, x, values.Length == 1 ? x : Tuples.Item(x, i)))];
        return new Relation(query, key.Type, distinctColumns, IsRecords: false);
    }

    // summarize a, ... by k, ...  =>  GroupBy(r => k).Select(g => new object[] { g.Key, (object)g.LongCount(), (object)g.Sum(r => e), ... })
    private static Relation Summarize(SummarizeSyntax summarize, Relation relation, Context context)
    {
        ParameterExpression row = relation.Parameter();
        ExpressionCompiler compiler = context.Compiler(relation, row);
        List<Column> keys = Columns(summarize.Keys, compiler, row, context);
        Expression[] keyValues = [.. keys.Select(k => k.Body)];

        // Without keys every row is in one group, still aggregated in parallel and in one pass.
        Expression key = keyValues.Length switch
        {
            0 => Expression.Constant(true),
            1 => keyValues[0],
            _ => Tuples.New(keyValues),
        };
        Type groupType = typeof(IGrouping<,>).MakeGenericType(key.Type, relation.Element);
        ParameterExpression g = Expression.Parameter(groupType, "g");
        Expression groupKey = Expression.Property(g, "Key");

        var cells = new List<Expression>();
        var columns = new List<(string Name, Type Type)>();
        for (int i = 0; i < keys.Count; i++)
        {
            cells.Add(keys.Count == 1 ? groupKey : Tuples.Item(groupKey, i));
            columns.Add((keys[i].Name, keys[i].Type));
        }

        foreach (AggregateSyntax aggregate in summarize.Aggregates)
        {
            Expression value = Aggregate(aggregate, relation, g, context);
            string name = aggregate.Alias ?? DefaultName(aggregate);
            if (columns.Any(c => c.Name == name))
            {
                throw new QueryException($"two columns are named '{name}'; name one with as", aggregate.Span, context.Text);
            }

            cells.Add(value);
            columns.Add((name, value.Type));
        }

        Expression keySelector = Quote(key, row);
        Expression grouped = Call(nameof(Queryable.GroupBy), [relation.Element, key.Type], relation.Query, keySelector);
        Expression array = Expression.NewArrayInit(typeof(object), cells.Select(c => Expression.Convert(c, typeof(object))));
        Expression query = Call(nameof(Queryable.Select), [groupType, typeof(object[])], grouped, Quote(array, g));
        if (keys.Count == 0)
        {
            // Aggregates of no rows are one row still: a count of 0, a sum of 0, no min, max or average.
            var empty = new object?[columns.Count];
            for (int i = 0; i < summarize.Aggregates.Count; i++)
            {
                empty[i] = summarize.Aggregates[i].Function is "count" or "dcount" ? 0L
                    : summarize.Aggregates[i].Function == "sum" ? (columns[i].Type == typeof(double) || columns[i].Type == typeof(double?) ? 0d : ValueTypes.IsDuration(columns[i].Type) ? TimeSpan.Zero : 0L)
                    : null;
            }

            query = Call(nameof(Queryable.DefaultIfEmpty), [typeof(object[])], query, Expression.Constant(empty, typeof(object[])));
        }

        return Rows(query, columns);
    }

    private static Expression Aggregate(AggregateSyntax aggregate, Relation relation, ParameterExpression g, Context context)
    {
        Type element = relation.Element;
        if (aggregate.Argument is null)
        {
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.LongCount), [element], g);
        }

        ParameterExpression row = relation.Parameter();
        ExpressionCompiler compiler = context.Compiler(relation, row);
        Expression value = compiler.Value(aggregate.Argument);
        string function = aggregate.Function;
        switch (function)
        {
            case "sum" or "avg" when ValueTypes.IsDuration(value.Type):
                {
                    // Durations are summed and averaged as their ticks, as LINQ sums long? (a missing
                    // duration left out, the sum checked), and made durations again.
                    context.Overflows.AddDurationArithmetic();
                    MethodInfo ticksOf = typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Ticks))!;
                    Expression ticks = Expression.Call(ticksOf, value.Type == typeof(TimeSpan?) ? value : Expression.Convert(value, typeof(TimeSpan?)));
                    Expression total = Expression.Call(typeof(Enumerable), function == "sum" ? nameof(Enumerable.Sum) : nameof(Enumerable.Average), [element], g, Expression.Lambda(ticks, row));
                    return Expression.Call(typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.DurationOfTicks), [total.Type])!, total);
                }

            case "sum" or "avg":
                value = XmlFields.AsNumber(value); // an XML field's text, as numbers; those that are not are left out
                if (!ValueTypes.IsNumber(value.Type))
                {
                    throw compiler.Error(aggregate.Argument, $"{function} needs numbers, but {ExpressionCompiler.Describe(aggregate.Argument)} is {ValueTypes.Describe(value.Type)}");
                }

                // Sums of ints are taken as longs: a sum of statuses overflows an int on a big log.
                if (value.Type == typeof(int))
                {
                    value = Expression.Convert(value, typeof(long));
                }

                if (value.Type == typeof(long))
                {
                    context.Overflows.AddSum(aggregate.Argument, context.Text);
                }

                return Expression.Call(typeof(Enumerable), function == "sum" ? nameof(Enumerable.Sum) : nameof(Enumerable.Average), [element], g, Expression.Lambda(value, row));

            case "min" or "max":
                if (!ValueTypes.IsOrdered(value.Type))
                {
                    throw compiler.Error(aggregate.Argument, $"{function} needs values that have an order, but {ExpressionCompiler.Describe(aggregate.Argument)} is {ValueTypes.Describe(value.Type)}");
                }

                return Expression.Call(typeof(Enumerable), function == "min" ? nameof(Enumerable.Min) : nameof(Enumerable.Max), [element, value.Type], g, Expression.Lambda(value, row));

            case "dcount":
                {
                    // dcount(e)  =>  g.Select(r => e).Distinct().LongCount(), which the planner counts without keeping the group.
                    Expression selected = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [element, value.Type], g, Expression.Lambda(value, row));
                    Expression distinct = Expression.Call(typeof(Enumerable), nameof(Enumerable.Distinct), [value.Type], selected);
                    return Expression.Call(typeof(Enumerable), nameof(Enumerable.LongCount), [value.Type], distinct);
                }

            default:
                return Percentile(aggregate, value, element, row, g, compiler, context);
        }
    }

    // p95(e)  =>  g.Percentile(r => (double?)e, 95): numbers as double? (past 1,024 values the answer
    // is an estimate, not one of the integers), durations as TimeSpan?
    private static Expression Percentile(AggregateSyntax aggregate, Expression value, Type element, ParameterExpression row, ParameterExpression g, ExpressionCompiler compiler, Context context)
    {
        _ = ExpressionCompiler.IsPercentile(aggregate.Function, out int percent);
        if (percent is < 1 or > 100)
        {
            throw new QueryException($"{aggregate.Function} is no percentile: they are p1 to p100 (p50 is the median)", aggregate.Span, context.Text);
        }

        value = XmlFields.AsNumber(value);
        Type? type = ValueTypes.IsNumber(value.Type) ? typeof(double?)
            : value.Type == typeof(TimeSpan) || value.Type == typeof(TimeSpan?) ? typeof(TimeSpan?)
            : null;
        if (type is null)
        {
            throw compiler.Error(aggregate.Argument!, $"{aggregate.Function} needs numbers or durations, but {ExpressionCompiler.Describe(aggregate.Argument!)} is {ValueTypes.Describe(value.Type)}");
        }

        MethodInfo method = typeof(Percentiles).GetMethods()
            .Single(m => m.Name == nameof(Percentiles.Percentile) && m.GetParameters()[1].ParameterType.GetGenericArguments()[1] == type)
            .MakeGenericMethod(element);
        return Expression.Call(method, g, Expression.Lambda(Expression.Convert(value, type), row), Expression.Constant((double)percent));
    }

    // sort by a desc, b  =>  OrderByDescending(r => a).ThenBy(r => b)
    private static Relation Sort(IReadOnlyList<OrderSyntax> keys, Relation relation, Context context, bool descendingByDefault = false)
    {
        Expression query = relation.Query;
        for (int i = 0; i < keys.Count; i++)
        {
            ParameterExpression row = relation.Parameter();
            ExpressionCompiler compiler = context.Compiler(relation, row);
            Expression key = compiler.Value(keys[i].Key);
            if (!ValueTypes.IsOrdered(key.Type))
            {
                throw compiler.Error(keys[i].Key, $"cannot sort by {ExpressionCompiler.Describe(keys[i].Key)}: it is {ValueTypes.Describe(key.Type)}");
            }

            bool descending = keys[i].Descending ?? descendingByDefault;
            string method = (i == 0, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            query = Call(method, [relation.Element, key.Type], query, Quote(key, row));
        }

        return relation with { Query = query };
    }

    // take n  =>  Take(n)
    private static Relation Take(ExpressionSyntax count, Relation relation, Context context)
    {
        ParameterExpression row = relation.Parameter();
        Expression n = context.Compiler(relation, row).Compile(count, typeof(int));
        if (n is not ConstantExpression { Value: int rows } || rows < 0)
        {
            throw new QueryException("the number of rows must be a whole number from 0 to 2147483647", count.Span, context.Text);
        }

        return relation with { Query = Call(nameof(Queryable.Take), [relation.Element], relation.Query, Expression.Constant(rows)) };
    }

    private static List<Column> Columns(IReadOnlyList<ColumnSyntax> syntax, ExpressionCompiler compiler, ParameterExpression row, Context context)
    {
        var columns = new List<Column>();
        for (int i = 0; i < syntax.Count; i++)
        {
            Expression value = compiler.Value(syntax[i].Value);
            string name = syntax[i].Alias ?? DefaultName(syntax[i].Value, i);
            if (columns.Any(c => c.Name == name))
            {
                throw new QueryException($"two columns are named '{name}'; name one with as", syntax[i].Span, context.Text);
            }

            columns.Add(new Column(name, row, value));
        }

        return columns;
    }

    /// <summary>A column's name when none is given: the field's (<c>bin(time, 1h)</c> is <c>time</c>), <c>lower_agent</c>, or <c>column2</c>.</summary>
    private static string DefaultName(ExpressionSyntax value, int index) => value switch
    {
        NameSyntax name => name.Name,
        CallSyntax { Function: var f, Arguments: [NameSyntax arg, ..] } when f.Equals("bin", StringComparison.OrdinalIgnoreCase) => arg.Name,
        CallSyntax { Function: var f, Arguments: [NameSyntax arg] } => $"{f.ToLowerInvariant()}_{arg.Name}",
        _ => $"column{index + 1}",
    };

    private static string DefaultName(AggregateSyntax aggregate) => aggregate.Argument switch
    {
        null => aggregate.Function,
        NameSyntax name => $"{aggregate.Function}_{name.Name}",
        _ => aggregate.Function,
    };

    /// <summary>The relation as <c>object[]</c> rows, its columns in order; a select's columns are computed here.</summary>
    private static Expression Rows(Relation relation)
    {
        if (relation.Element == typeof(object[]) && relation.Columns.Select((c, i) => IsCell(c, i)).All(identity => identity))
        {
            return relation.Query;
        }

        ParameterExpression row = relation.Parameter();
        Expression array = Expression.NewArrayInit(typeof(object), relation.Columns.Select(c => Expression.Convert(c.On(row), typeof(object))));
        return Call(nameof(Queryable.Select), [relation.Element, typeof(object[])], relation.Query, Quote(array, row));
    }

    private static bool IsCell(Column column, int index) =>
        column.Body is MethodCallExpression { Method.Name: nameof(QueryFunctions.Cell), Arguments: [ParameterExpression, ConstantExpression { Value: int i }] } && i == index;

    private static Relation Rows(Expression query, List<(string Name, Type Type)> columns)
    {
        ParameterExpression row = Expression.Parameter(typeof(object[]), "row");
        Column[] cells =
        [
            .. columns.Select((c, i) => new Column(
                c.Name,
                row,
                Expression.Call(typeof(QueryFunctions), nameof(QueryFunctions.Cell), [c.Type], row, Expression.Constant(i)))),
        ];
        return new Relation(query, typeof(object[]), cells, IsRecords: false);
    }

    private static Expression Call(string method, Type[] typeArguments, params Expression[] arguments) =>
        Expression.Call(typeof(Queryable), method, typeArguments, arguments);

    private static UnaryExpression Quote(Expression body, ParameterExpression parameter) =>
        Expression.Quote(Expression.Lambda(body, parameter));

    /// <summary>
    /// Whether the query can run over followed input, which has no end: rows that stream (where,
    /// select, take), or a last summarize by a time window, answered as each window closes.
    /// </summary>
    private sealed class LiveShape
    {
        private bool _took;

        /// <summary>Why the query cannot be followed; null when it can.</summary>
        public QueryException? Problem { get; private set; }

        /// <summary>The window of the last summarize, when the query ends in one.</summary>
        public TimeSpan? Window { get; private set; }

        /// <summary>Standard input is read to its end, once: following it is left to the program that writes it.</summary>
        public void SeeStandardInput(SourceSyntax source, Context context) =>
            Problem = new QueryException(
                "from - reads standard input to its end, once: it cannot be followed (a program writing to it, as tail -f, follows for it)",
                source.Span,
                context.Text);

        public void See(StageSyntax stage, bool last, Relation relation, Context context)
        {
            if (Problem is not null)
            {
                return;
            }

            const string Supported = "followed input may pass through where, select and take, and end in summarize ... by bin(time, d)";
            switch (stage)
            {
                case WhereSyntax or SelectSyntax:
                    break;
                case TakeSyntax:
                    _took = true;
                    break;
                case SummarizeSyntax summarize when last && !_took:
                    Window = TimeWindow(summarize, relation, context);
                    if (Window is null)
                    {
                        Problem = new QueryException(
                            $"on followed input summarize needs a key bin(time, d), to answer each window of time as it closes: {Supported}",
                            stage.Span,
                            context.Text);
                    }

                    break;
                default:
                    Problem = new QueryException(
                        $"followed input has no end, so {stage.Keyword} here would never answer: {Supported}",
                        stage.Span,
                        context.Text);
                    break;
            }
        }
    }

    /// <summary>What every stage needs while the query is compiled.</summary>
    /// <param name="Text">The query's text, quoted by errors.</param>
    /// <param name="Parameters">The values of its parameters.</param>
    /// <param name="Now">The instant <c>now()</c> is, read once for the whole query.</param>
    private sealed record Context(string Text, ParameterValues Parameters, DateTimeOffset Now)
    {
        /// <summary>Where the query's integers can overflow, noted as its expressions are compiled.</summary>
        public OverflowSites Overflows { get; } = new();

        public ExpressionCompiler Compiler(Relation relation, ParameterExpression row) => new(relation, row, Parameters, Text, Overflows, Now);
    }
}
