using System.Text;
using LogLinq.Language.Syntax;

namespace LogLinq.Language;

/// <summary>
/// The places in a query where a 64-bit integer can overflow: its sums and averages of integers and
/// its integer <c>+ - *</c> and unary <c>-</c>, all checked, as <c>Enumerable.Sum</c> and C#'s
/// <c>checked</c> are. The <see cref="OverflowException"/> that running the query throws says only
/// that some operation overflowed; told again here, it names the query's own expression, in the
/// query's words: "the sum of bytes does not fit in a 64-bit integer".
/// </summary>
internal sealed class OverflowSites
{
    private readonly List<string> _sites = [];

    // Durations overflow too (TimeSpan throws the same exception), and which overflowed cannot be
    // told apart afterwards: a query that does both keeps the runtime's own message.
    private bool _durations;

    /// <summary>Where <paramref name="argument"/>, an integer, is summed (or averaged, which sums it first).</summary>
    public void AddSum(ExpressionSyntax argument, string queryText) => Add($"the sum of {Written(argument, queryText)}");

    /// <summary>Where <paramref name="arithmetic"/> computes on integers.</summary>
    public void AddArithmetic(ExpressionSyntax arithmetic, string queryText) => Add(Written(arithmetic, queryText));

    /// <summary>Where durations are added, subtracted or negated.</summary>
    public void AddDurationArithmetic() => _durations = true;

    /// <summary>
    /// What to throw for <paramref name="overflow"/>: an overflow that names the sites, when they are
    /// the only things in the query that can overflow; otherwise <paramref name="overflow"/> itself.
    /// </summary>
    public OverflowException Explain(OverflowException overflow) =>
        _sites.Count == 0 || _durations
            ? overflow
            : new OverflowException($"{Words.Either(_sites)} does not fit in a 64-bit integer (arithmetic overflow)", overflow);

    /// <summary>Runs <paramref name="run"/>, an overflow in it explained.</summary>
    public T Guard<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (OverflowException e) when (Explain(e) is var explained && explained != e)
        {
            throw explained;
        }
    }

    /// <summary><paramref name="rows"/>, still lazy, an overflow while they are read explained.</summary>
    public IEnumerable<T> Guard<T>(IEnumerable<T> rows) => _sites.Count == 0 || _durations ? rows : Guarded(rows);

    /// <summary>
    /// <paramref name="rows"/>, a compiled query's, as a query that C# can go on with, an overflow of
    /// the query's explained (<see cref="OverflowGuardedProvider"/>); the query itself when no overflow
    /// could be.
    /// </summary>
    public IQueryable<object?[]> GuardQuery(IQueryable<object?[]> rows) =>
        _sites.Count == 0 || _durations ? rows : new OverflowGuardedQuery<object?[]>(new OverflowGuardedProvider(rows, this), rows.Expression);

    private IEnumerable<T> Guarded<T>(IEnumerable<T> rows)
    {
        using IEnumerator<T> row = Guard(rows.GetEnumerator);
        while (true)
        {
            bool more;
            try
            {
                more = row.MoveNext();
            }
            catch (OverflowException e) when (Explain(e) is var explained && explained != e)
            {
                throw explained;
            }

            if (!more)
            {
                yield break;
            }

            yield return row.Current;
        }
    }

    private void Add(string site)
    {
        if (!_sites.Contains(site))
        {
            _sites.Add(site);
        }
    }

    /// <summary>
    /// The node as written, on one line: its span of the query without the comments and blanks the
    /// span takes in after it, each run of blanks within it one space.
    /// </summary>
    private static string Written(SyntaxNode node, string queryText)
    {
        int start = Math.Clamp(node.Span.Offset, 0, queryText.Length);
        ReadOnlySpan<char> text = queryText.AsSpan(start, Math.Clamp(node.Span.Length, 0, queryText.Length - start));
        var written = new StringBuilder(text.Length);
        char quote = '\0';
        bool comment = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (comment)
            {
                comment = c != '\n';
                continue;
            }

            if (quote != '\0')
            {
                written.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    written.Append(text[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c == '#')
            {
                comment = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (written.Length > 0 && written[^1] != ' ')
                {
                    written.Append(' ');
                }
            }
            else
            {
                quote = c is '"' or '\'' ? c : '\0';
                written.Append(c);
            }
        }

        return written.ToString().TrimEnd();
    }
}
