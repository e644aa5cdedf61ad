using System.Net.Sockets;

namespace LogLinq.Interchange;

/// <summary>
/// Tells a write that failed because the reader closed its end of a pipe (EPIPE, as after
/// <c>| head</c>) from any other I/O error. .NET ignores SIGPIPE, so on Unix such a write fails
/// rather than ending the process; a program that writes records or rows into a pipe treats it as
/// the reader's choice to stop, not as a failure.
/// </summary>
public static class BrokenPipe
{
    // errno EPIPE on Linux and macOS; FileStream reports the errno as the exception's HResult.
    private const int Epipe = 32;

    // ERROR_BROKEN_PIPE and ERROR_NO_DATA ("the pipe is being closed") as HResults, on Windows.
    private const int WindowsBrokenPipe = unchecked((int)0x8007006D);
    private const int WindowsNoData = unchecked((int)0x800700E8);

    /// <summary>Whether <paramref name="error"/>, or an error it wraps, says the reading end of a pipe was closed.</summary>
    /// <param name="error">The error a write failed with.</param>
    public static bool Is(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is IOException io && IsBrokenPipe(io))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBrokenPipe(IOException error) => error switch
    {
        // Pipe streams (a process's standard input) wrap the socket layer's error.
        { InnerException: SocketException { SocketErrorCode: SocketError.Shutdown } } => true,
        { HResult: WindowsBrokenPipe or WindowsNoData } => OperatingSystem.IsWindows(),
        { HResult: Epipe } => !OperatingSystem.IsWindows(),
        _ => false,
    };
}
