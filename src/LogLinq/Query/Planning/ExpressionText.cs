using System.Linq.Expressions;
using LogLinq.Language;

namespace LogLinq.Query.Planning;

/// <summary>
/// An expression as <c>Explain</c> shows it: as <see cref="Expression.ToString"/> prints it, but with
/// each duration written as the query language writes it (<c>r.Duration &gt; 1.5s</c>), not as .NET
/// prints a <see cref="TimeSpan"/> (<c>00:00:01.5000000</c>).
/// </summary>
internal sealed class ExpressionText : ExpressionVisitor
{
    private static readonly ExpressionText Instance = new();

    /// <summary>The text of <paramref name="expression"/>.</summary>
    public static string Of(Expression expression) => Instance.Visit(expression).ToString();

    // A parameter prints as its name, and one of the constant's type leaves the tree around it valid.
    protected override Expression VisitConstant(ConstantExpression node) =>
        node.Value is TimeSpan duration ? Expression.Parameter(node.Type, DurationFormat.Exact(duration)) : node;
}
