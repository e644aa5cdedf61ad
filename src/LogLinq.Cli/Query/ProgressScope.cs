using LogLinq.Cli.Terminal;

namespace LogLinq.Cli.Query;

/// <summary>
/// The progress bar of one query run, ended once: before the first line of output when stdout is
/// the same terminal (the bar would garble the rows), otherwise when the run ends.
/// </summary>
internal sealed class ProgressScope(DelayedProgress? bar) : IDisposable
{
    private DelayedProgress? _bar = bar;

    /// <summary>Called just before the first write to stdout.</summary>
    public void BeforeOutput()
    {
        if (StandardOutput.IsTerminal)
        {
            Dispose();
        }
    }

    /// <summary>Clears the bar, if it is still up.</summary>
    public void Dispose()
    {
        _bar?.Dispose();
        _bar = null;
    }
}
