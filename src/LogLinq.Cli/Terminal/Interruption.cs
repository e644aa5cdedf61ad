namespace LogLinq.Cli.Terminal;

/// <summary>
/// Turns the first Ctrl-C into a cancellation that long-running work checks between records or
/// blocks, so it stops cleanly: progress bar cleared, cursor back, partial output removed. A second
/// Ctrl-C is left to the runtime and ends the process at once, for work stuck in a blocking read.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>Starts listening for Ctrl-C.</summary>
    public Interruption() => Console.CancelKeyPress += OnCancelKeyPress;

    /// <summary>Cancelled at the first Ctrl-C.</summary>
    public CancellationToken Token => _source.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (!_source.IsCancellationRequested)
        {
            e.Cancel = true;
            _source.Cancel();
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }
}
