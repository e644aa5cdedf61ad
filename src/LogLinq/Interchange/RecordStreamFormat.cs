using LogLinq.Records;

namespace LogLinq.Interchange;

/// <summary>
/// The binary record stream, version 1 (docs/architecture.md has the whole specification):
/// <code>
/// stream  = header { record } end [ stream ]
/// header  = magic version count { name type }     magic: 89 4C 51 52 0D 0A 1A 0A ("\x89LQR\r\n\x1A\n")
/// record  = length value { value }                 length: varint, the bytes of the values; never 0
/// end     = 00                                     a record length of 0
/// </code>
/// Integers in the header are varints, names are a varint length and UTF-8. Values follow the
/// header's fields in order, each written as its <see cref="RecordFieldType"/> says.
/// </summary>
internal static class RecordStreamFormat
{
    /// <summary>
    /// The version written, and the newest read. A reader skips fields it does not know, so adding a
    /// field keeps the version; a new type of value or a change to how one is written raises it.
    /// </summary>
    public const int Version = 1;

    /// <summary>
    /// A record longer than this is taken for damage, not data: the longest line a log can have is
    /// 16 MiB (<c>LineReader.MaxLineLength</c>), and a record holds little more than its line.
    /// </summary>
    public const int MaxRecordLength = 64 * 1024 * 1024;

    /// <summary>
    /// Like PNG's signature: a first byte that is not text (so a log is never taken for a stream), the
    /// name, CR LF and LF to catch a transfer that rewrote line ends, and ^Z to stop DOS's <c>type</c>.
    /// </summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'L', (byte)'Q', (byte)'R', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The fields a stream of <see cref="LogRecord"/>s has, in the order the writer puts them: the query language's names.</summary>
    public static readonly IReadOnlyList<(string Name, RecordFieldType Type)> Fields =
    [
        ("host", RecordFieldType.Text),
        ("ident", RecordFieldType.Text),
        ("user", RecordFieldType.Text),
        ("time", RecordFieldType.Time),
        ("method", RecordFieldType.Text),
        ("path", RecordFieldType.Text),
        ("protocol", RecordFieldType.Text),
        ("status", RecordFieldType.Int32),
        ("bytes", RecordFieldType.Int64),
        ("referrer", RecordFieldType.Text),
        ("agent", RecordFieldType.Text),
        ("file", RecordFieldType.Text),
        ("line", RecordFieldType.Int64),
        ("vhost", RecordFieldType.Text),
        ("duration", RecordFieldType.Text),
    ];

    /// <summary>
    /// How many of <see cref="Fields"/> every stream has: those after them (<c>vhost</c>, then
    /// <c>duration</c>, text of its ticks: <see cref="RecordDuration"/>) were added to version 1
    /// later, so a stream written before lacks them, and its records read them as null.
    /// </summary>
    public const int RequiredCount = 13;

    /// <summary>Whether <paramref name="start"/>, a stream's first bytes, begins with the magic.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> start) => start.StartsWith(Magic);

    /// <summary>The name of a type, as an error message says it.</summary>
    public static string Describe(RecordFieldType type) => type switch
    {
        RecordFieldType.Text => "text",
        RecordFieldType.Int32 => "a 32-bit integer",
        RecordFieldType.Int64 => "a 64-bit integer",
        RecordFieldType.Time => "a time",
        _ => $"type {(byte)type}",
    };
}
