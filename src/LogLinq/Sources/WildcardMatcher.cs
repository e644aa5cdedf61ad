namespace LogLinq.Sources;

/// <summary>
/// Matches one path segment (a file or directory name) against a glob segment: <c>*</c> (any run of
/// characters), <c>?</c> (any one), <c>[abc]</c>, <c>[a-z]</c>, <c>[!x]</c> or <c>[^x]</c>. Matching is
/// ordinal and case-sensitive, and a leading dot is matched like any other character. A <c>[</c>
/// without its closing <c>]</c> is a literal character.
/// </summary>
internal static class WildcardMatcher
{
    /// <summary>Whether <paramref name="segment"/> contains a character with a special meaning.</summary>
    /// <remarks>
    /// Three characters need no <see cref="System.Buffers.SearchValues"/>: making one compiles its
    /// analysis of the set at start-up (a glob is looked at once per query), for nothing on paths
    /// this short.
    /// </remarks>
    public static bool HasWildcards(ReadOnlySpan<char> segment) => segment.ContainsAny('*', '?', '[');

    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        // Greedy with backtracking to the last star only: linear in practice, and never exponential,
        // since a later star makes every earlier choice final.
        int p = 0;
        int n = 0;
        int starPattern = -1;
        int starName = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length)
            {
                char c = pattern[p];
                if (c == '*')
                {
                    starPattern = ++p;
                    starName = n;
                    continue;
                }

                if (c == '?')
                {
                    p++;
                    n++;
                    continue;
                }

                if (c == '[' && TryMatchClass(pattern[p..], name[n], out int classLength, out bool inClass))
                {
                    if (inClass)
                    {
                        p += classLength;
                        n++;
                        continue;
                    }
                }
                else if (c == name[n])
                {
                    p++;
                    n++;
                    continue;
                }
            }

            if (starPattern < 0)
            {
                return false;
            }

            // Let the last star swallow one more character and try again from there.
            p = starPattern;
            n = ++starName;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>
    /// Parses the class at the start of <paramref name="pattern"/> (which starts with <c>[</c>) and
    /// tests <paramref name="c"/> against it; false if there is no closing bracket.
    /// </summary>
    private static bool TryMatchClass(ReadOnlySpan<char> pattern, char c, out int length, out bool matched)
    {
        int i = 1;
        bool negated = i < pattern.Length && pattern[i] is '!' or '^';
        if (negated)
        {
            i++;
        }

        bool found = false;
        int first = i;
        while (i < pattern.Length)
        {
            char low = pattern[i];

            // A ']' right after the opening (or after '!') is a member, not the end: "[]a]".
            if (low == ']' && i > first)
            {
                length = i + 1;
                matched = found != negated;
                return true;
            }

            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                found |= low <= c && c <= pattern[i + 2];
                i += 3;
            }
            else
            {
                found |= c == low;
                i++;
            }
        }

        length = 0;
        matched = false;
        return false;
    }
}
