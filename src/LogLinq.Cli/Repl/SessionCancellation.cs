namespace LogLinq.Cli.Repl;

/// <summary>
/// The token that Ctrl-C cancels, shared by every query a session opens. A cancelled token cannot be
/// reset, so after an interruption the session moves on to a fresh one; queries built before it keep
/// the old, cancelled token and say so when run again.
/// </summary>
internal sealed class SessionCancellation : IDisposable
{
    private volatile CancellationTokenSource _source = new();

    /// <summary>The token for queries opened now.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether Ctrl-C has cancelled <see cref="Token"/>.</summary>
    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>Cancels <see cref="Token"/>; safe from a signal handler's thread.</summary>
    public void Cancel() => _source.Cancel();

    /// <summary>After an interruption, a fresh token for what comes next.</summary>
    public void Renew()
    {
        // The old source is not disposed: a late Ctrl-C may still cancel it from the signal thread,
        // and a source without a timer holds nothing that needs freeing.
        if (_source.IsCancellationRequested)
        {
            _source = new CancellationTokenSource();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _source.Dispose();
}
