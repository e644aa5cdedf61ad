using System.Diagnostics;

namespace LogLinq.Tests.Cli;

/// <summary>
/// Runs the built <c>loglinq</c> as a real process, the way a user or a script does: arguments,
/// working directory, standard input, a time limit; stdout, stderr and the exit code captured.
/// The test project builds the CLI through a project reference that does not reference its assembly,
/// so it sits next door, in the CLI project's own output folder, built in the same configuration.
/// </summary>
internal static class LoglinqProcess
{
    /// <summary>How long a run may take before it is killed and the test fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The root of the repository: the folder that holds LogLinq.sln.</summary>
    public static string RepoRoot => TestPaths.RepoRoot;

    /// <summary>The built CLI, <c>src/LogLinq.Cli/bin/&lt;configuration&gt;/&lt;tfm&gt;/loglinq.dll</c>.</summary>
    public static string DllPath { get; } = FindDll();

    /// <summary>Runs <c>loglinq</c> with <paramref name="args"/> and waits for it to end.</summary>
    /// <param name="args">The command-line arguments, each passed as one argument (no shell).</param>
    /// <param name="workingDirectory">Where it runs; the repository root when null.</param>
    /// <param name="stdin">Text for its standard input, which is then closed; closed at once when null.</param>
    /// <param name="timeout">How long it may run; <see cref="DefaultTimeout"/> when null.</param>
    public static async Task<Result> RunAsync(
        IEnumerable<string> args,
        string? workingDirectory = null,
        string? stdin = null,
        TimeSpan? timeout = null)
    {
        using Process process = Start(args, workingDirectory);
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
            // It exited without reading all of its input; what it printed says why.
        }
        finally
        {
            process.StandardInput.Close();
        }

        await WaitForExitAsync(process, timeout ?? DefaultTimeout, stdout, stderr);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts <c>loglinq</c> with every standard stream redirected, for tests that need to act while it
    /// runs (close its stdout, send it a signal). The caller owns the process.
    /// </summary>
    public static Process Start(IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory ?? RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child must not inherit a colour preference of the machine running the tests.
        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
    }

    /// <summary>Waits for <paramref name="process"/> to exit; kills it and fails past <paramref name="timeout"/>.</summary>
    public static async Task WaitForExitAsync(Process process, TimeSpan timeout, Task<string>? stdout = null, Task<string>? stderr = null)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            string output = stdout is null ? "" : await stdout;
            string error = stderr is null ? "" : await stderr;
            throw new TimeoutException($"loglinq did not exit within {timeout}.\nstdout:\n{output}\nstderr:\n{error}");
        }
    }

    /// <summary>The <c>dotnet</c> host running the tests, so the CLI runs on the same runtime.</summary>
    public static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }


    private static string FindDll()
    {
        // The test assembly is in tests/LogLinq.Tests/bin/<configuration>/<tfm>/; the CLI is built
        // with the same configuration and target framework.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        string framework = testOutput.Name;
        string configuration = testOutput.Parent?.Name ?? "Debug";
        string dll = Path.Combine(RepoRoot, "src", "LogLinq.Cli", "bin", configuration, framework, "loglinq.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"the CLI is not built at {dll}; build the solution first", dll);
    }

    /// <summary>How a run ended and what it printed.</summary>
    /// <param name="ExitCode">The process's exit code.</param>
    /// <param name="Stdout">Everything written to standard output.</param>
    /// <param name="Stderr">Everything written to standard error.</param>
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Standard error split into lines, without the empty last one.</summary>
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        /// <inheritdoc/>
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }
}
