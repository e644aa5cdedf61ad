using System.Net.Sockets;

namespace LogLinq.Cli.Terminal;

/// <summary>
/// Tells a write to stdout that failed because its reader went away (<c>loglinq ... | head</c>)
/// from a real I/O error. .NET ignores SIGPIPE, so such a write fails with EPIPE instead of ending
/// the process as it would a C program; the command then ends quietly, as if SIGPIPE had ended it,
/// but with exit code 0, since the reader had all it wanted. (The library's own check, for record
/// streams, is LogLinq.Interchange.BrokenPipe.)
/// </summary>
internal static class BrokenPipe
{
    // errno EPIPE on Linux and macOS, which FileStream gives as the exception's HResult.
    private const int Epipe = 32;

    /// <summary>Whether <paramref name="error"/>, or an error it wraps, is a write to a pipe with no reader.</summary>
    public static bool Is(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is IOException { HResult: Epipe } && !OperatingSystem.IsWindows()
                || error is IOException { InnerException: SocketException { SocketErrorCode: SocketError.Shutdown } })
            {
                return true;
            }
        }

        return false;
    }
}
