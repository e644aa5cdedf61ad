using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using LogLinq.Language.Syntax;
using LogLinq.Records;

namespace LogLinq.Language;

/// <summary>
/// Type-checks an expression of the language and turns it into a LINQ expression over one row. The
/// shapes it makes are the ones the planner pushes down to raw bytes: a field compared with a
/// constant of the field's own type (<c>r.Status == 404</c>, not <c>(long)r.Status == 404L</c>), text
/// matched ordinally (<c>r.Path.StartsWith("/ply", StringComparison.Ordinal)</c>), and <c>in</c> as a
/// chain of equalities. Integer <c>+ - *</c> and unary <c>-</c> are checked, as the sums of
/// <c>summarize</c> are: an overflow throws rather than wrapping round to a wrong answer, and is
/// noted in <paramref name="overflows"/> so the error can name it.
/// </summary>
internal sealed class ExpressionCompiler(Relation relation, ParameterExpression row, ParameterValues parameters, string queryText, OverflowSites overflows, DateTimeOffset now)
{
    /// <summary>The functions, by lower-case name, and the fewest and most arguments each takes.</summary>
    public static readonly IReadOnlyDictionary<string, (int Least, int Most)> Functions = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["bin"] = (2, 2),
        ["lower"] = (1, 1),
        ["upper"] = (1, 1),
        ["len"] = (1, 1),
        ["hour"] = (1, 1),
        ["day"] = (1, 1),
        ["minute"] = (1, 1),
        ["month"] = (1, 1),
        ["year"] = (1, 1),
        ["weekday"] = (1, 1),
        ["ext"] = (1, 1),
        ["pathname"] = (1, 1),
        ["querystring"] = (1, 1),
        ["extract"] = (2, 2),
        ["split"] = (3, 3),
        ["replace"] = (3, 3),
        ["substring"] = (2, 3),
        ["number"] = (1, 1),
        ["now"] = (0, 0),
        ["ago"] = (1, 1),
    };

    /// <summary>The aggregates, which only <c>summarize</c> may use (and the percentiles, <see cref="IsPercentile"/>).</summary>
    public static readonly IReadOnlySet<string> Aggregates = new HashSet<string>(StringComparer.Ordinal) { "count", "sum", "avg", "min", "max", "dcount" };

    /// <summary>Whether <paramref name="name"/> (lower case) is a percentile aggregate, <c>p95</c>: a <c>p</c> and digits.</summary>
    public static bool IsPercentile(string name, out int percent)
    {
        percent = 0;
        // NumberStyles.None: digits alone, no sign or blanks.
        return name.Length > 1 && name[0] == 'p'
            && int.TryParse(name.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out percent);
    }

    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo EndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo CompareOrdinal = typeof(string).GetMethod(nameof(string.CompareOrdinal), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    /// <summary>The expression for <paramref name="syntax"/> over the row.</summary>
    /// <param name="syntax">The expression as parsed.</param>
    /// <param name="hint">The type the context wants, which types a literal or a parameter; null for none.</param>
    public Expression Compile(ExpressionSyntax syntax, Type? hint = null) => syntax switch
    {
        LiteralSyntax literal => Literal(literal, hint),
        NameSyntax name => Name(name),
        ParameterSyntax parameter => parameters.Bind(parameter, hint),
        UnarySyntax unary => Unary(unary),
        BinarySyntax binary => Binary(binary),
        CallSyntax call => Call(call),
        InSyntax @in => In(@in),
        _ => throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "unknown syntax"),
    };

    /// <summary>The expression for <paramref name="syntax"/>, which must be true or false.</summary>
    public Expression Condition(ExpressionSyntax syntax, string context)
    {
        Expression condition = Compile(syntax, typeof(bool));
        return condition.Type == typeof(bool)
            ? condition
            : throw Error(syntax, $"{context} needs a condition (true or false), but {Describe(syntax)} is {ValueTypes.Describe(condition.Type)}");
    }

    /// <summary>The expression for <paramref name="syntax"/>, which must be a value a column can hold (not a bare null).</summary>
    public Expression Value(ExpressionSyntax syntax)
    {
        Expression value = Compile(syntax);
        return value.Type == ValueTypes.Null ? Expression.Constant(null, typeof(string)) : value;
    }

    /// <summary>An error at <paramref name="node"/>.</summary>
    public QueryException Error(SyntaxNode node, string message) => new(message, node.Span, queryText);

    private QueryException Error(SourceSpan span, string message) => new(message, span, queryText);

    /// <summary>How a message names an operand: its own name when it has one.</summary>
    public static string Describe(ExpressionSyntax syntax) => syntax switch
    {
        NameSyntax name => name.Name,
        ParameterSyntax parameter => "$" + parameter.Name,
        CallSyntax call => call.Function + "(...)",
        LiteralSyntax { Value: string text } => $"\"{text}\"",
        LiteralSyntax { Value: null } => "null",
        // Times and durations as the language writes them, not as .NET prints them.
        // (F drops the fraction, point included, where it is zero.)
        LiteralSyntax { Value: DateTimeOffset time } => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture),
        LiteralSyntax { Value: TimeSpan span } => DurationFormat.Exact(span),
        LiteralSyntax literal => Convert.ToString(literal.Value, System.Globalization.CultureInfo.InvariantCulture)!,
        _ => "the expression",
    };

    private static Expression Literal(LiteralSyntax literal, Type? hint) => literal.Value switch
    {
        null => Expression.Constant(null, hint == typeof(string) ? typeof(string) : ValueTypes.Null),
        long n when hint == typeof(int) && n is >= int.MinValue and <= int.MaxValue => Expression.Constant((int)n),
        object value => Expression.Constant(value),
    };

    private Expression Name(NameSyntax name)
    {
        if (relation.Find(name.Name) is { } column)
        {
            return column.On(row);
        }

        IEnumerable<string> known = relation.Columns.Select(c => c.Name);
        string what = relation.IsRecords ? "field" : "column";
        if (Functions.ContainsKey(name.Name.ToLowerInvariant()) || Aggregates.Contains(name.Name.ToLowerInvariant()))
        {
            throw Error(name, $"{name.Name} is a function: write {name.Name.ToLowerInvariant()}(...)");
        }

        if (!relation.IsRecords && RecordFields.All.Any(f => f.Name == name.Name))
        {
            throw Error(name, $"{name.Name} is not a column here: the stages before this one keep only {Words.Both([.. known])}");
        }

        string note = relation.FieldsNote is { } fieldsNote ? $" ({fieldsNote})" : "";
        return NameSuggestion.Nearest(name.Name, known) is { } nearest
            ? throw Error(name, $"unknown {what} '{name.Name}'; did you mean '{nearest}'?")
            : throw Error(name, $"unknown {what} '{name.Name}'; the {what}s are {Words.Both([.. known])}{note}");
    }

    private Expression Unary(UnarySyntax unary)
    {
        if (unary.Operator == UnaryOperator.Not)
        {
            return Expression.Not(Condition(unary.Operand, "not"));
        }

        Expression operand = XmlFields.AsNumber(Compile(unary.Operand));
        if (operand is ConstantExpression { Value: long n })
        {
            return Expression.Constant(-n);
        }

        if (operand is ConstantExpression { Value: double d })
        {
            return Expression.Constant(-d);
        }

        if (ValueTypes.IsInteger(operand.Type))
        {
            overflows.AddArithmetic(unary, queryText);
            return Expression.NegateChecked(operand);
        }

        if (ValueTypes.IsDuration(operand.Type))
        {
            overflows.AddDurationArithmetic();
        }

        return ValueTypes.IsNumber(operand.Type) || ValueTypes.IsDuration(operand.Type)
            ? Expression.Negate(operand)
            : throw Error(unary, $"'-' needs a number or a duration, but {Describe(unary.Operand)} is {ValueTypes.Describe(operand.Type)}");
    }

    private Expression Binary(BinarySyntax binary) => binary.Operator switch
    {
        BinaryOperator.And => Expression.AndAlso(Condition(binary.Left, "and"), Condition(binary.Right, "and")),
        BinaryOperator.Or => Expression.OrElse(Condition(binary.Left, "or"), Condition(binary.Right, "or")),
        BinaryOperator.Contains or BinaryOperator.StartsWith or BinaryOperator.EndsWith => TextMatch(binary),
        BinaryOperator.Matches => Matches(binary),
        BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide => Arithmetic(binary),
        _ => Comparison(binary),
    };

    /// <summary>
    /// Both operands, the one that has a type of its own first, so that a literal or a parameter on
    /// the other side takes that type: in <c>status == 404</c> the 404 becomes an int like the status.
    /// </summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <param name="arithmetic">Whether the operator computes rather than compares: a time then takes a duration.</param>
    private (Expression Left, Expression Right) Operands(ExpressionSyntax left, ExpressionSyntax right, bool arithmetic = false)
    {
        // An XML field is text that may stand for a number: a parameter beside it is read for what it is.
        Type? HintFrom(Expression e) =>
            e.Type == ValueTypes.Null || XmlFields.IsField(e) ? null : arithmetic && e.Type == typeof(DateTimeOffset) ? typeof(TimeSpan) : Hint(e.Type);

        if (IsUntyped(left) && !IsUntyped(right))
        {
            Expression r = Compile(right);
            return (Compile(left, HintFrom(r)), r);
        }

        Expression l = Compile(left);
        return (l, Compile(right, HintFrom(l)));
    }

    private static bool IsUntyped(ExpressionSyntax syntax) => syntax is LiteralSyntax or ParameterSyntax;

    /// <summary>The type a literal or a parameter takes beside a value of <paramref name="type"/>: a duration that may be missing takes a duration.</summary>
    private static Type Hint(Type type) => type == typeof(TimeSpan?) ? typeof(TimeSpan) : type;

    /// <summary>
    /// Two durations, one of them a record's that may be missing, both brought to <c>TimeSpan?</c>:
    /// comparisons are then lifted (false where the duration is missing, but for <c>!=</c>), and
    /// arithmetic with a missing duration gives none.
    /// </summary>
    private static (Expression, Expression) Lift(Expression left, Expression right) =>
        left.Type == right.Type ? (left, right) : (Lifted(left), Lifted(right));

    private static Expression Lifted(Expression e) => e switch
    {
        _ when e.Type == typeof(TimeSpan?) => e,
        ConstantExpression { Value: TimeSpan span } => Expression.Constant((TimeSpan?)span, typeof(TimeSpan?)),
        _ => Expression.Convert(e, typeof(TimeSpan?)),
    };

    private Expression Comparison(BinarySyntax binary)
    {
        (Expression left, Expression right) = Operands(binary.Left, binary.Right);
        return Compare(binary.Operator, left, right, binary.OperatorSpan, binary.Left, binary.Right);
    }

    private Expression Compare(BinaryOperator op, Expression left, Expression right, SourceSpan at, ExpressionSyntax leftSyntax, ExpressionSyntax rightSyntax)
    {
        bool equality = op is BinaryOperator.Equal or BinaryOperator.NotEqual;
        ExpressionType type = op switch
        {
            BinaryOperator.Equal => ExpressionType.Equal,
            BinaryOperator.NotEqual => ExpressionType.NotEqual,
            BinaryOperator.Less => ExpressionType.LessThan,
            BinaryOperator.LessOrEqual => ExpressionType.LessThanOrEqual,
            BinaryOperator.Greater => ExpressionType.GreaterThan,
            _ => ExpressionType.GreaterThanOrEqual,
        };
        string symbol = SymbolOf(op);

        // null is text that is not there: only text (referrer, agent, vhost), a number read from text and
        // the record's duration can be compared with it.
        bool leftNull = left is ConstantExpression { Value: null };
        if (leftNull || right is ConstantExpression { Value: null })
        {
            Expression other = leftNull ? right : left;
            ExpressionSyntax otherSyntax = leftNull ? rightSyntax : leftSyntax;
            if (!equality)
            {
                throw Error(at, $"{symbol} cannot compare with null; use == null or != null");
            }

            if (other.Type != typeof(string) && other.Type != ValueTypes.Null && other.Type != typeof(double?) && other.Type != typeof(TimeSpan?))
            {
                throw Error(at, $"{Describe(otherSyntax)} is {ValueTypes.Describe(other.Type)} and never null");
            }

            var nothing = Expression.Constant(null, other.Type == typeof(double?) || other.Type == typeof(TimeSpan?) ? other.Type : typeof(string));
            return Expression.MakeBinary(type, leftNull ? nothing : left, leftNull ? right : nothing);
        }

        // Text of an XML field compared with a number is read as a number: latitude > 41.9.
        if (ValueTypes.IsNumber(left.Type) || ValueTypes.IsNumber(right.Type))
        {
            (left, right) = (XmlFields.AsNumber(left), XmlFields.AsNumber(right));
        }

        if (ValueTypes.IsNumber(left.Type) && ValueTypes.IsNumber(right.Type))
        {
            // Lifted: a missing number (text that is not one) makes every comparison false but !=.
            (left, right) = Unify(left, right);
            return Expression.MakeBinary(type, left, right);
        }

        if (ValueTypes.IsDuration(left.Type) && ValueTypes.IsDuration(right.Type))
        {
            (left, right) = Lift(left, right);
        }

        if (left.Type != right.Type)
        {
            string hint = right.Type == typeof(string) && left.Type == typeof(DateTimeOffset)
                ? " (write a time without quotes, as 2008-02-24T00:08:59-06:00)"
                : "";
            throw Error(at, $"cannot compare {Describe(leftSyntax)} ({ValueTypes.Describe(left.Type)}) with {Describe(rightSyntax)} ({ValueTypes.Describe(right.Type)}){hint}");
        }

        if (left.Type == typeof(string) && !equality)
        {
            // Text is ordered ordinally, by UTF-16 code unit, the same on every machine.
            return Expression.MakeBinary(type, Expression.Call(CompareOrdinal, left, right), Expression.Constant(0));
        }

        if (!equality && !ValueTypes.IsOrdered(left.Type))
        {
            throw Error(at, $"{symbol} needs values that have an order, but {Describe(leftSyntax)} is {ValueTypes.Describe(left.Type)}");
        }

        if (left.Type == typeof(bool) && !equality)
        {
            throw Error(at, $"{symbol} needs values that have an order, but {Describe(leftSyntax)} is true or false");
        }

        return Expression.MakeBinary(type, left, right);
    }

    /// <summary>
    /// Two numbers brought to one type. A constant takes the other side's type when it fits, so a
    /// field stays bare for the planner; otherwise the narrower side is widened.
    /// </summary>
    private static (Expression, Expression) Unify(Expression left, Expression right)
    {
        if (left.Type == right.Type)
        {
            return (left, right);
        }

        if (Fit(right, left.Type) is { } r)
        {
            return (left, r);
        }

        if (Fit(left, right.Type) is { } l)
        {
            return (l, right);
        }

        Type wide = ValueTypes.Wider(left.Type, right.Type);
        return (Widen(left, wide), Widen(right, wide));
    }

    /// <summary>The constant <paramref name="e"/> as a <paramref name="type"/> when it fits exactly; otherwise null.</summary>
    private static ConstantExpression? Fit(Expression e, Type type) => e is ConstantExpression { Value: var value } ? (value, type) switch
    {
        (long n, _) when type == typeof(int) && n is >= int.MinValue and <= int.MaxValue => Expression.Constant((int)n),
        (int n, _) when type == typeof(long) => Expression.Constant((long)n),
        (long n, _) when type == typeof(double) => Expression.Constant((double)n),
        (int n, _) when type == typeof(double) => Expression.Constant((double)n),
        (double d, _) when type == typeof(long) && Math.Floor(d) == d && Math.Abs(d) < 9e15 => Expression.Constant((long)d),
        (double d, _) when type == typeof(int) && Math.Floor(d) == d && d is >= int.MinValue and <= int.MaxValue => Expression.Constant((int)d),
        (long n, _) when type == typeof(double?) => Expression.Constant((double?)n, typeof(double?)),
        (int n, _) when type == typeof(double?) => Expression.Constant((double?)n, typeof(double?)),
        (double d, _) when type == typeof(double?) => Expression.Constant((double?)d, typeof(double?)),
        _ => null,
    }
    : null;

    private static Expression Widen(Expression e, Type type) =>
        e.Type == type ? e : Fit(e, type) ?? (Expression)Expression.Convert(e, type);

    private Expression Arithmetic(BinarySyntax binary)
    {
        (Expression left, Expression right) = Operands(binary.Left, binary.Right, arithmetic: true);
        BinaryOperator op = binary.Operator;

        // XML fields are read as numbers for arithmetic: always for - * /, which text has no meaning
        // for; for + only beside a number, since two texts are joined.
        if (op != BinaryOperator.Add || ValueTypes.IsNumber(left.Type) || ValueTypes.IsNumber(right.Type))
        {
            (left, right) = (XmlFields.AsNumber(left), XmlFields.AsNumber(right));
        }

        if (ValueTypes.IsNumber(left.Type) && ValueTypes.IsNumber(right.Type))
        {
            if (op == BinaryOperator.Divide)
            {
                // Division is exact: bytes / 1MB is 0.5, not 0. bin() rounds down when that is wanted.
                Type quotient = ValueTypes.Wider(ValueTypes.Wider(left.Type, right.Type), typeof(double));
                return Expression.Divide(Widen(left, quotient), Widen(right, quotient));
            }

            Type wide = ValueTypes.Wider(left.Type, right.Type);
            left = Widen(left, wide);
            right = Widen(right, wide);
            if (ValueTypes.IsInteger(wide))
            {
                overflows.AddArithmetic(binary, queryText);
                return op switch
                {
                    BinaryOperator.Add => Expression.AddChecked(left, right),
                    BinaryOperator.Subtract => Expression.SubtractChecked(left, right),
                    _ => Expression.MultiplyChecked(left, right),
                };
            }

            return op switch
            {
                BinaryOperator.Add => Expression.Add(left, right),
                BinaryOperator.Subtract => Expression.Subtract(left, right),
                _ => Expression.Multiply(left, right),
            };
        }

        if (ValueTypes.IsDuration(left.Type) && ValueTypes.IsDuration(right.Type) && op is BinaryOperator.Add or BinaryOperator.Subtract)
        {
            (left, right) = Lift(left, right);
        }

        Type lt = left.Type;
        Type rt = right.Type;
        if (op is BinaryOperator.Add or BinaryOperator.Subtract && (lt == typeof(DateTimeOffset) && rt == typeof(TimeSpan?) || lt == typeof(TimeSpan?) && rt == typeof(DateTimeOffset)))
        {
            // A time moved by nothing would be a time that may be missing, which the language has not.
            ExpressionSyntax missing = lt == typeof(TimeSpan?) ? binary.Left : binary.Right;
            throw Error(
                binary.OperatorSpan,
                $"'{SymbolOf(op)}' moves a time by a duration that is always there, but {Describe(missing)} is null where the log has none");
        }

        switch (op)
        {
            case BinaryOperator.Add when lt == typeof(string) && rt == typeof(string):
                return Expression.Call(Concat, left, right);
            case BinaryOperator.Add when ValueTypes.IsDuration(lt) && lt == rt:
            case BinaryOperator.Subtract when ValueTypes.IsDuration(lt) && lt == rt:
                overflows.AddDurationArithmetic();
                return op == BinaryOperator.Add ? Expression.Add(left, right) : Expression.Subtract(left, right);
            case BinaryOperator.Subtract when lt == typeof(DateTimeOffset) && rt == typeof(DateTimeOffset):
                return Expression.Subtract(left, right);
            case BinaryOperator.Add when lt == typeof(DateTimeOffset) && rt == typeof(TimeSpan):
            case BinaryOperator.Subtract when lt == typeof(DateTimeOffset) && rt == typeof(TimeSpan):
            case BinaryOperator.Add when lt == typeof(TimeSpan) && rt == typeof(DateTimeOffset):
                // DateTimeOffset's operators throw an ArgumentOutOfRangeException past the year 9999:
                // these report it as the overflow it is, in the query's words.
                overflows.AddDurationArithmetic();
                (Expression time, Expression duration) = lt == typeof(DateTimeOffset) ? (left, right) : (right, left);
                return Expression.Call(typeof(QueryFunctions).GetMethod(op == BinaryOperator.Add ? nameof(QueryFunctions.Later) : nameof(QueryFunctions.Earlier))!, time, duration);
            default:
                throw Error(
                    binary.OperatorSpan,
                    $"cannot apply '{SymbolOf(op)}' to {Describe(binary.Left)} ({ValueTypes.Describe(lt)}) and {Describe(binary.Right)} ({ValueTypes.Describe(rt)})");
        }
    }

    private Expression TextMatch(BinarySyntax binary)
    {
        string name = SymbolOf(binary.Operator);
        Expression left = Compile(binary.Left, typeof(string));
        Expression right = Compile(binary.Right, typeof(string));
        RequireText(left, binary.Left, binary.OperatorSpan, $"{name} needs text on its left");
        RequireText(right, binary.Right, binary.OperatorSpan, $"{name} needs text on its right");
        MethodInfo method = binary.Operator switch
        {
            BinaryOperator.StartsWith => StartsWith,
            BinaryOperator.EndsWith => EndsWith,
            _ => Contains,
        };

        // Ordinal, as the planner needs to compare raw bytes; and false, not an exception, where a
        // field is missing from the log format.
        Expression match = Expression.Call(left, method, right, Expression.Constant(StringComparison.Ordinal));
        if (CanBeNull(right))
        {
            match = Expression.AndAlso(Expression.NotEqual(right, Expression.Constant(null, typeof(string))), match);
        }

        return CanBeNull(left)
            ? Expression.AndAlso(Expression.NotEqual(left, Expression.Constant(null, typeof(string))), match)
            : match;
    }

    private Expression Matches(BinarySyntax binary)
    {
        Expression left = Compile(binary.Left, typeof(string));
        RequireText(left, binary.Left, binary.OperatorSpan, "matches needs text on its left");
        Regex regex = Pattern(binary.Right, "matches needs a regular expression in quotes (or a $parameter) on its right");
        return Expression.Call(typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Matches))!, left, Expression.Constant(regex));
    }

    /// <summary>
    /// The regular expression <paramref name="syntax"/> writes, which must be known before the scan (a
    /// string or a $parameter): it is made once for the query, and a pattern that is not one is
    /// reported here, at the pattern, rather than on the first row.
    /// </summary>
    /// <param name="syntax">The pattern as parsed.</param>
    /// <param name="needs">The message where the pattern is not a constant string.</param>
    private Regex Pattern(ExpressionSyntax syntax, string needs)
    {
        if (Compile(syntax, typeof(string)) is not ConstantExpression { Value: string pattern })
        {
            throw Error(syntax, needs);
        }

        try
        {
            return QueryFunctions.Pattern(pattern);
        }
        catch (ArgumentException e)
        {
            throw Error(syntax, $"not a valid regular expression: {e.Message}");
        }
    }

    private void RequireText(Expression e, ExpressionSyntax syntax, SourceSpan at, string message)
    {
        if (e.Type != typeof(string))
        {
            throw Error(at, $"{message}, but {Describe(syntax)} is {ValueTypes.Describe(e.Type)}");
        }
    }

    private Expression In(InSyntax @in)
    {
        Expression value = Compile(@in.Value);
        Expression? any = null;
        foreach (ExpressionSyntax candidate in @in.Candidates)
        {
            Expression c = Compile(candidate, XmlFields.IsField(value) ? null : Hint(value.Type));
            Expression equal = Compare(BinaryOperator.Equal, value, c, candidate.Span, @in.Value, candidate);
            any = any is null ? equal : Expression.OrElse(any, equal);
        }

        return any!;
    }

    private Expression Call(CallSyntax call)
    {
        string name = call.Function.ToLowerInvariant();
        if (Aggregates.Contains(name) || IsPercentile(name, out _))
        {
            throw Error(call, $"{name}() is an aggregate: use it in summarize, as summarize {name}({(name == "count" ? "" : "bytes")})");
        }

        if (!Functions.TryGetValue(name, out (int Least, int Most) arity))
        {
            string? nearest = NameSuggestion.Nearest(name, Functions.Keys);
            throw Error(call, nearest is null
                ? $"unknown function '{call.Function}'; the functions are {Words.Both([.. Functions.Keys])}"
                : $"unknown function '{call.Function}'; did you mean '{nearest}'?");
        }

        if (call.Arguments.Count < arity.Least || call.Arguments.Count > arity.Most)
        {
            string takes = arity.Least == arity.Most ? $"{arity.Least}" : $"{arity.Least} or {arity.Most}";
            throw Error(call, $"{name} takes {takes} argument{(arity.Most == 1 ? "" : "s")}, not {call.Arguments.Count}");
        }

        if (name == "now")
        {
            return Expression.Constant(now);
        }

        ExpressionSyntax first = call.Arguments[0];
        switch (name)
        {
            case "ago":
                return Ago(first);

            case "lower" or "upper" or "len" or "ext" or "pathname" or "querystring" or "number":
                return Expression.Call(typeof(QueryFunctions).GetMethod(char.ToUpperInvariant(name[0]) + name[1..])!, Text(first, name));

            case "hour" or "day" or "minute" or "month" or "year" or "weekday":
                {
                    Expression time = Compile(first, typeof(DateTimeOffset));
                    if (time.Type != typeof(DateTimeOffset))
                    {
                        throw Error(first, $"{name} needs a time, but {Describe(first)} is {ValueTypes.Describe(time.Type)}");
                    }

                    // The parts of the time as the log wrote it, at its own offset, as DateTimeOffset's properties give them.
                    return name == "weekday"
                        ? Expression.Call(typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Weekday))!, time)
                        : Expression.Property(time, char.ToUpperInvariant(name[0]) + name[1..]);
                }

            case "extract":
                {
                    Expression text = Text(first, name);
                    Regex regex = Pattern(call.Arguments[1], "extract needs a regular expression in quotes (or a $parameter) as its second argument");

                    // The first group is the lowest-numbered one, which is not 1 where the pattern numbers its own ((?<5>...)).
                    int group = regex.GetGroupNumbers().Where(n => n > 0).DefaultIfEmpty(0).Min();
                    return Expression.Call(typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Extract))!, text, Expression.Constant(regex), Expression.Constant(group));
                }

            case "split":
                {
                    Expression text = Text(first, name);
                    Expression separator = NotEmpty(Text(call.Arguments[1], name, " as its separator"), call.Arguments[1], "split needs a separator that is not empty");
                    Expression index = Integer(call.Arguments[2], name, "as its index");
                    return Expression.Call(typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Split))!, text, separator, index);
                }

            case "replace":
                {
                    Expression text = Text(first, name);
                    Expression old = NotEmpty(Text(call.Arguments[1], name, " to look for"), call.Arguments[1], "replace needs text to look for that is not empty");
                    Expression replacement = Text(call.Arguments[2], name, " to put in its place");
                    return Expression.Call(typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Replace))!, text, old, replacement);
                }

            case "substring":
                {
                    Expression text = Text(first, name);
                    Expression start = Integer(call.Arguments[1], name, "as its start");
                    return call.Arguments.Count == 2
                        ? Expression.Call(typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Substring), [typeof(string), typeof(long)])!, text, start)
                        : Expression.Call(
                            typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Substring), [typeof(string), typeof(long), typeof(long)])!,
                            text,
                            start,
                            Integer(call.Arguments[2], name, "as its length"));
                }

            default:
                return Bin(call, first, call.Arguments[1]);
        }
    }

    /// <summary>A function's argument that must be text: a literal, a parameter or <c>null</c> there is read as text.</summary>
    /// <param name="syntax">The argument as parsed.</param>
    /// <param name="function">The function's name, for the message.</param>
    /// <param name="role">What the argument is for, for the message (" as its separator"); empty for the text the function works on.</param>
    private Expression Text(ExpressionSyntax syntax, string function, string role = "")
    {
        Expression text = Compile(syntax, typeof(string));
        RequireText(text, syntax, syntax.Span, $"{function} needs text{role}");
        return text;
    }

    /// <summary>A function's argument that must be an integer (a position, a count), as a <c>long</c>.</summary>
    private Expression Integer(ExpressionSyntax syntax, string function, string role)
    {
        Expression n = Compile(syntax, typeof(long));
        return ValueTypes.IsInteger(n.Type)
            ? Widen(n, typeof(long))
            : throw Error(syntax, $"{function} needs an integer {role}, but {Describe(syntax)} is {ValueTypes.Describe(n.Type)}");
    }

    /// <summary>
    /// <paramref name="text"/>, unless it is the empty string written in the query: text to look for
    /// that is empty is found everywhere, which is a slip, not a question.
    /// </summary>
    private Expression NotEmpty(Expression text, ExpressionSyntax syntax, string message) =>
        text is ConstantExpression { Value: "" } ? throw Error(syntax, message) : text;

    /// <summary>
    /// <c>ago(d)</c>: <c>now() - d</c>. A constant duration gives a constant time, so a comparison
    /// with it is pushed down to the scan like one with a written time.
    /// </summary>
    private Expression Ago(ExpressionSyntax durationSyntax)
    {
        Expression duration = Compile(durationSyntax, typeof(TimeSpan));
        if (duration.Type != typeof(TimeSpan))
        {
            throw Error(durationSyntax, $"ago needs a duration, as in ago(1h), but {Describe(durationSyntax)} is {ValueTypes.Describe(duration.Type)}");
        }

        if (duration is not ConstantExpression { Value: TimeSpan constant })
        {
            return Expression.Call(typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Earlier))!, Expression.Constant(now), duration);
        }

        try
        {
            return Expression.Constant(QueryFunctions.Earlier(now, constant));
        }
        catch (OverflowException)
        {
            throw Error(durationSyntax, $"ago({Describe(durationSyntax)}) would be before the year 1");
        }
    }

    private Expression Bin(CallSyntax call, ExpressionSyntax valueSyntax, ExpressionSyntax sizeSyntax)
    {
        Expression value = XmlFields.AsNumber(Compile(valueSyntax));
        bool fraction = value.Type == typeof(double) || value.Type == typeof(double?);
        Type sizeType = value.Type == typeof(DateTimeOffset) ? typeof(TimeSpan) : fraction ? typeof(double) : typeof(long);
        if (!ValueTypes.IsNumber(value.Type) && value.Type != typeof(DateTimeOffset))
        {
            throw Error(valueSyntax, $"bin needs a time or a number, but {Describe(valueSyntax)} is {ValueTypes.Describe(value.Type)}");
        }

        Expression size = Compile(sizeSyntax, sizeType);
        if (ValueTypes.IsNumber(value.Type) && ValueTypes.IsNumber(size.Type) && size.Type != typeof(double?))
        {
            // A number that may be missing stays so: bin of nothing is nothing.
            sizeType = fraction || size.Type == typeof(double) ? typeof(double) : typeof(long);
            value = Widen(value, value.Type == typeof(double?) ? value.Type : sizeType);
            size = Widen(size, sizeType);
        }

        if (size.Type != sizeType)
        {
            throw Error(sizeSyntax, $"bin of {ValueTypes.Describe(value.Type)} needs {ValueTypes.Describe(sizeType)} as its size, as in {(sizeType == typeof(TimeSpan) ? "bin(time, 1h)" : "bin(bytes, 1MB)")}");
        }

        if (size is ConstantExpression { Value: var constant } && (constant is TimeSpan t && t <= TimeSpan.Zero || constant is long n && n <= 0 || constant is double d && d <= 0))
        {
            throw Error(sizeSyntax, "bin needs a size greater than zero");
        }

        if (ValueTypes.IsInteger(value.Type))
        {
            overflows.AddArithmetic(call, queryText);
        }

        MethodInfo method = typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Bin), [value.Type, size.Type])!;
        return Expression.Call(method, value, size);
    }

    /// <summary>Whether <paramref name="e"/> may be null at run time: a field that some formats lack, or what is made from one.</summary>
    private static bool CanBeNull(Expression e) => e switch
    {
        ConstantExpression constant => constant.Value is null,
        MemberExpression { Member: PropertyInfo property } when property.DeclaringType == typeof(LogRecord) => RecordFields.Nullable.Contains(property.Name),
        MethodCallExpression call when call.Method.DeclaringType == typeof(QueryFunctions) && call.Method.Name is nameof(QueryFunctions.Lower) or nameof(QueryFunctions.Upper) =>
            CanBeNull(call.Arguments[0]),
        MethodCallExpression call when call.Method == Concat || call.Method.Name is nameof(QueryFunctions.Ext) or nameof(QueryFunctions.Weekday) => false,
        _ => e.Type == typeof(string),
    };

    private static string SymbolOf(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => op.ToString().ToLowerInvariant(),
    };
}
