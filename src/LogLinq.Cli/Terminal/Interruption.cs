using System.Runtime.InteropServices;

namespace LogLinq.Cli.Terminal;

/// <summary>
/// Turns the first Ctrl-C into a cancellation that long-running work checks between records or
/// blocks, so it stops cleanly: progress bar cleared, cursor back, partial output removed. A second
/// Ctrl-C is left to the runtime and ends the process at once, for work stuck in a blocking read.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _registration;

    /// <summary>Starts listening for Ctrl-C.</summary>
    public Interruption() =>
        // A signal registration rather than Console.CancelKeyPress: the latter sets up the whole
        // terminal layer of System.Console, which a run with redirected output never needs.
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);

    /// <summary>Cancelled at the first Ctrl-C.</summary>
    public CancellationToken Token => _source.Token;

    private void OnInterrupt(PosixSignalContext context)
    {
        if (!_source.IsCancellationRequested)
        {
            context.Cancel = true;
            _source.Cancel();
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        _registration.Dispose();
        _source.Dispose();
    }
}
