namespace LogLinq.Sources;

/// <summary>
/// Orders log files by their paths so that the copies of a rotated log come in the order they were
/// written, oldest first: <c>access.log.3.gz</c>, <c>access.log.2.gz</c>, <c>access.log.1</c>,
/// <c>access.log</c>; <c>access-log-0108.gz</c>, <c>access-log-0208.gz</c>, <c>access-log</c>.
/// </summary>
/// <remarks>
/// <para>
/// Files are first ordered ordinally by the log they are a copy of (<see cref="RotatedName.Log"/>:
/// the path without rotation suffix and compression extension), so every log's copies stay together
/// and files that are not copies of one another keep the ordinal order of their paths. Within one
/// log: logrotate numbers descending (a higher number is older), then stamps ascending, compared
/// naturally (<c>2</c> before <c>10</c>), then the live file. A compressed copy comes before an
/// uncompressed one of the same name, which is the one that may still be written; last, paths are
/// compared ordinally, so the order is total and the same on every machine.
/// </para>
/// <para>
/// A log tool wants time order: <c>take</c>, <c>first</c> and "first seen" then mean the oldest
/// lines, as they do for one file, and a query over a whole rotation reads like the one file it was.
/// Plain ordinal order puts <c>access.log</c> before its copies and <c>access.log.10.gz</c> before
/// <c>access.log.2.gz</c>.
/// </para>
/// </remarks>
internal sealed class RotationOrder : IComparer<string>
{
    private RotationOrder()
    {
    }

    /// <summary>The one instance; the order has no settings.</summary>
    public static RotationOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        // Parsed again on every comparison: spans into the paths, nothing allocated, and a glob
        // finds files by the thousand at most, so keys kept aside would save nothing that shows.
        RotatedName a = RotatedName.Parse(x);
        RotatedName b = RotatedName.Parse(y);
        int order = a.Log.SequenceCompareTo(b.Log);
        if (order == 0)
        {
            order = a.Kind.CompareTo(b.Kind);
        }

        if (order == 0)
        {
            order = a.Kind switch
            {
                RotationKind.Numbered => b.Number.CompareTo(a.Number),
                RotationKind.Stamped => CompareNaturally(a.Stamp, b.Stamp),
                _ => 0,
            };
        }

        if (order == 0)
        {
            order = b.IsCompressed.CompareTo(a.IsCompressed);
        }

        return order != 0 ? order : string.CompareOrdinal(x, y);
    }

    /// <summary>
    /// Compares runs of digits by their value and other characters ordinally, so that stamps of
    /// different widths (<c>-2</c>, <c>-10</c>) come in the order of their numbers. Runs that differ
    /// only in leading zeros are equal here; the caller's last, ordinal comparison tells them apart.
    /// </summary>
    private static int CompareNaturally(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        while (x.Length > 0 && y.Length > 0)
        {
            if (!char.IsAsciiDigit(x[0]) || !char.IsAsciiDigit(y[0]))
            {
                // A digit against another character compares as characters: all digits lie on one
                // side of any other character, so the order stays consistent (transitive).
                int byCharacter = x[0].CompareTo(y[0]);
                if (byCharacter != 0)
                {
                    return byCharacter;
                }

                x = x[1..];
                y = y[1..];
                continue;
            }

            ReadOnlySpan<char> a = TakeDigits(ref x).TrimStart('0');
            ReadOnlySpan<char> b = TakeDigits(ref y).TrimStart('0');

            // Without leading zeros, the longer run is the larger number, and runs of one length
            // compare as their digits do: no parsing, so no run is too long.
            int byValue = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static ReadOnlySpan<char> TakeDigits(ref ReadOnlySpan<char> text)
    {
        int length = 1;
        while (length < text.Length && char.IsAsciiDigit(text[length]))
        {
            length++;
        }

        ReadOnlySpan<char> digits = text[..length];
        text = text[length..];
        return digits;
    }
}
