namespace LogLinq.Language;

/// <summary>Lists in English, for messages.</summary>
internal static class Words
{
    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Either(IReadOnlyList<string> items) => Join(items, "or");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string Both(IReadOnlyList<string> items) => Join(items, "and");

    private static string Join(IReadOnlyList<string> items, string conjunction) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}",
    };
}
