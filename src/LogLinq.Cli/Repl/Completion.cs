using System.Reflection;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Cli.Repl;

/// <summary>
/// What Tab offers for the word before the cursor: after a '.', the members of a record and the
/// LINQ operators; at the start of a line after '#', the directives; elsewhere the globals and the
/// session's variables.
/// </summary>
internal static class Completion
{
    /// <summary>The names <see cref="ReplGlobals"/> gives every submission.</summary>
    public static readonly IReadOnlyList<string> Globals =
        [.. typeof(ReplGlobals).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || m is MethodInfo { IsSpecialName: false })
            .Select(m => m.Name)
            .Append(nameof(LogSource))
            .Append(nameof(LogRecord))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>Members of <see cref="LogRecord"/>, then the LINQ operators, for completion after a '.'.</summary>
    public static readonly IReadOnlyList<string> Members =
        [.. typeof(LogRecord).GetProperties().Select(p => p.Name)
            .Concat(typeof(Queryable).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Order(StringComparer.Ordinal))
            .Append(nameof(LogSource.Explain))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The word before <paramref name="cursor"/> in <paramref name="text"/> (where it starts) and the
    /// names it could be the start of, best first.
    /// </summary>
    public static (int Start, IReadOnlyList<string> Candidates) Complete(string text, int cursor, IEnumerable<string> variables)
    {
        int start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        string word = text[start..cursor];
        IEnumerable<string> names;
        if (start > 0 && text[start - 1] == '.')
        {
            names = Members;
        }
        else if (start > 0 && text[start - 1] == '#' && text[..(start - 1)].Trim().Length == 0)
        {
            start--;
            word = "#" + word;
            names = ReplDirective.Names;
        }
        else
        {
            names = Globals.Concat(variables.Order(StringComparer.Ordinal));
        }

        // Names that start with the word as typed come first, then those that do ignoring case.
        string[] candidates =
        [
            .. names.Where(n => n.StartsWith(word, StringComparison.Ordinal)),
            .. names.Where(n => !n.StartsWith(word, StringComparison.Ordinal) && n.StartsWith(word, StringComparison.OrdinalIgnoreCase)),
        ];
        return (start, [.. candidates.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The longest start that every one of <paramref name="candidates"/> shares.</summary>
    public static string CommonPrefix(IReadOnlyList<string> candidates)
    {
        if (candidates.Count == 0)
        {
            return "";
        }

        string prefix = candidates[0];
        foreach (string candidate in candidates)
        {
            int n = 0;
            while (n < prefix.Length && n < candidate.Length && prefix[n] == candidate[n])
            {
                n++;
            }

            prefix = prefix[..n];
        }

        return prefix;
    }
}
