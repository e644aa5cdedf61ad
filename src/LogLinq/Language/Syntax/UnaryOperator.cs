namespace LogLinq.Language.Syntax;

/// <summary>The prefix operators.</summary>
internal enum UnaryOperator
{
    /// <summary><c>not</c></summary>
    Not,

    /// <summary><c>-</c></summary>
    Negate,
}
