using System.Diagnostics;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Embedding;

/// <summary>
/// Runs the <c>dotnet</c> command as a user at a shell would: <c>dotnet pack</c>, <c>dotnet run</c>.
/// The MSBuild settings the test host inherited from <c>dotnet test</c> are removed, so that the
/// child builds as if started from a shell, and no build server is left running afterwards.
/// </summary>
internal static class DotnetCli
{
    /// <summary>The <c>dotnet</c> host running the tests, so that children use the same SDK and runtime.</summary>
    public static string Host { get; } =
        Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet"
            ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The configuration the tests were built in (Debug or Release), read from their output folder.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    /// <summary>Runs <c>dotnet</c> with <paramref name="args"/> in <paramref name="workingDirectory"/> and waits for it.</summary>
    public static async Task<LoglinqProcess.Result> RunAsync(IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Host}");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await LoglinqProcess.WaitForExitAsync(process, timeout, stdout, stderr);
        return new LoglinqProcess.Result(process.ExitCode, await stdout, await stderr);
    }
}
