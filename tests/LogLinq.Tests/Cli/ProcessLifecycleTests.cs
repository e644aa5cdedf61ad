using System.Diagnostics;

namespace LogLinq.Tests.Cli;

/// <summary>How <c>loglinq</c> ends when the world around it does: a reader that goes away, a Ctrl-C.</summary>
public sealed class ProcessLifecycleTests
{
    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Output_into_a_closed_pipe_ends_quietly(string format)
    {
        // As in `loglinq report | head -1`: the reader is gone before the report is written.
        using Process process = LoglinqProcess.Start(["report", "--format", format, .. SampleLogFacts.PlainCopies]);
        process.StandardInput.Close();
        process.StandardOutput.Close();
        Task<string> stderr = process.StandardError.ReadToEndAsync();

        await LoglinqProcess.WaitForExitAsync(process, LoglinqProcess.DefaultTimeout, stderr: stderr);

        string error = await stderr;
        error.Should().NotContain("Exception").And.NotContain("   at ");
        process.ExitCode.Should().Be(0, error);
    }

    [Fact]
    public async Task Ctrl_C_stops_a_long_run_with_exit_130_and_no_stack_trace()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT cannot be sent to another console process from here.
        }

        // Hundreds of terabytes into /dev/null: it runs until interrupted, and writes nothing to disk.
        using Process process = LoglinqProcess.Start(["gen", "--repeat", "1000000000", "/dev/null"]);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        process.HasExited.Should().BeFalse("it should still be writing");

        using (Process kill = Process.Start("kill", ["-INT", $"{process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        await LoglinqProcess.WaitForExitAsync(process, TimeSpan.FromSeconds(20), stdout, stderr);
        process.ExitCode.Should().Be(130);
        (await stderr).Should().BeEmpty();
    }
}
