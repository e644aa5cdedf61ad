using System.Diagnostics;
using System.Globalization;
using LogLinq.Live;
using LogLinq.Pipeline;
using LogLinq.Push;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Live;

/// <summary><c>loglinq simulate</c>, run as a real process: what it writes, and when.</summary>
[Collection(LiveCollection.Name)]
public sealed class SimulateCommandTests
{
    private static readonly string SampleLog = Path.Combine(TestPaths.Data, "access-log");

    [Fact]
    public async Task Speed_0_writes_the_source_as_fast_as_it_can()
    {
        using var temp = new TempDirectory();
        string output = temp.File("access-log");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["simulate", "--speed", "0", output]);

        run.ExitCode.Should().Be(0, run.ToString());
        File.ReadAllBytes(output).Should().Equal(File.ReadAllBytes(SampleLog));
    }

    [Fact]
    public async Task Lines_come_at_the_original_gaps_divided_by_the_speed()
    {
        // 20 lines 10 s apart in log time: 190 s, which at speed 95 take 2 s.
        using var temp = new TempDirectory();
        var start = new DateTimeOffset(2008, 2, 24, 0, 8, 59, TimeSpan.FromHours(-6));
        string[] lines = [.. Enumerable.Range(0, 20).Select(i =>
            $"10.0.0.{i} - - [{start.AddSeconds(10 * i).ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)} -0600] \"GET /page/{i} HTTP/1.1\" 200 {i}")];
        string source = temp.WriteLines("source-log", lines);
        string output = temp.File("access-log");

        long started = Stopwatch.GetTimestamp();
        using Process simulate = LoglinqProcess.Start(["simulate", "--source", source, "--speed", "95", output]);
        long first = await WhenLinesAsync(output, 1);
        long middle = await WhenLinesAsync(output, 11);
        long last = await WhenLinesAsync(output, 20);
        await LoglinqProcess.WaitForExitAsync(simulate, LoglinqProcess.DefaultTimeout);

        simulate.ExitCode.Should().Be(0);
        File.ReadAllLines(output).Should().Equal(lines);

        // The lower bounds count from before the simulator started: a line is seen here at the
        // earliest when it is written, and this test may see it late on a busy machine but never
        // early. (Measured from when the first line was seen, a late first sighting shortened the
        // gap below any bound.) The upper bound is wide for the same reason.
        Stopwatch.GetElapsedTime(started, middle).TotalSeconds.Should().BeGreaterThanOrEqualTo(1.0, "10 gaps of 10 s at speed 95 take 1.05 s");
        Stopwatch.GetElapsedTime(started, last).TotalSeconds.Should().BeGreaterThanOrEqualTo(1.95, "19 gaps take 2 s");
        Stopwatch.GetElapsedTime(first, last).TotalSeconds.Should().BeLessThan(4.0, "19 gaps of 10 s at speed 95 take 2 s");
    }

    [Fact]
    public async Task The_output_is_appended_to_as_a_server_appends_to_its_log()
    {
        using var temp = new TempDirectory();
        string source = temp.WriteLines("source-log", File.ReadLines(SampleLog).Take(3).ToArray());
        string output = temp.WriteLines("access-log", "already there");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["simulate", "--source", source, "--speed", "0", output]);

        run.ExitCode.Should().Be(0, run.ToString());
        File.ReadAllLines(output).Should().Equal(["already there", .. File.ReadLines(SampleLog).Take(3)]);
    }

    [Fact]
    public async Task Ctrl_C_stops_it_between_two_lines_with_exit_130()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT cannot be sent to another console process from here.
        }

        // At the original pace the sample log takes five days.
        using var temp = new TempDirectory();
        string output = temp.File("access-log");
        using Process simulate = LoglinqProcess.Start(["simulate", "--speed", "1", output]);
        Task<string> stderr = simulate.StandardError.ReadToEndAsync();
        await WhenLinesAsync(output, 2);

        using (Process kill = Process.Start("kill", ["-INT", $"{simulate.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        await LoglinqProcess.WaitForExitAsync(simulate, TimeSpan.FromSeconds(20), stderr: stderr);
        simulate.ExitCode.Should().Be(130);
        (await stderr).Should().BeEmpty();
        string written = File.ReadAllText(output);
        written.Should().EndWith("\n");
        File.ReadAllText(SampleLog).Should().StartWith(written);
    }

    [Theory]
    [InlineData("--speed", "-1")]
    [InlineData("--speed", "fast")]
    public async Task A_bad_speed_is_a_usage_error(string option, string value)
    {
        using var temp = new TempDirectory();

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["simulate", option, value, temp.File("out")]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.StderrLines[0].Should().StartWith("loglinq: --speed");
    }

    [Fact]
    public async Task It_refuses_to_append_to_its_own_source()
    {
        using var temp = new TempDirectory();
        string source = temp.WriteLines("access-log", "keep me");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["simulate", "--source", source, "--speed", "0", source]);

        run.ExitCode.Should().Be(2, run.ToString());
        File.ReadAllText(source).Should().Be("keep me\n");
    }

    [Fact]
    public async Task A_follower_pushing_into_sinks_sees_every_record_the_simulator_writes()
    {
        using var temp = new TempDirectory();
        string output = temp.File("access-log"); // not there yet: the follower waits for it
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var notFound = Sink.Count<LogRecord>();
        var bytes = Sink.Aggregate<LogRecord, long>(0, (sum, r) => sum + r.Bytes);
        var all = Sink.Count<LogRecord>();

        // Take stops the follow once every record is in: the push side ends the pull side early.
        ISink<LogRecord> chain = Sink.Of<LogRecord>().Take(7298).To(
            Sink.Of<LogRecord>().Where(r => r.Status == 404).To(notFound),
            bytes,
            all);
        Task following = Task.Run(() => LogSource.Follow(output, new FollowOptions { FromStart = true, Until = stop.Token }).PushTo(chain));

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["simulate", "--speed", "0", output]);
        run.ExitCode.Should().Be(0, run.ToString());
        await following.WaitAsync(TimeSpan.FromSeconds(60));

        List<LogRecord> pulled = [.. LogPipeline.Find(SampleLog).Open().Cat().Parse()];
        stop.IsCancellationRequested.Should().BeFalse("Take ended the follow, not the time limit");
        (await all.Result).Should().Be(pulled.Count);
        (await notFound.Result).Should().Be(pulled.Count(r => r.Status == 404));
        (await bytes.Result).Should().Be(pulled.Sum(r => r.Bytes));
    }

    /// <summary>When (a <see cref="Stopwatch"/> timestamp) <paramref name="path"/> first holds <paramref name="count"/> complete lines.</summary>
    private static async Task<long> WhenLinesAsync(string path, int count)
    {
        long started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            if (File.Exists(path) && CountLines(path) >= count)
            {
                return Stopwatch.GetTimestamp();
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"{path} did not reach {count} lines");
    }

    private static int CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        int lines = 0;
        Span<byte> buffer = stackalloc byte[4096];
        for (int read; (read = stream.Read(buffer)) > 0;)
        {
            lines += buffer[..read].Count((byte)'\n');
        }

        return lines;
    }
}
