namespace LogLinq.Language;

/// <summary>A column of a query's result.</summary>
/// <param name="Name">The column's name: a field's name, the name given with <c>as</c>, or one made up from the expression.</param>
/// <param name="Type">
/// The type of its values: <see cref="string"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/> or <see cref="bool"/>.
/// </param>
public sealed record QueryColumn(string Name, Type Type)
{
    /// <summary>Whether the values are numbers, which tables align to the right.</summary>
    public bool IsNumeric => Type == typeof(int) || Type == typeof(long) || Type == typeof(double);
}
