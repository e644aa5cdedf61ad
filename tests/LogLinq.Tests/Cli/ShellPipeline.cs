using System.Diagnostics;

namespace LogLinq.Tests.Cli;

/// <summary>
/// Runs a bash script in which <c>loglinq</c> is the built CLI, so tests can connect loglinq
/// processes with real pipes, as a user's shell does: <c>loglinq query ... | loglinq query 'from -'</c>.
/// </summary>
internal static class ShellPipeline
{
    /// <summary>Runs <paramref name="script"/> at the repository root and waits for it; stdin is closed at once.</summary>
    public static async Task<LoglinqProcess.Result> RunAsync(string script, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory ?? LoglinqProcess.RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("loglinq() { \"$LOGLINQ_DOTNET\" \"$LOGLINQ_DLL\" \"$@\"; }\n" + script);
        start.Environment["LOGLINQ_DOTNET"] = LoglinqProcess.DotnetHost();
        start.Environment["LOGLINQ_DLL"] = LoglinqProcess.DllPath;
        start.Environment["NO_COLOR"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await LoglinqProcess.WaitForExitAsync(process, LoglinqProcess.DefaultTimeout, stdout, stderr);
        return new LoglinqProcess.Result(process.ExitCode, await stdout, await stderr);
    }
}
