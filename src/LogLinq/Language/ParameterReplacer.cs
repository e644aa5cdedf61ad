using System.Linq.Expressions;

namespace LogLinq.Language;

/// <summary>Puts an expression in place of a lambda's parameter, to build one lambda out of another's body.</summary>
internal sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
{
    /// <summary><paramref name="body"/> with <paramref name="parameter"/> replaced by <paramref name="replacement"/>.</summary>
    public static Expression Replace(Expression body, ParameterExpression parameter, Expression replacement) =>
        parameter == replacement ? body : new ParameterReplacer(parameter, replacement).Visit(body);

    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
}
