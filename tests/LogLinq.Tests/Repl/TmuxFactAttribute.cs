namespace LogLinq.Tests.Repl;

/// <summary>A fact that needs a pseudo-terminal through tmux; skipped, not passed, where tmux is missing.</summary>
internal sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!TmuxSession.IsAvailable)
        {
            Skip = "tmux is not installed";
        }
    }
}
