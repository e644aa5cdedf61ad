using System.Diagnostics;

namespace LogLinq.Tests.Cli;

/// <summary>
/// Runs the built <c>loglinq</c> and keeps the exact bytes it writes, as a terminal would receive
/// them: piped, or with its standard streams on a pseudo-terminal (util-linux <c>script</c>), where
/// it draws tables. What a terminal obeys is bytes, so that is what tests of its output look at.
/// </summary>
internal static class TerminalBytes
{
    /// <summary>Whether <c>script</c> is installed, to give <c>loglinq</c> a pseudo-terminal.</summary>
    public static bool HasPseudoTerminal { get; } =
        !OperatingSystem.IsWindows()
        && (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "script")));

    /// <summary>Runs <c>loglinq</c> with its output piped; its exit code and the bytes of stdout and stderr.</summary>
    public static async Task<(int ExitCode, byte[] Stdout, byte[] Stderr)> PipedAsync(IEnumerable<string> args, string workingDirectory)
    {
        using Process process = LoglinqProcess.Start(args, workingDirectory);
        process.StandardInput.Close();
        (byte[] stdout, byte[] stderr) = await ReadBothAsync(process);
        return (process.ExitCode, stdout, stderr);
    }

    /// <summary>
    /// Runs <c>loglinq</c> on a pseudo-terminal (stdout and stderr both, as in a shell); its exit code
    /// and the bytes the terminal received, each line break as the terminal's <c>\r\n</c>.
    /// </summary>
    public static async Task<(int ExitCode, byte[] Screen)> OnTerminalAsync(IEnumerable<string> args, string workingDirectory)
    {
        string command = string.Join(' ', new[] { LoglinqProcess.DotnetHost(), LoglinqProcess.DllPath }.Concat(args).Select(Quote));
        var start = new ProcessStartInfo("script")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // -q: no "Script started" lines; -e: loglinq's exit code is script's; the typescript is discarded.
        foreach (string arg in new[] { "-qec", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start script");
        process.StandardInput.Close();
        (byte[] screen, _) = await ReadBothAsync(process);
        return (process.ExitCode, screen);
    }

    private static async Task<(byte[] Stdout, byte[] Stderr)> ReadBothAsync(Process process)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        Task copies = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(stdout), process.StandardError.BaseStream.CopyToAsync(stderr));
        await LoglinqProcess.WaitForExitAsync(process, LoglinqProcess.DefaultTimeout);
        await copies;
        return (stdout.ToArray(), stderr.ToArray());
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
