using System.Linq.Expressions;

namespace LogLinq.Language;

/// <summary>
/// What flows between two stages while a query is compiled: a LINQ expression of type
/// <c>IQueryable&lt;Element&gt;</c> and the columns a stage may name. A <c>select</c> only renames
/// and computes columns over the same elements, so the next <c>where</c> or <c>distinct</c> still
/// sees the records and the planner can push it down.
/// </summary>
/// <param name="Query">The query so far.</param>
/// <param name="Element">Its element type.</param>
/// <param name="Columns">What the next stage can name.</param>
/// <param name="IsRecords">Whether the elements are the log records and the columns their fields, untouched.</param>
internal sealed record Relation(Expression Query, Type Element, IReadOnlyList<Column> Columns, bool IsRecords)
{
    /// <summary>Said after the list of fields when a name is unknown: why the fields are so few, when they were learnt from data.</summary>
    public string? FieldsNote { get; init; }

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public Column? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>A fresh parameter for a lambda over the elements, named as the planner's explanations read best.</summary>
    public ParameterExpression Parameter() =>
        Expression.Parameter(Element, IsRecords || Element == typeof(Records.LogRecord) ? "r" : Element == typeof(object[]) ? "row" : "x");
}
