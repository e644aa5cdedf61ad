using System.Diagnostics;
using LogLinq.Tests.Cli;
using LogLinq.Tests.Embedding;

namespace LogLinq.Tests.Repl;

/// <summary>
/// Runs the built <c>loglinq repl</c> (or any command) as a real process with text on its standard
/// input, like <c>echo 'logs.Count()' | loglinq repl</c>, and with environment variables of the
/// test's choosing.
/// </summary>
internal static class ReplProcess
{
    /// <summary>Runs <c>loglinq repl</c> over <paramref name="stdin"/>, with <paramref name="args"/> after <c>repl</c>.</summary>
    public static Task<LoglinqProcess.Result> ReplAsync(string stdin, params string[] args) =>
        RunAsync(["repl", .. args], stdin);

    /// <summary>Runs <c>loglinq</c> with <paramref name="args"/> in the repository root and waits for it.</summary>
    public static async Task<LoglinqProcess.Result> RunAsync(
        IEnumerable<string> args,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        using Process process = Start(args, environment);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }
        }
        catch (IOException)
        {
            // It stopped reading early; what it printed says why.
        }
        finally
        {
            process.StandardInput.Close();
        }

        await LoglinqProcess.WaitForExitAsync(process, timeout ?? LoglinqProcess.DefaultTimeout, stdout, stderr);
        return new LoglinqProcess.Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts <c>loglinq</c> with every standard stream redirected; the caller owns the process.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetCli.Host)
        {
            WorkingDirectory = LoglinqProcess.RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(LoglinqProcess.DllPath);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
    }
}
