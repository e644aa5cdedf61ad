namespace LogLinq.Query.Execution;

/// <summary>
/// A condition on a row, evaluated on the raw bytes where it can be. The planner builds a tree of
/// these from a <c>Where</c> lambda; what it cannot translate becomes a <see cref="LambdaPredicate"/>.
/// </summary>
internal abstract class RowPredicate
{
    /// <summary>True when the row passes.</summary>
    // Every override runs once per row: mark it [AggressiveOptimization]. Tiering would leave it unoptimised
    // for much of a scan, since the background compiler competes with the scan's workers for the cores.
    public abstract bool Test(ref Row row);

    /// <summary>
    /// A byte string every passing raw line contains, so lines without it can be skipped before they
    /// are parsed; null when there is none.
    /// </summary>
    public virtual byte[]? RequiredLiteral => null;

    /// <summary>Whether evaluating needs a <see cref="Records.LogRecord"/> (code the planner cannot see into).</summary>
    public virtual bool NeedsRecord => false;

    /// <summary>The condition, for <c>Explain()</c>.</summary>
    public abstract override string ToString();
}
