using LogLinq.Cli.Terminal;

namespace LogLinq.Cli.Repl;

/// <summary>
/// Makes <see cref="Console.Out"/> a buffered writer when stdout is not a terminal, so that results
/// and whatever a script prints with <c>Console.WriteLine</c> share one buffer, in order, and a big
/// table is not written a line per system call. Flushed after every submission and on dispose.
/// </summary>
internal sealed class BufferedStandardOutput : IDisposable
{
    private readonly TextWriter _previous;
    private readonly TextWriter _buffered;

    private BufferedStandardOutput()
    {
        _previous = Console.Out;
        _buffered = StandardOutput.OpenWriter(stopOnBrokenPipe: false);
        Console.SetOut(_buffered);
    }

    /// <summary>Buffers <see cref="Console.Out"/> until disposed; does nothing on a terminal, where each line should show at once.</summary>
    public static IDisposable Install() => StandardOutput.IsTerminal ? new Nothing() : new BufferedStandardOutput();

    /// <summary>Flushes and restores the previous writer.</summary>
    public void Dispose()
    {
        try
        {
            Console.Out.Flush();
        }
        catch (IOException)
        {
            // The reader has gone (`loglinq repl ... | head`): there is no one left to tell.
        }
        finally
        {
            Console.SetOut(_previous);
        }
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
