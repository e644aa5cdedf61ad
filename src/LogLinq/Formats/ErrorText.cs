using System.Text;

namespace LogLinq.Formats;

/// <summary>Pieces of the reasons given for malformed lines.</summary>
internal static class ErrorText
{
    /// <summary>
    /// How much of an offending value a reason quotes: enough to recognise it, not so much that one
    /// runaway field floods a report.
    /// </summary>
    public const int MaxQuoted = 60;

    /// <summary>The value in single quotes, cut with an ellipsis when long.</summary>
    public static string Quote(ReadOnlySpan<byte> utf8) =>
        Quote(Encoding.UTF8.GetString(utf8.Length > MaxQuoted * 4 ? utf8[..(MaxQuoted * 4)] : utf8));

    /// <summary>The value in single quotes, cut with an ellipsis when long.</summary>
    public static string Quote(string value) =>
        value.Length > MaxQuoted ? $"'{value[..MaxQuoted]}…'" : $"'{value}'";
}
