using LogLinq.Formats;

namespace LogLinq.Query.Execution;

/// <summary>A number every parsed NCSA line has, read straight from its fields (for <see cref="ILineSink"/>s).</summary>
internal interface IParsedNumber
{
    /// <summary>The number, from <paramref name="fields"/>.</summary>
    static abstract long Read(ref CommonLogFields fields);
}

/// <summary>The bytes sent.</summary>
internal readonly struct ParsedBytes : IParsedNumber
{
    public static long Read(ref CommonLogFields fields) => fields.Bytes;
}

/// <summary>The status code.</summary>
internal readonly struct ParsedStatus : IParsedNumber
{
    public static long Read(ref CommonLogFields fields) => fields.Status;
}
