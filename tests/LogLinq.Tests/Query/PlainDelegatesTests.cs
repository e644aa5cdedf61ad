using System.Linq.Expressions;
using LogLinq.Language;
using LogLinq.Query.Planning;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// The lambdas of a query's tail made into delegates without compiling: each must give what
/// System.Linq.Expressions' own compiler makes of the same lambda, and any other lambda is declined.
/// </summary>
public sealed class PlainDelegatesTests
{
    private static readonly ParameterExpression Row = Expression.Parameter(typeof(object[]), "row");
    private static readonly ParameterExpression Record = Expression.Parameter(typeof(LogRecord), "r");

    private static Expression Cell<T>(int index) =>
        Expression.Call(typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Cell))!.MakeGenericMethod(typeof(T)), Row, Expression.Constant(index));

    private static NewArrayExpression Boxed(params Expression[] cells) =>
        Expression.NewArrayInit(typeof(object), cells.Select(c => Expression.Convert(c, typeof(object))));

    public static TheoryData<string> RowLambdas() => ["identity", "long cell", "string cell", "missing cell", "row of cells"];

    [Theory]
    [MemberData(nameof(RowLambdas))]
    public void A_lambda_over_result_rows_gives_what_the_compiled_one_gives(string shape)
    {
        LambdaExpression lambda = shape switch
        {
            "identity" => Expression.Lambda(Row, Row),
            "long cell" => Expression.Lambda(Cell<long>(1), Row),
            "string cell" => Expression.Lambda(Cell<string>(0), Row),
            "missing cell" => Expression.Lambda(Cell<double?>(2), Row),
            _ => Expression.Lambda(Boxed(Cell<long>(1), Cell<string>(0), Cell<int>(2), Row), Row),
        };
        object?[][] rows = [["/a", 3L, null], ["/b", 7L, 404], [null, null, 1.5]];

        Delegate? made = PlainDelegates.TryCreate(lambda);

        made.Should().NotBeNull().And.BeOfType(lambda.Type);
        Delegate compiled = lambda.Compile();
        foreach (object?[] row in rows)
        {
            object? expected = compiled.DynamicInvoke([row]);
            object? actual = made!.DynamicInvoke([row]);
            if (expected is object?[] expectedRow)
            {
                ((object?[])actual!).Should().Equal(expectedRow);
            }
            else
            {
                actual.Should().Be(expected);
            }
        }
    }

    [Fact]
    public void A_row_of_a_records_fields_gives_what_the_compiled_one_gives()
    {
        LambdaExpression lambda = Expression.Lambda(
            Boxed(Expression.Property(Record, nameof(LogRecord.Host)), Expression.Property(Record, nameof(LogRecord.Bytes)),
                  Expression.Property(Record, nameof(LogRecord.Time)), Expression.Property(Record, nameof(LogRecord.UserAgent)), Record),
            Record);
        List<LogRecord> records = [.. LogLinq.Query.LogSource.Open(Path.Combine(TestPaths.Data, "access-log")).Take(50)];

        Delegate? made = PlainDelegates.TryCreate(lambda);

        made.Should().NotBeNull();
        var compiled = (Func<LogRecord, object[]>)lambda.Compile();
        var plain = (Func<LogRecord, object[]>)made!;
        foreach (LogRecord record in records)
        {
            plain(record).Should().Equal(compiled(record));
        }
    }

    [Fact]
    public void A_lambda_that_computes_is_declined()
    {
        LambdaExpression[] computing =
        [
            Expression.Lambda(Expression.Multiply(Cell<long>(1), Expression.Constant(2L)), Row),
            Expression.Lambda(Expression.GreaterThan(Cell<long>(1), Expression.Constant(5L)), Row),
            Expression.Lambda(Boxed(Expression.Call(Expression.Property(Record, nameof(LogRecord.Host)), nameof(string.ToUpperInvariant), null)), Record),
            Expression.Lambda(Boxed(Expression.Constant("x")), Record),
            Expression.Lambda(Expression.Property(Record, nameof(LogRecord.Host)), Record),
        ];

        computing.Select(PlainDelegates.TryCreate).Should().AllSatisfy(made => made.Should().BeNull());
    }
}
