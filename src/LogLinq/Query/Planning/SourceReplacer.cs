using System.Linq.Expressions;
using LogLinq.Records;

namespace LogLinq.Query.Planning;

/// <summary>
/// Puts other records where a query names a log source: to answer a compiled query from a batch's
/// shared scan, or from records that are not files at all (followed input, a list).
/// </summary>
internal sealed class SourceReplacer(Expression replacement) : ExpressionVisitor
{
    /// <summary><paramref name="query"/> with every log source in it replaced by <paramref name="replacement"/>.</summary>
    public static Expression Replace(Expression query, Expression replacement) => new SourceReplacer(replacement).Visit(query);

    protected override Expression VisitConstant(ConstantExpression node) =>
        node.Value is IQueryable<LogRecord> { Provider: LogQueryProvider } ? replacement : node;
}
