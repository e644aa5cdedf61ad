using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Differential;

/// <summary>A generated query: what it is, in C#-like words, and the code that runs it on any source.</summary>
/// <param name="Index">Its place in the generated sequence (with the seed, enough to regenerate it).</param>
/// <param name="Description">The query as C#, for failure messages.</param>
/// <param name="Run">The query; the same code runs on the provider and on LINQ to Objects.</param>
internal sealed record GeneratedQuery(int Index, string Description, Func<IQueryable<LogRecord>, object?> Run)
{
    public override string ToString() => $"#{Index}: {Description}";
}

/// <summary>
/// Generates random queries over <see cref="LogRecord"/>: 0–3 <c>Where</c>s with predicates built
/// with <see cref="System.Linq.Expressions"/> from building blocks (the comparisons the planner pushes
/// down to the bytes, and C# it cannot translate), combined with <c>&amp;&amp;</c>, <c>||</c> and
/// <c>!</c> to depth 3, then one terminal operator: the ones the planner runs as parallel aggregates,
/// and ones that fall back to LINQ to Objects. Constants are drawn from the records themselves, so
/// that predicates select something. Deterministic for a seed and a record list.
/// </summary>
internal sealed class QueryGenerator
{
    private static readonly ParameterExpression R = Expression.Parameter(typeof(LogRecord), "r");
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StartsWithComparison = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo EndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo InstanceEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string)])!;
    private static readonly MethodInfo StaticEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo ToLowerInvariant = typeof(string).GetMethod(nameof(string.ToLowerInvariant), Type.EmptyTypes)!;

    private static readonly (ExpressionType Type, string Symbol)[] Comparisons =
    [
        (ExpressionType.Equal, "=="), (ExpressionType.NotEqual, "!="), (ExpressionType.LessThan, "<"),
        (ExpressionType.LessThanOrEqual, "<="), (ExpressionType.GreaterThan, ">"), (ExpressionType.GreaterThanOrEqual, ">="),
    ];

    private static readonly int[] StatusConstants = [404, 404, 404, 200, 200, 304, 500, 301, 302, 403, 0, 100, 599, 999];
    private static readonly long[] ByteConstants = [0, 1, 100, 133, 1000, 4447, 5000, 10_000, 97_238, 100_000, 1_000_000, 4_999_999];
    private static readonly string[] Methods = ["GET", "GET", "POST", "HEAD", "get", "", "PUT", "OPTIONS"];
    private static readonly string[] Protocols = ["HTTP/1.0", "HTTP/1.1", "HTTP/2.0", ""];

    private static readonly string[] PathFragments =
    [
        "/robots.txt", "/robots.txt", "/images/", ".html", "?", "a", "/", "", " ", "%20", "\\\"", ".jpg", "/ply", "über",
        "ROBOTS", "/blog/2008/0", "json", "\uFFFD", "/favicon.ico", "Report 1", "-", "/my files/a b.html",
    ];

    private static readonly string?[] VirtualHosts = ["example.com:80", "www.example.org:443", "a:1", "example.com", null, ""];

    private static readonly string[] AgentFragments = ["Mozilla", "bot", "\\\"", "curl", "Googlebot", "(", "", "Firefox/121.0", "-"];

    private readonly Random _rng;
    private readonly List<string> _hosts = [];
    private readonly List<string> _paths = [];
    private readonly List<DateTimeOffset> _times = [];
    private readonly List<long> _bytes = [];
    private readonly List<TimeSpan> _durations = [TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1)];
    private readonly List<Key> _keys;

    public QueryGenerator(IReadOnlyList<LogRecord> records, int seed)
    {
        _rng = new Random(seed);
        for (int i = 0; i < 60 && records.Count > 0; i++)
        {
            LogRecord r = records[_rng.Next(records.Count)];
            _hosts.Add(r.Host);
            _paths.Add(r.Path);
            _times.Add(r.Time);
            _bytes.Add(r.Bytes);
            if (r.Duration is { } duration)
            {
                _durations.Add(duration);
            }
        }

        _hosts.AddRange(["::1", "no.such.host", "127.0.0.1"]);
        _paths.Add("/no/such/path");
        _times.AddRange([DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(2008, 2, 24, 0, 0, 0, TimeSpan.FromHours(-6))]);
        _keys =
        [
            new Key<string>("r.Host", r => r.Host),
            new Key<string>("r.Path", r => r.Path),
            new Key<int>("r.Status", r => r.Status),
            new Key<string>("r.Method", r => r.Method),
            new Key<string?>("r.Referrer", r => r.Referrer),
            new Key<string?>("r.UserAgent", r => r.UserAgent),
            new Key<string?>("r.VirtualHost", r => r.VirtualHost),
            new Key<DateTimeOffset>("r.Time", r => r.Time),
            new Key<long>("r.Bytes", r => r.Bytes),
            new Key<string>("r.Protocol", r => r.Protocol),
            new Key<string>("r.User", r => r.User),
            new Key<int>("r.Status / 100", r => r.Status / 100),
            new Key<string>("r.File", r => r.File),
            new Key<TimeSpan?>("r.Duration", r => r.Duration),
        ];
    }

    public IEnumerable<GeneratedQuery> Generate(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return Next(i);
        }
    }

    private GeneratedQuery Next(int index)
    {
        var wheres = new List<(Expression<Func<LogRecord, bool>> Lambda, string Text)>();
        int whereCount = _rng.Next(10) switch
        {
            < 2 => 0,
            < 6 => 1,
            < 9 => 2,
            _ => 3,
        };
        for (int i = 0; i < whereCount; i++)
        {
            wheres.Add(Predicate());
        }

        (string terminalText, Func<IQueryable<LogRecord>, object?> terminal) = Terminal();
        string description = "logs" + string.Concat(wheres.Select(w => $".Where({w.Text})")) + terminalText;
        return new GeneratedQuery(index, description, source =>
        {
            IQueryable<LogRecord> q = source;
            foreach ((Expression<Func<LogRecord, bool>> lambda, _) in wheres)
            {
                q = q.Where(lambda);
            }

            return terminal(q);
        });
    }

    /// <summary>A random predicate, as a lambda and as C# text.</summary>
    public (Expression<Func<LogRecord, bool>> Lambda, string Text) Predicate()
    {
        (Expression body, string text) = Node(3);
        return (Expression.Lambda<Func<LogRecord, bool>>(body, R), $"r => {text}");
    }

    private (Expression Body, string Text) Node(int depth)
    {
        if (depth == 0 || _rng.Next(100) < 45)
        {
            return Atom();
        }

        switch (_rng.Next(5))
        {
            case 0 or 1:
                {
                    (Expression l, string lt) = Node(depth - 1);
                    (Expression r, string rt) = Node(depth - 1);
                    return (Expression.AndAlso(l, r), $"({lt} && {rt})");
                }

            case 2 or 3:
                {
                    (Expression l, string lt) = Node(depth - 1);
                    (Expression r, string rt) = Node(depth - 1);
                    return (Expression.OrElse(l, r), $"({lt} || {rt})");
                }

            default:
                {
                    (Expression e, string t) = Node(depth - 1);
                    return (Expression.Not(e), t.StartsWith('(') ? $"!{t}" : $"!({t})");
                }
        }
    }

    private (Expression Body, string Text) Atom()
    {
        switch (_rng.Next(37))
        {
            case < 5:
                return Compare("r.Status", Field(nameof(LogRecord.Status)), Pick(StatusConstants), typeof(int));
            case < 8:
                {
                    // Mostly the two forms the brief names; some of every other operator.
                    long value = _rng.Next(3) == 0 ? Pick(_bytes) : Pick(ByteConstants);
                    return _rng.Next(3) switch
                    {
                        0 => Compare("r.Bytes", Field(nameof(LogRecord.Bytes)), value, typeof(long)),
                        1 => Binary(ExpressionType.GreaterThan, "r.Bytes", Field(nameof(LogRecord.Bytes)), value, typeof(long), mirror: false),
                        _ => Binary(ExpressionType.LessThanOrEqual, "r.Bytes", Field(nameof(LogRecord.Bytes)), value, typeof(long), mirror: false),
                    };
                }

            case < 14:
                return TextCall("r.Path", Field(nameof(LogRecord.Path)), _rng.Next(2) == 0 ? Pick(_paths) : PathPiece());
            case < 16:
                return TextEquals("r.Host", Field(nameof(LogRecord.Host)), Pick(_hosts));
            case 16:
                return TextCall("r.Host", Field(nameof(LogRecord.Host)), _rng.Next(2) == 0 ? "66." : "2001:db8:");
            case < 19:
                return TextEquals("r.Method", Field(nameof(LogRecord.Method)), Pick(Methods));
            case 19:
                return TextEquals("r.Protocol", Field(nameof(LogRecord.Protocol)), Pick(Protocols));
            case 20:
                return _rng.Next(2) == 0
                    ? TextEquals("r.User", Field(nameof(LogRecord.User)), "-")
                    : TextEquals("r.Ident", Field(nameof(LogRecord.Ident)), "-");
            case < 23:
                {
                    (ExpressionType type, string symbol) = _rng.Next(3) == 0
                        ? Pick(Comparisons)
                        : _rng.Next(2) == 0 ? Comparisons[5] : Comparisons[2];
                    DateTimeOffset t = Pick(_times);
                    if (t != DateTimeOffset.MinValue && t != DateTimeOffset.MaxValue)
                    {
                        // The same instant (or near it) written in another offset.
                        t = t.AddSeconds(_rng.Next(3) == 0 ? 0 : _rng.Next(-3600, 3600)).ToOffset(TimeSpan.FromMinutes(15 * _rng.Next(-40, 41)));
                    }

                    return Binary(type, symbol, "r.Time", Field(nameof(LogRecord.Time)), t, typeof(DateTimeOffset), mirror: _rng.Next(4) == 0);
                }

            case < 25:
                {
                    string field = _rng.Next(3) switch { 0 => nameof(LogRecord.UserAgent), 1 => nameof(LogRecord.VirtualHost), _ => nameof(LogRecord.Referrer) };
                    return _rng.Next(5) switch
                    {
                        4 => TextEquals($"r.{field}", Field(field), field == nameof(LogRecord.VirtualHost) ? Pick(VirtualHosts) : "-", negate: _rng.Next(3) == 0),
                        0 => TextEquals($"r.{field}", Field(field), null),
                        1 => TextEquals($"r.{field}", Field(field), null, negate: true),
                        2 => TextEquals($"r.{field}", Field(field), "-"),
                        _ => (Expression.Equal(Expression.Constant(null, typeof(string)), Field(field)), $"null == r.{field}"),
                    };
                }

            case < 27:
                {
                    // Calling a method on a null UserAgent throws: only under a null test, as C# would be written.
                    string field = _rng.Next(4) == 0 ? nameof(LogRecord.Referrer) : nameof(LogRecord.UserAgent);
                    MemberExpression member = Field(field);
                    string fragment = field == nameof(LogRecord.Referrer) ? Pick(new[] { "http://", "google", "\\\"", "" }) : Pick(AgentFragments);
                    (MethodInfo method, string name) = _rng.Next(4) == 0 ? (StartsWith, "StartsWith") : (Contains, "Contains");
                    return (
                        Expression.AndAlso(
                            Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
                            Expression.Call(member, method, Expression.Constant(fragment))),
                        $"(r.{field} != null && r.{field}.{name}({Literal(fragment)}))");
                }

            case < 32:
                return Residual();
            case < 34:
                return Captured();
            default:
                return DurationAtom();
        }
    }

    /// <summary>
    /// The duration, which may be null (an NCSA line, a JSON line without request_time): compared
    /// lifted, with a constant of its own type or a duration converted to it (as C# writes
    /// <c>r.Duration &gt; TimeSpan.FromSeconds(2)</c>), or tested for null.
    /// </summary>
    private (Expression Body, string Text) DurationAtom()
    {
        MemberExpression duration = Field(nameof(LogRecord.Duration));
        TimeSpan value = Pick(_durations);
        switch (_rng.Next(5))
        {
            case 0:
                return _rng.Next(2) == 0
                    ? (Expression.Equal(duration, Expression.Constant(null, typeof(TimeSpan?))), "r.Duration == null")
                    : (Expression.NotEqual(duration, Expression.Constant(null, typeof(TimeSpan?))), "r.Duration != null");
            case 1:
                {
                    (ExpressionType op, string symbol) = Pick(Comparisons);
                    var captured = new Box<TimeSpan>(value);
                    return (Expression.MakeBinary(op, duration, Expression.Convert(captured.Expression, typeof(TimeSpan?))), $"r.Duration {symbol} captured({Render(value)})");
                }

            default:
                return Compare("r.Duration", duration, (TimeSpan?)value, typeof(TimeSpan?));
        }
    }

    /// <summary>C# the planner cannot turn into a condition on bytes: it runs as compiled code on a record.</summary>
    private (Expression Body, string Text) Residual()
    {
        MemberExpression path = Field(nameof(LogRecord.Path));
        MemberExpression bytes = Field(nameof(LogRecord.Bytes));
        MemberExpression status = Field(nameof(LogRecord.Status));
        MemberExpression host = Field(nameof(LogRecord.Host));
        MemberExpression time = Field(nameof(LogRecord.Time));
        switch (_rng.Next(10))
        {
            case 0:
                string fragment = Pick(new[] { "a", "robots", "/images/", ".jpg", "über" });
                return (
                    Expression.Call(Expression.Call(path, ToLowerInvariant), Contains, Expression.Constant(fragment)),
                    $"r.Path.ToLowerInvariant().Contains({Literal(fragment)})");
            case 1:
                int m = Pick(new[] { 2, 7, 13 });
                return (
                    Expression.Equal(Expression.Modulo(bytes, Expression.Constant((long)m)), Expression.Constant(0L)),
                    $"r.Bytes % {m} == 0");
            case 2:
                int c = Pick(new[] { 2, 3, 4, 5 });
                return (Expression.Equal(Expression.Divide(status, Expression.Constant(100)), Expression.Constant(c)), $"r.Status / 100 == {c}");
            case 3:
                int length = Pick(new[] { 7, 12, 15 });
                return (
                    Expression.GreaterThan(Expression.Property(host, nameof(string.Length)), Expression.Constant(length)),
                    $"r.Host.Length > {length}");
            case 4:
                int hour = _rng.Next(24);
                return (
                    Expression.LessThan(Expression.Property(time, nameof(DateTimeOffset.Hour)), Expression.Constant(hour)),
                    $"r.Time.Hour < {hour}");
            case 5:
                // Reads the line number: the planner must not split the file for this query.
                int every = Pick(new[] { 3, 5, 11 });
                return (
                    Expression.Equal(Expression.Modulo(Field(nameof(LogRecord.LineNumber)), Expression.Constant((long)every)), Expression.Constant(0L)),
                    $"r.LineNumber % {every} == 0");
            case 6:
                string suffix = Pick(new[] { "log", ".gz", "access-log" });
                return (Expression.Call(Field(nameof(LogRecord.File)), EndsWith, Expression.Constant(suffix)), $"r.File.EndsWith({Literal(suffix)})");
            case 7:
                // A field compared with a field: no constant side.
                return (
                    Expression.GreaterThan(bytes, Expression.Convert(status, typeof(long))),
                    "r.Bytes > r.Status");
            case 8:
                return (
                    Expression.Equal(Expression.Call(Expression.Property(path, "Length"), typeof(int).GetMethod(nameof(int.CompareTo), [typeof(int)])!, Expression.Constant(10)), Expression.Constant(1)),
                    "r.Path.Length.CompareTo(10) == 1");
            default:
                return (
                    Expression.Call(path, StartsWith, Expression.Call(Expression.Constant("/IMAGES/"), ToLowerInvariant)),
                    "r.Path.StartsWith(\"/IMAGES/\".ToLowerInvariant())");
        }
    }

    /// <summary>Constants read from a captured variable, as a C# closure does.</summary>
    private (Expression Body, string Text) Captured()
    {
        switch (_rng.Next(4))
        {
            case 0:
                var status = new Box<int>(Pick(StatusConstants));
                return (Expression.Equal(Field(nameof(LogRecord.Status)), status.Expression), $"r.Status == captured({status.Value})");
            case 1:
                var bytes = new Box<long>(Pick(_bytes));
                return (Expression.GreaterThan(Field(nameof(LogRecord.Bytes)), bytes.Expression), $"r.Bytes > captured({bytes.Value})");
            case 2:
                var prefix = new Box<string>(Pick(new[] { "/images/", "/blog/", "/api/", "/" }));
                return (Expression.Call(Field(nameof(LogRecord.Path)), StartsWith, prefix.Expression), $"r.Path.StartsWith(captured({Literal(prefix.Value)}))");
            default:
                var time = new Box<DateTimeOffset>(Pick(_times));
                return (Expression.LessThan(Field(nameof(LogRecord.Time)), time.Expression), $"r.Time < captured({Render(time.Value)})");
        }
    }

    private string PathPiece()
    {
        if (_rng.Next(3) != 0)
        {
            return Pick(PathFragments);
        }

        // A piece of a real path: a prefix, a suffix or a middle.
        string path = Pick(_paths);
        int start = _rng.Next(path.Length);
        int length = _rng.Next(path.Length - start + 1);
        return path.Substring(start, length);
    }

    private (Expression, string) Compare(string text, Expression field, object value, Type type)
    {
        (ExpressionType op, string symbol) = Pick(Comparisons);
        return Binary(op, symbol, text, field, value, type, mirror: _rng.Next(4) == 0);
    }

    private static (Expression, string) Binary(ExpressionType op, string text, Expression field, object value, Type type, bool mirror) =>
        Binary(op, Comparisons.Single(c => c.Type == op).Symbol, text, field, value, type, mirror);

    private static (Expression, string) Binary(ExpressionType op, string symbol, string text, Expression field, object value, Type type, bool mirror)
    {
        Expression constant = Expression.Constant(value, type);
        string literal = Render(value);
        if (!mirror)
        {
            return (Expression.MakeBinary(op, field, constant), $"{text} {symbol} {literal}");
        }

        // "5 < r.Bytes" is "r.Bytes > 5", with the operands the other way round.
        return (Expression.MakeBinary(op, constant, field), $"{literal} {symbol} {text}");
    }

    private (Expression, string) TextEquals(string text, Expression field, string? value, bool negate = false)
    {
        Expression constant = Expression.Constant(value, typeof(string));
        return negate
            ? (Expression.NotEqual(field, constant), $"{text} != {Literal(value)}")
            : _rng.Next(5) == 0
                ? (Expression.Equal(constant, field), $"{Literal(value)} == {text}")
                : (Expression.Equal(field, constant), $"{text} == {Literal(value)}");
    }

    private (Expression, string) TextCall(string text, Expression field, string value)
    {
        Expression constant = Expression.Constant(value);
        return _rng.Next(9) switch
        {
            0 or 1 => TextEquals(text, field, value, negate: _rng.Next(4) == 0),
            2 => (Expression.Call(field, StartsWith, constant), $"{text}.StartsWith({Literal(value)})"),
            3 => (Expression.Call(field, StartsWithComparison, constant, Expression.Constant(StringComparison.Ordinal)), $"{text}.StartsWith({Literal(value)}, StringComparison.Ordinal)"),
            4 => (Expression.Call(field, EndsWith, constant), $"{text}.EndsWith({Literal(value)})"),
            5 => (Expression.Call(StaticEquals, field, constant), $"string.Equals({text}, {Literal(value)})"),
            6 => (Expression.Call(field, InstanceEquals, constant), $"{text}.Equals({Literal(value)})"),
            _ => (Expression.Call(field, Contains, constant), $"{text}.Contains({Literal(value)})"),
        };
    }

    /// <summary>The operator that ends the query, and its text.</summary>
    private (string, Func<IQueryable<LogRecord>, object?>) Terminal()
    {
        Key key = Pick(_keys);
        switch (_rng.Next(27))
        {
            case 0 or 1:
                return (".Select(r => r.LineNumber).ToList()", q => q.Select(r => r.LineNumber).ToList());
            case 2:
                return (".Count()", q => q.Count());
            case 3:
                return (".LongCount()", q => q.LongCount());
            case 4:
                {
                    (Expression<Func<LogRecord, bool>> p, string text) = Predicate();
                    return ($".Count({text})", q => q.Count(p));
                }

            case 5:
                {
                    (Expression<Func<LogRecord, bool>> p, string text) = Predicate();
                    return _rng.Next(4) == 0 ? (".Any()", q => q.Any()) : ($".Any({text})", q => q.Any(p));
                }

            case 6:
                {
                    (Expression<Func<LogRecord, bool>> p, string text) = Predicate();
                    return _rng.Next(2) == 0 ? ($".First({text})", q => q.First(p)) : ($".FirstOrDefault({text})", q => q.FirstOrDefault(p));
                }

            case 7:
                return _rng.Next(5) switch
                {
                    0 => (".Sum(r => r.Bytes)", q => q.Sum(r => r.Bytes)),
                    1 => (".Sum(r => r.Status)", q => q.Sum(r => r.Status)),
                    2 => (".Select(r => r.Bytes).Sum()", q => q.Select(r => r.Bytes).Sum()),
                    3 => (".Sum(r => r.Bytes % 1000)", q => q.Sum(r => r.Bytes % 1000)),
                    _ => (".Select(r => r.Status).Sum()", q => q.Select(r => r.Status).Sum()),
                };
            case 8:
                return _rng.Next(6) switch
                {
                    0 => (".Min(r => r.Bytes)", q => q.Min(r => r.Bytes)),
                    1 => (".Max(r => r.Bytes)", q => q.Max(r => r.Bytes)),
                    2 => (".Min(r => r.Status)", q => q.Min(r => r.Status)),
                    3 => (".Max(r => r.Status)", q => q.Max(r => r.Status)),
                    4 => (".Select(r => r.Bytes).Max()", q => q.Select(r => r.Bytes).Max()),
                    _ => ($".Min({key.Text}) / .Max({key.Text})", q => key.MinMax(q)),
                };
            case 9:
                return _rng.Next(4) switch
                {
                    0 => (".Average(r => r.Bytes)", q => q.Average(r => r.Bytes)),
                    1 => (".Average(r => r.Status)", q => q.Average(r => r.Status)),
                    2 => (".Select(r => r.Status).Average()", q => q.Select(r => r.Status).Average()),
                    _ => (".Average(r => (double)r.Bytes)", q => q.Average(r => (double)r.Bytes)),
                };
            case 10 or 11:
                return ($".Select(r => {key.Text}).Distinct().ToList()", key.DistinctList);
            case 12:
                return ($".Select(r => {key.Text}).Distinct().Count()", key.DistinctCount);
            case 13 or 14:
                {
                    int shape = _rng.Next(Key.GroupShapes.Length);
                    return ($".GroupBy(r => {key.Text}).Select({Key.GroupShapes[shape]})", q => key.Group(q, shape));
                }

            case 15 or 16 or 17:
                {
                    Key order = _keys[_rng.Next(4) switch { 0 => 7, 1 => 2, 2 => 6, _ => _rng.Next(2) == 0 ? 1 : _rng.Next(_keys.Count) }];
                    bool descending = _rng.Next(2) == 0;
                    int then = _rng.Next(Key.ThenBys.Length);
                    int k = Pick(new[] { 0, 1, 2, 3, 10, 50 });
                    return (
                        $".{(descending ? "OrderByDescending" : "OrderBy")}(r => {order.Text}){Key.ThenBys[then]}.Take({k}).ToList()",
                        q => order.Top(q, descending, then, k));
                }

            case 18:
                return _rng.Next(2) == 0
                    ? (".OrderByDescending(r => r.Bytes).First()", q => q.OrderByDescending(r => r.Bytes).First())
                    : (".OrderBy(r => r.Time).ThenBy(r => r.Path).FirstOrDefault()", q => q.OrderBy(r => r.Time).ThenBy(r => r.Path).FirstOrDefault());
            case 19 or 20:
                {
                    Key by = _keys[Pick(new[] { 7, 7, 2, 6, 1 })];
                    bool max = _rng.Next(2) == 0;
                    return ($".{(max ? "MaxBy" : "MinBy")}(r => {by.Text})", q => by.By(q, max));
                }

            case 21:
                {
                    int n = Pick(new[] { 0, 1, 5, 20 });
                    return ($".Take({n}).ToList()", q => q.Take(n).ToList());
                }

            case 22 or 23:
                {
                    int skip = Pick(new[] { 0, 1, 7, 100, 5000 });
                    int take = Pick(new[] { 0, 1, 3, 25 });
                    (Expression<Func<LogRecord, bool>> p, string text) = Predicate();
                    return _rng.Next(5) switch
                    {
                        0 => ($".Skip({skip}).Take({take}).ToList()", q => q.Skip(skip).Take(take).ToList()),
                        1 => ($".Take({take + skip}).Skip({skip}).ToList()", q => q.Take(take + skip).Skip(skip).ToList()),
                        2 => ($".Skip({skip}).Count()", q => q.Skip(skip).Count()),
                        3 => ($".Take({skip}).Count({text})", q => q.Take(skip).Count(p)),
                        _ => ($".Skip({skip}).Where({text}).Take({take}).ToList()", q => q.Skip(skip).Where(p).Take(take).ToList()),
                    };
                }

            case 25 or 26:
                return _rng.Next(6) switch
                {
                    0 => (".Max(r => r.Duration)", q => q.Max(r => r.Duration)),
                    1 => (".Min(r => r.Duration)", q => q.Min(r => r.Duration)),
                    2 => (".Sum(r => ticks of r.Duration)", q => q.Sum(r => r.Duration.HasValue ? r.Duration.Value.Ticks : (long?)null)),
                    3 => (".Average(r => ticks of r.Duration)", q => q.Average(r => r.Duration.HasValue ? r.Duration.Value.Ticks : (long?)null)),
                    4 => (".Select(r => r.Duration).Max()", q => q.Select(r => r.Duration).Max()),
                    _ => (".OrderByDescending(r => r.Duration).ThenBy(r => r.LineNumber).Take(10).ToList()", q => q.OrderByDescending(r => r.Duration).ThenBy(r => r.LineNumber).Take(10).ToList()),
                };
            default:
                return _rng.Next(2) == 0
                    ? (".Select(r => r.Host).Distinct().Take(5).ToList()", q => q.Select(r => r.Host).Distinct().Take(5).ToList())
                    : (".All(r => r.Status != 0)", q => q.All(r => r.Status != 0));
        }
    }

    private T Pick<T>(IReadOnlyList<T> pool) => pool[_rng.Next(pool.Count)];

    private static MemberExpression Field(string name) => Expression.Property(R, name);

    /// <summary>A C# literal of <paramref name="value"/>, for descriptions.</summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or > '~' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static string Render(object value) => value switch
    {
        DateTimeOffset t => $"DateTimeOffset.Parse(\"{t.ToString("O", CultureInfo.InvariantCulture)}\")",
        TimeSpan d => $"TimeSpan.FromTicks({d.Ticks.ToString(CultureInfo.InvariantCulture)})",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    /// <summary>A captured variable: a field of an object held in a constant, as the C# compiler makes closures.</summary>
    private sealed class Box<T>(T value)
    {
#pragma warning disable IDE0032, CA1051 // a field, not a property: closures are fields
        public T Value = value;
#pragma warning restore IDE0032, CA1051

        public Expression Expression => System.Linq.Expressions.Expression.Field(System.Linq.Expressions.Expression.Constant(this), nameof(Value));
    }

    /// <summary>A key selector, and the operators that take one, typed by the key.</summary>
    private abstract class Key(string text)
    {
        public static readonly string[] GroupShapes =
        [
            "g => new { g.Key, Count = g.Count(), Sum = g.Sum(r => r.Bytes), Max = g.Max(r => r.Status), D = g.Select(r => r.Path).Distinct().Count() }",
            "g => new { g.Key, N = g.LongCount(), Min = g.Min(r => r.Bytes), Avg = g.Average(r => r.Bytes), Last = g.Max(r => r.Time), Hosts = g.Select(r => r.Host).Distinct().LongCount(), P90 = g.Percentile(r => r.Bytes, 90) }",
            "g => new { g.Key, First = g.First().LineNumber, Paths = g.Count(r => r.Path == \"/robots.txt\") }",
            "g => new { g.Key, Count = g.Count() }).OrderByDescending(x => x.Count).ThenBy(x => x.Key).Take(5).ToList()",
            "g => new { g.Key, Slowest = g.Max(r => r.Duration), Fastest = g.Min(r => r.Duration), Total = g.Sum(ticks of r.Duration), Mean = g.Average(ticks of r.Duration) }",
        ];

        public static readonly string[] ThenBys =
        [
            "", ".ThenBy(r => r.LineNumber)", ".ThenBy(r => r.Host)", ".ThenByDescending(r => r.Status)",
            ".ThenBy(r => r.Time).ThenBy(r => r.LineNumber)", ".ThenByDescending(r => r.Path)",
        ];

        public string Text { get; } = text;

        public abstract object? DistinctList(IQueryable<LogRecord> q);

        public abstract object? DistinctCount(IQueryable<LogRecord> q);

        public abstract object? Group(IQueryable<LogRecord> q, int shape);

        public abstract object? Top(IQueryable<LogRecord> q, bool descending, int then, int k);

        public abstract object? By(IQueryable<LogRecord> q, bool max);

        public abstract object? MinMax(IQueryable<LogRecord> q);
    }

    private sealed class Key<T>(string text, Expression<Func<LogRecord, T>> selector) : Key(text)
    {
        public override object? DistinctList(IQueryable<LogRecord> q) => q.Select(selector).Distinct().ToList();

        public override object? DistinctCount(IQueryable<LogRecord> q) => q.Select(selector).Distinct().Count();

        public override object? Group(IQueryable<LogRecord> q, int shape) => shape switch
        {
            0 => q.GroupBy(selector).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(r => r.Bytes), Max = g.Max(r => r.Status), D = g.Select(r => r.Path).Distinct().Count() }).ToList(),
            1 => q.GroupBy(selector).Select(g => new { g.Key, N = g.LongCount(), Min = g.Min(r => r.Bytes), Avg = g.Average(r => r.Bytes), Last = g.Max(r => r.Time), Hosts = g.Select(r => r.Host).Distinct().LongCount(), P90 = g.Percentile(r => r.Bytes, 90) }).ToList(),
            2 => q.GroupBy(selector).Select(g => new { g.Key, First = g.First().LineNumber, Paths = g.Count(r => r.Path == "/robots.txt") }).ToList(),
            3 => q.GroupBy(selector).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(x => x.Count).ThenBy(x => x.Key).Take(5).ToList(),
            _ => q.GroupBy(selector).Select(g => new
            {
                g.Key,
                Slowest = g.Max(r => r.Duration),
                Fastest = g.Min(r => r.Duration),
                Total = g.Sum(r => r.Duration.HasValue ? r.Duration.Value.Ticks : (long?)null),
                Mean = g.Average(r => r.Duration.HasValue ? r.Duration.Value.Ticks : (long?)null),
            }).ToList(),
        };

        public override object? Top(IQueryable<LogRecord> q, bool descending, int then, int k)
        {
            IOrderedQueryable<LogRecord> ordered = descending ? q.OrderByDescending(selector) : q.OrderBy(selector);
            ordered = then switch
            {
                1 => ordered.ThenBy(r => r.LineNumber),
                2 => ordered.ThenBy(r => r.Host),
                3 => ordered.ThenByDescending(r => r.Status),
                4 => ordered.ThenBy(r => r.Time).ThenBy(r => r.LineNumber),
                5 => ordered.ThenByDescending(r => r.Path),
                _ => ordered,
            };
            return ordered.Take(k).ToList();
        }

        public override object? By(IQueryable<LogRecord> q, bool max) => max ? q.MaxBy(selector) : q.MinBy(selector);

        public override object? MinMax(IQueryable<LogRecord> q) => new Pair(Outcome.Capture(() => q.Min(selector)), Outcome.Capture(() => q.Max(selector)));
    }

    /// <summary>Two outcomes shown together.</summary>
    private sealed record Pair(string Min, string Max)
    {
        public override string ToString() => $"min {Min}, max {Max}";
    }
}
