using System.Text.RegularExpressions;

namespace LogLinq.Tests.Formats;

/// <summary>
/// Rewrites an NCSA line's time as nginx's <c>$time_iso8601</c> writes it, <c>[24/Feb/2008:00:08:59 -0600]</c>
/// as <c>[2008-02-24T00:08:59-06:00]</c>: by a regex and a table of months, independently of the parsers.
/// </summary>
internal static partial class NcsaToIso
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The line with its first NCSA time rewritten (unchanged if it has none).</summary>
    public static string Line(string line) => NcsaTime().Replace(
        line,
        m => $"[{m.Groups[3].Value}-{Array.IndexOf(Months, m.Groups[2].Value) + 1:00}-{m.Groups[1].Value}T{m.Groups[4].Value}{m.Groups[5].Value}:{m.Groups[6].Value}]",
        1);

    [GeneratedRegex(@"\[(\d\d)/([A-Z][a-z]{2})/(\d{4}):(\d\d:\d\d:\d\d) ([+-]\d\d)(\d\d)\]")]
    private static partial Regex NcsaTime();
}
