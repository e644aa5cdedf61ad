namespace LogLinq.Query.Execution;

/// <summary>A comparison operator of a pushed-down condition.</summary>
internal enum ComparisonKind
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>Evaluation and display of <see cref="ComparisonKind"/>.</summary>
internal static class Comparison
{
    public static bool Holds(ComparisonKind kind, int order) => kind switch
    {
        ComparisonKind.Equal => order == 0,
        ComparisonKind.NotEqual => order != 0,
        ComparisonKind.LessThan => order < 0,
        ComparisonKind.LessThanOrEqual => order <= 0,
        ComparisonKind.GreaterThan => order > 0,
        _ => order >= 0,
    };

    public static string Symbol(ComparisonKind kind) => kind switch
    {
        ComparisonKind.Equal => "==",
        ComparisonKind.NotEqual => "!=",
        ComparisonKind.LessThan => "<",
        ComparisonKind.LessThanOrEqual => "<=",
        ComparisonKind.GreaterThan => ">",
        _ => ">=",
    };

    /// <summary>The same comparison with its operands swapped (<c>5 &lt; x</c> is <c>x &gt; 5</c>).</summary>
    public static ComparisonKind Mirror(ComparisonKind kind) => kind switch
    {
        ComparisonKind.LessThan => ComparisonKind.GreaterThan,
        ComparisonKind.LessThanOrEqual => ComparisonKind.GreaterThanOrEqual,
        ComparisonKind.GreaterThan => ComparisonKind.LessThan,
        ComparisonKind.GreaterThanOrEqual => ComparisonKind.LessThanOrEqual,
        _ => kind,
    };
}
