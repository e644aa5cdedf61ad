using System.Text;
using LogLinq.Interchange;
using Microsoft.Win32.SafeHandles;

namespace LogLinq.Cli.Terminal;

/// <summary>Where results go: stdout, buffered, as UTF-8 without a byte-order mark.</summary>
internal static class StandardOutput
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Whether stdout is a terminal a person reads, rather than a pipe or a file.</summary>
    public static bool IsTerminal => !Console.IsOutputRedirected;

    /// <summary>
    /// The raw stdout stream. <see cref="Console.Out"/> flushes every write; a report of a few hundred
    /// lines is better written in one go. On a pipe whose reader has gone, a write throws an
    /// <see cref="IOException"/> that <see cref="BrokenPipe.Is"/> recognises, so the command stops
    /// instead of working on for no one; <c>Program</c> takes that as the normal end it is.
    /// </summary>
    /// <param name="stopOnBrokenPipe">
    /// False for the console's own stream, which pretends such writes succeed: for the REPL, which
    /// reads its input to the end whoever reads its output.
    /// </param>
    public static Stream OpenStream(bool stopOnBrokenPipe = true) =>
        stopOnBrokenPipe && OpenPipe() is { } pipe ? pipe : Console.OpenStandardOutput();

    /// <summary>A buffered text writer over stdout (<see cref="OpenStream"/>); dispose it to flush.</summary>
    public static TextWriter OpenWriter(bool stopOnBrokenPipe = true) =>
        new StreamWriter(OpenStream(stopOnBrokenPipe), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize)
        {
            NewLine = "\n",
        };

    /// <summary>
    /// File descriptor 1 as a stream, when it is a pipe or a socket: .NET's console stream swallows
    /// EPIPE (it ignores SIGPIPE and then pretends the write succeeded), a plain stream over the
    /// descriptor reports it. Null for anything seekable (a file, whose offset the shell may share
    /// with the next command, which a positioned write would not advance) and on Windows.
    /// </summary>
    private static FileStream? OpenPipe()
    {
        if (OperatingSystem.IsWindows() || !Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stream.CanSeek)
            {
                return stream;
            }

            stream.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Not a descriptor a stream can be made over: the console's own stream will do.
        }

        return null;
    }
}
