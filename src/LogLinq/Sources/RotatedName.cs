namespace LogLinq.Sources;

/// <summary>
/// A log file's path split the way rotation names copies of a log: the log it is a copy of (the
/// path without its rotation suffix and compression extension), and what tells the copy apart
/// (a logrotate number, a stamp, or nothing for the live file).
/// </summary>
/// <remarks>
/// <para>
/// Only the name is read, never the file: ordering must not open files before the query reads them,
/// and must give the same order for the same names on every machine (times of modification change
/// with a copy or an unpack).
/// </para>
/// <para>
/// The compression extension (<c>.gz</c>, <c>.bz2</c>, <c>.xz</c>, <c>.zst</c>: the codecs that
/// <see cref="CompressionDetector"/> knows) is removed first, so that <c>access.log.2.gz</c> and
/// <c>access.log.1</c> (logrotate's <c>delaycompress</c>) are copies of one log. Then the name ends
/// either in a logrotate number (<c>.</c> and at most <see cref="MaxNumberDigits"/> digits without
/// a leading zero), in a stamp (<c>-</c>, <c>_</c> or <c>.</c>, then runs of digits joined by
/// <c>-</c>, <c>_</c>, <c>.</c> or <c>T</c>, as in <c>-20231101</c>, <c>.2023-11-01</c> or
/// <c>-20231101T1200</c>), or in neither. A stamp must start with a digit so that an ordinary
/// extension is never taken for one: <c>access.log</c> is not a copy of a log named <c>access</c>.
/// </para>
/// </remarks>
internal readonly ref struct RotatedName
{
    /// <summary>
    /// The most digits a logrotate number has. logrotate keeps at most <c>rotate</c> copies, which is
    /// far below 100 000 in practice; a longer run of digits after a dot is a date (<c>.20231101</c>,
    /// <c>dateformat .%Y%m%d</c>) or a Unix time (<c>.1698796800</c>), which ascend with time.
    /// </summary>
    public const int MaxNumberDigits = 5;

    private static readonly string[] CompressionExtensions = [".gz", ".bz2", ".xz", ".zst"];

    private RotatedName(ReadOnlySpan<char> log, RotationKind kind, int number, ReadOnlySpan<char> stamp, bool isCompressed)
    {
        Log = log;
        Kind = kind;
        Number = number;
        Stamp = stamp;
        IsCompressed = isCompressed;
    }

    /// <summary>
    /// The path without its rotation suffix and compression extension: the same for every copy of
    /// one log in one directory (<c>/var/log/nginx/access.log</c>).
    /// </summary>
    public ReadOnlySpan<char> Log { get; }

    /// <summary>Which kind of copy the name tells.</summary>
    public RotationKind Kind { get; }

    /// <summary>The logrotate number of a <see cref="RotationKind.Numbered"/> copy; 0 otherwise.</summary>
    public int Number { get; }

    /// <summary>The stamp of a <see cref="RotationKind.Stamped"/> copy, without its leading separator; empty otherwise.</summary>
    public ReadOnlySpan<char> Stamp { get; }

    /// <summary>Whether the name ends in a compression extension.</summary>
    public bool IsCompressed { get; }

    /// <summary>Splits <paramref name="path"/>; every path gives a result, most of them <see cref="RotationKind.Live"/>.</summary>
    public static RotatedName Parse(ReadOnlySpan<char> path)
    {
        ReadOnlySpan<char> name = Path.GetFileName(path);
        int nameStart = path.Length - name.Length;

        bool isCompressed = false;
        foreach (string extension in CompressionExtensions)
        {
            // ".gz" alone is a hidden file's whole name, not an extension.
            if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
                isCompressed = true;
                break;
            }
        }

        int digits = name.Length - name.TrimEnd("0123456789").Length;
        int dot = name.Length - digits - 1;
        if (digits is > 0 and <= MaxNumberDigits && dot > 0 && name[dot] == '.' && (digits == 1 || name[dot + 1] != '0'))
        {
            // A leading zero is a date's (".0108"), never logrotate's, which counts from 1 (or from
            // "start 0", a single digit).
            int number = 0;
            foreach (char digit in name[(dot + 1)..])
            {
                number = (number * 10) + (digit - '0');
            }

            return new RotatedName(path[..(nameStart + dot)], RotationKind.Numbered, number, default, isCompressed);
        }

        int separator = StampSeparator(name);
        if (separator > 0)
        {
            return new RotatedName(path[..(nameStart + separator)], RotationKind.Stamped, 0, name[(separator + 1)..], isCompressed);
        }

        return new RotatedName(path[..(nameStart + name.Length)], RotationKind.Live, 0, default, isCompressed);
    }

    /// <summary>
    /// Where the longest stamp at the end of <paramref name="name"/> starts (its separator), leaving a
    /// base name of at least one character; -1 when there is none.
    /// </summary>
    private static int StampSeparator(ReadOnlySpan<char> name)
    {
        // The longest stamp, so that all of "2023-11-01" is the stamp of "app.log.2023-11-01", not
        // just "01": otherwise each day would be a log of its own.
        int found = -1;
        int end = name.Length;
        while (true)
        {
            int start = end;
            while (start > 0 && char.IsAsciiDigit(name[start - 1]))
            {
                start--;
            }

            if (start == end || start < 2)
            {
                return found; // no digits here, or nothing left for a base name
            }

            char separator = name[start - 1];
            if (separator is '-' or '_' or '.')
            {
                found = start - 1;
            }
            else if (separator != 'T')
            {
                return found;
            }

            end = start - 1;
        }
    }
}
