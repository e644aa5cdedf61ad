using System.Diagnostics;

namespace LogLinq.Tests.Live;

/// <summary>A real writer: a bash script run as a process of its own, as a web server or logrotate would be.</summary>
internal static class ShellProcess
{
    /// <summary>Starts <c>bash -c <paramref name="script"/></c> with <paramref name="args"/> as $1, $2...</summary>
    public static Process Start(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("bash"); // $0
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
    }

    /// <summary>Waits for <paramref name="process"/> to end, successfully, within <paramref name="timeout"/>.</summary>
    public static async Task WaitForSuccessAsync(Process process, TimeSpan timeout)
    {
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the writer did not finish within {timeout}: {await stderr}");
        }

        process.ExitCode.Should().Be(0, await stderr);
    }
}
