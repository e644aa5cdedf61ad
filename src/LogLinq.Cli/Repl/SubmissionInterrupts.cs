using System.Runtime.InteropServices;

namespace LogLinq.Cli.Repl;

/// <summary>
/// Ctrl-C while a submission runs: the first cancels the session's token, so the query stops and
/// the prompt comes back; a second, for code that does not watch the token, is left to the runtime
/// and ends the process, as it would any program.
/// </summary>
internal sealed class SubmissionInterrupts : IDisposable
{
    private readonly SessionCancellation _cancellation;
    private readonly bool _ignoreWhenIdle;
    private readonly PosixSignalRegistration _registration;
    private volatile bool _running;

    /// <summary>Starts listening for Ctrl-C.</summary>
    /// <param name="cancellation">The token Ctrl-C cancels.</param>
    /// <param name="ignoreWhenIdle">
    /// Whether a Ctrl-C between submissions is ignored (at a prompt, where the line editor reads it
    /// as a key) rather than ending the process (when reading a pipe).
    /// </param>
    public SubmissionInterrupts(SessionCancellation cancellation, bool ignoreWhenIdle)
    {
        _cancellation = cancellation;
        _ignoreWhenIdle = ignoreWhenIdle;

        // A signal registration rather than Console.CancelKeyPress, as in the other commands.
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);
    }

    /// <summary>Marks a submission as running until the result is disposed.</summary>
    public IDisposable Running()
    {
        _running = true;
        return new RunningScope(this);
    }

    private void OnInterrupt(PosixSignalContext context)
    {
        if (_running)
        {
            if (!_cancellation.IsCancellationRequested)
            {
                context.Cancel = true;
                _cancellation.Cancel();
                if (_ignoreWhenIdle)
                {
                    // A query checks the token between blocks of lines, and code of the user's may
                    // not check it at all: say what a second Ctrl-C would do before anyone tries it.
                    Console.Error.WriteLine("^C stopping (Ctrl-C again ends loglinq)");
                }
            }
        }
        else
        {
            context.Cancel = _ignoreWhenIdle;
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _registration.Dispose();

    private sealed class RunningScope(SubmissionInterrupts owner) : IDisposable
    {
        public void Dispose() => owner._running = false;
    }
}
