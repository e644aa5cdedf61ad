using System.Text;

namespace LogLinq.Records;

/// <summary>
/// One line of a log file, as raw bytes. The bytes are borrowed from the reader's buffer and are only
/// valid until the enumeration moves on: call <see cref="ToString"/> or <see cref="Copy"/> to keep them.
/// </summary>
/// <param name="File">The path of the file the line came from.</param>
/// <param name="Number">The 1-based line number within that file.</param>
/// <param name="Bytes">The line without its terminator.</param>
public readonly record struct LogLine(string File, long Number, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>
    /// Whether the line was longer than 16 MB and so passed over rather than read: its
    /// <see cref="Bytes"/> are empty, and parsing reports it as a malformed line.
    /// </summary>
    public bool IsOverlong { get; init; }

    /// <summary>
    /// Whether the line is the text a run of zeros cut short (a crash, or a copy-truncate rotation
    /// while the server wrote it), passed over rather than read: its <see cref="Bytes"/> are empty, the
    /// text after the zeros comes next under the same <see cref="Number"/>, and parsing reports this as
    /// a malformed line.
    /// </summary>
    public bool IsCut { get; init; }

    /// <summary>The line decoded as UTF-8; invalid bytes become U+FFFD.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Bytes.Span);

    /// <summary>A copy of the line that owns its bytes.</summary>
    public LogLine Copy() => this with { Bytes = Bytes.ToArray() };

    /// <summary>Where the line is, as <c>file:line</c>.</summary>
    public string Location => $"{File}:{Number}";
}
