using System.Diagnostics;
using System.Globalization;
using LogLinq.Tests.Cli;
using LogLinq.Tests.Embedding;

namespace LogLinq.Tests.Repl;

/// <summary>
/// A program running in a real pseudo-terminal: a detached tmux session on a server of its own (so
/// the tests never touch a user's tmux), typed into with <c>send-keys</c> and read with
/// <c>capture-pane</c>, as a person would see the screen.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly string _socket = $"loglinq-test-{Guid.NewGuid():N}";
    private const string Name = "repl";

    private TmuxSession()
    {
    }

    /// <summary>Whether tmux is installed.</summary>
    public static bool IsAvailable { get; } = FindTmux();

    /// <summary>Starts <c>loglinq</c> with <paramref name="args"/> in a 120×40 terminal in the repository root.</summary>
    public static TmuxSession StartLoglinq(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var session = new TmuxSession();
        string command = string.Join(' ', new[] { DotnetCli.Host, LoglinqProcess.DllPath }.Concat(args).Select(Quote));
        List<string> start = ["new-session", "-d", "-s", Name, "-x", "120", "-y", "40", "-c", LoglinqProcess.RepoRoot];
        foreach ((string key, string value) in environment)
        {
            start.AddRange(["-e", $"{key}={value}"]);
        }

        // exec: loglinq itself is the pane's process, so it alone gets the terminal's Ctrl-C, and its
        // exit status is the pane's.
        start.Add($"exec {command}");
        session.Tmux(start);
        session.Tmux(["set-option", "-t", Name, "remain-on-exit", "on"]);
        return session;
    }

    /// <summary>Types <paramref name="text"/> as it is.</summary>
    public void Type(string text) =>
        // A trailing ';' would be taken by tmux for a command separator: escape it.
        Tmux(["send-keys", "-t", Name, "-l", text.EndsWith(';') ? text[..^1] + "\\;" : text]);

    /// <summary>Presses keys by their tmux names: Enter, Up, C-c, C-d.</summary>
    public void Press(params string[] keys) => Tmux(["send-keys", "-t", Name, .. keys]);

    /// <summary>The screen and its scroll-back, lines without trailing blanks.</summary>
    public string Screen() =>
        string.Join('\n', Tmux(["capture-pane", "-p", "-J", "-t", Name, "-S", "-200"]).Split('\n').Select(line => line.TrimEnd())).TrimEnd('\n');

    /// <summary>Waits until <paramref name="condition"/> holds for the screen; fails with the screen after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string screen = Screen();
            if (condition(screen))
            {
                return screen;
            }

            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(90)))
            {
                throw new TimeoutException($"waited for {what}; the screen:\n{screen}");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>The pane's process's exit status once it has exited, or null while it runs.</summary>
    public int? ExitStatus()
    {
        string[] state = Tmux(["list-panes", "-t", Name, "-F", "#{pane_dead} #{pane_pid} #{pane_dead_status}"]).Trim().Split(' ');
        if (state[0] != "1")
        {
            return null;
        }

        // tmux 3.3 on a busy machine can see the terminal close and then miss the process's SIGCHLD:
        // the pane is dead, its process a zombie never reaped, and tmux has no status. The kernel
        // still holds it, in the zombie's /proc stat.
        return int.TryParse(state.ElementAtOrDefault(2), out int status) ? status : ZombieExitStatus(int.Parse(state[1], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The exit status of a process that has exited and not been reaped, from <c>/proc/PID/stat</c>
    /// (its third field the state, Z; its 52nd the status as <c>waitpid</c> reports it); null otherwise.
    /// </summary>
    private static int? ZombieExitStatus(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat").TrimEnd();
        }
        catch (IOException)
        {
            return null;
        }

        // The command name, second, is in parentheses and may hold spaces: count fields after it.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] == "Z" && int.TryParse(fields[49], out int waitStatus) && (waitStatus & 0x7F) == 0
            ? (waitStatus >> 8) & 0xFF
            : null;
    }

    /// <summary>Ends the tmux server and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            Tmux(["kill-server"]);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string Tmux(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {error}");
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool FindTmux() =>
        !OperatingSystem.IsWindows()
        && (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "tmux")));
}
