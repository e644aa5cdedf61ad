namespace LogLinq.Language;

/// <summary>The types of the language, as the CLR types that carry them and the words messages use.</summary>
internal static class ValueTypes
{
    /// <summary>The type of the <c>null</c> literal before it meets the text it is compared with.</summary>
    public static readonly Type Null = typeof(object);

    public static bool IsInteger(Type t) => t == typeof(int) || t == typeof(long);

    /// <summary>
    /// Whether the type is a number. <c>double?</c> is the one nullable type: text read as a number
    /// (an XML field, <c>number(s)</c>), null where the text is not one.
    /// </summary>
    public static bool IsNumber(Type t) => IsInteger(t) || t == typeof(double) || t == typeof(double?);

    /// <summary>The type two numbers are brought to: a number that may be missing, a number with a fraction, or an integer.</summary>
    public static Type Wider(Type a, Type b) =>
        a == typeof(double?) || b == typeof(double?) ? typeof(double?)
        : a == typeof(double) || b == typeof(double) ? typeof(double)
        : typeof(long);

    /// <summary>
    /// Whether the type is a duration: a literal's or a time's difference (<c>TimeSpan</c>), or a
    /// record's <c>duration</c>, which may be missing (<c>TimeSpan?</c>, null where the log has none).
    /// </summary>
    public static bool IsDuration(Type t) => t == typeof(TimeSpan) || t == typeof(TimeSpan?);

    /// <summary>Whether values of the type can be ordered with <c>&lt;</c> and sorted.</summary>
    public static bool IsOrdered(Type t) =>
        IsNumber(t) || t == typeof(string) || t == typeof(DateTimeOffset) || IsDuration(t) || t == typeof(bool);

    /// <summary>The type in words, with its article: "an integer", "text", "a time".</summary>
    public static string Describe(Type t) =>
        t == typeof(string) ? "text"
        : IsInteger(t) ? "an integer"
        : t == typeof(double) || t == typeof(double?) ? "a number"
        : t == typeof(DateTimeOffset) ? "a time"
        : IsDuration(t) ? "a duration"
        : t == typeof(bool) ? "true or false"
        : t == Null ? "null"
        : t.Name;
}
