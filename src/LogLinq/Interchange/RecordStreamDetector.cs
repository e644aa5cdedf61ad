using LogLinq.Sources;

namespace LogLinq.Interchange;

/// <summary>Tells a record stream from log text by its magic bytes, which no text log starts with.</summary>
internal static class RecordStreamDetector
{
    /// <summary>
    /// Peeks at the start of <paramref name="content"/>; <paramref name="replay"/> is the same content
    /// from its first byte, to be read instead of it.
    /// </summary>
    public static bool IsRecordStream(Stream content, out Stream replay)
    {
        PrefixedStream peeked = PrefixedStream.Peek(content, RecordStreamFormat.Magic.Length);
        replay = peeked;
        return RecordStreamFormat.HasMagic(peeked.Prefix);
    }
}
