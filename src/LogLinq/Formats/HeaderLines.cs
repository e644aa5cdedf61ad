using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// The lines of a file that say how the lines after them read, as a parser holds them after reading
/// up to some line: a W3C log's <c>#Fields:</c> (and its <c>#Date:</c>, where no field gives the
/// date), a CSV log's header row. A new parser given these lines reads what follows as the parser
/// they came from does; and two parsers whose header lines are <see cref="Alike"/> read every line
/// alike, which is what lets a file with headers be scanned in ranges (see <see cref="LineParser.Headers"/>).
/// </summary>
internal sealed class HeaderLines
{
    private readonly string _key;

    /// <param name="lines">The lines, in the order a parser is to be given them.</param>
    /// <param name="significant">How many of <paramref name="lines"/>, from the first, decide how a line reads (the rest only came with them).</param>
    public HeaderLines(IReadOnlyList<byte[]> lines, int significant)
    {
        Lines = lines;
        _key = string.Join('\n', lines.Take(significant).Select(Encoding.Latin1.GetString));
    }

    /// <summary>The lines, in the order a parser is to be given them.</summary>
    public IReadOnlyList<byte[]> Lines { get; }

    /// <summary>Whether parsers holding <paramref name="first"/> and <paramref name="second"/> (null: none) read every line alike.</summary>
    public static bool Alike(HeaderLines? first, HeaderLines? second) => first?._key == second?._key;
}
