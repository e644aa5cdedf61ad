using System.Linq.Expressions;

namespace LogLinq.Language;

/// <summary>
/// A named value of the rows at some stage of a query, as a lambda over the row: <c>r =&gt; r.Status</c>
/// for a field, <c>row =&gt; Cell&lt;long&gt;(row, 1)</c> for a column that a summarize made.
/// </summary>
internal sealed record Column(string Name, LambdaExpression Access)
{
    /// <summary>The column's type.</summary>
    public Type Type => Access.ReturnType;

    /// <summary>The column's value for the row <paramref name="row"/>.</summary>
    public Expression On(Expression row) => ParameterReplacer.Replace(Access.Body, Access.Parameters[0], row);
}
