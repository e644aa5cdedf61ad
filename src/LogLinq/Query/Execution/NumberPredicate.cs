using System.Runtime.CompilerServices;
using System.Text;
using LogLinq.Query.Planning;

namespace LogLinq.Query.Execution;

/// <summary>A numeric field (status, bytes) compared with a constant, on the parsed number.</summary>
internal sealed class NumberPredicate(LogField target, ComparisonKind kind, long value) : RowPredicate
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Test(ref Row row)
    {
        long actual = RowFields.Number(ref row, target);
        return Comparison.Holds(kind, actual.CompareTo(value));
    }

    // "status == 404" means "404 " is in the line: the parser takes a status of exactly three digits,
    // followed by a space. No leading space: a vectorised search keys on the needle's first and last
    // bytes, and spaces are everywhere in a log line while digits followed by a space are not.
    public override byte[]? RequiredLiteral =>
        kind == ComparisonKind.Equal && target == LogField.Status && value is >= 100 and <= 999
            ? Encoding.ASCII.GetBytes($"{value} ")
            : null;

    public override string ToString() => $"{RowFields.Name(target)} {Comparison.Symbol(kind)} {value}";
}
