using System.Linq.Expressions;

namespace LogLinq.Language;

/// <summary>
/// A named value of the rows at some stage of a query, as an expression over a row parameter:
/// <c>r.Status</c> over <c>r</c> for a field, <c>Cell&lt;long&gt;(row, 1)</c> over <c>row</c> for a
/// column that a summarize made.
/// </summary>
/// <remarks>
/// A body and its parameter rather than a lambda: a <see cref="LambdaExpression"/> is typed by its
/// delegate, made by reflection for each new type, and a query names a few of a record's fourteen
/// fields (making all their lambdas was 8 ms of every run's start).
/// </remarks>
/// <param name="Name">What the query calls it.</param>
/// <param name="Row">The row <paramref name="Body"/> reads.</param>
/// <param name="Body">The value, over <paramref name="Row"/>.</param>
internal sealed record Column(string Name, ParameterExpression Row, Expression Body)
{
    /// <summary>The column's type.</summary>
    public Type Type => Body.Type;

    /// <summary>The column's value for the row <paramref name="row"/>.</summary>
    public Expression On(Expression row) => ParameterReplacer.Replace(Body, Row, row);
}
