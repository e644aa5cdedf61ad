namespace LogLinq.Cli.Terminal;

/// <summary>
/// A progress bar on stderr that appears only if the work is still going after
/// <see cref="Delay"/>, and only on a terminal: quick runs, pipes and CI logs never see it, and
/// never pay for loading the terminal library. Dispose it when the work ends; that clears the bar.
/// </summary>
internal sealed class DelayedProgress : IDisposable
{
    /// <summary>How long the work may run before the bar is worth showing.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly string _description;
    private readonly Func<long> _total;
    private readonly Func<long> _done;
    private readonly ManualResetEventSlim _finished = new();
    private readonly Thread _thread;

    private DelayedProgress(string description, Func<long> total, Func<long> done)
    {
        _description = description;
        _total = total;
        _done = done;
        _thread = new Thread(Run) { IsBackground = true, Name = "loglinq progress" };
        _thread.Start();
    }

    /// <summary>
    /// Starts watching the work, or returns null when stderr is not a terminal. Both functions are
    /// called from another thread; <paramref name="total"/> only once, when the bar appears.
    /// </summary>
    /// <param name="description">What the work is, shown before the bar.</param>
    /// <param name="total">How many bytes the work will process in all.</param>
    /// <param name="done">How many it has processed so far.</param>
    public static DelayedProgress? StartOnTerminal(string description, Func<long> total, Func<long> done) =>
        Console.IsErrorRedirected ? null : new DelayedProgress(description, total, done);

    private void Run()
    {
        try
        {
            if (!_finished.Wait(Delay))
            {
                SpectreProgressBar.Show(_description, _total(), _done, _finished);
            }
        }
        catch (Exception)
        {
            // The bar is a courtesy: a terminal that cannot draw it must not fail the work it watches.
        }
    }

    /// <summary>Ends the bar and waits until it is cleared, so that what is printed next is not garbled.</summary>
    public void Dispose()
    {
        _finished.Set();
        _thread.Join();
        _finished.Dispose();
    }
}
