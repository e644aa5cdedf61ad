using System.Text;

namespace LogLinq.Cli.Terminal;

/// <summary>Where results go: stdout, buffered, as UTF-8 without a byte-order mark.</summary>
internal static class StandardOutput
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Whether stdout is a terminal a person reads, rather than a pipe or a file.</summary>
    public static bool IsTerminal => !Console.IsOutputRedirected;

    /// <summary>
    /// The raw stdout stream. <see cref="Console.Out"/> flushes every write; a report of a few hundred
    /// lines is better written in one go.
    /// </summary>
    public static Stream OpenStream() => Console.OpenStandardOutput();

    /// <summary>A buffered text writer over stdout; dispose it to flush.</summary>
    public static TextWriter OpenWriter() =>
        new StreamWriter(OpenStream(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize)
        {
            NewLine = "\n",
        };
}
