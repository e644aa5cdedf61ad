using System.Diagnostics;
using LogLinq.Interchange;
using LogLinq.Push;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Interchange;

/// <summary>Records sent into, and read out of, real processes: the built loglinq on the other side of the pipe.</summary>
public sealed class RecordProcessTests
{
    private static readonly string AllLogs = Path.Combine(TestPaths.Data, "www", "**", "access-log*");

    [Fact]
    public async Task Records_sent_to_a_consumer_are_answered_as_the_files_are()
    {
        ProcessStartInfo start = Loglinq("query", "from - | distinct path | count", "--format", "tsv");
        start.RedirectStandardOutput = true;
        RecordProcessSink consumer = RecordProcess.StartConsumer(start);
        Task<string> answer = consumer.Process.StandardOutput.ReadToEndAsync();

        await Task.Run(() => LogSource.Open(AllLogs).Where(r => r.Status == 404).PushTo(consumer));
        using (consumer)
        {
            (await answer).Should().Be($"count\n{SampleLogFacts.BrokenDocuments.Length}\n");
            consumer.ExitCode.Should().Be(0);
            consumer.ReaderGone.Should().BeFalse();
            consumer.Count.Should().Be(6 * 2053, "six copies of the sample log under data/www, 2053 404s in each (awk '$9==404' data/access-log | wc -l)");
        }
    }

    [Fact]
    public async Task A_consumer_that_stops_early_makes_push_return_false_not_throw()
    {
        ProcessStartInfo start = Loglinq("query", "from - | take 1 | select path", "--format", "tsv");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using RecordProcessSink consumer = RecordProcess.StartConsumer(start);
        Task<string> answer = consumer.Process.StandardOutput.ReadToEndAsync();
        Task<string> errors = consumer.Process.StandardError.ReadToEndAsync();
        var counters = new ReadCounters();

        await Task.Run(() => LogSource.Open(AllLogs, new LogSourceOptions { Counters = counters }).PushTo(consumer));

        (await answer).Should().Be("path\n/ply/ply.html\n");
        (await errors).Should().BeEmpty();
        consumer.ExitCode.Should().Be(0);
        consumer.ReaderGone.Should().BeTrue();
        consumer.Count.Should().BeLessThan(SampleLogFacts.Records * 6);
        counters.FilesOpened.Should().BeLessThan(6, "the producer stopped reading when the consumer went away, before the last of the six files");
    }

    [Fact]
    public void Records_read_from_a_producer_are_those_it_found()
    {
        List<LogRecord> expected = [.. LogSource.Open(Path.Combine(TestPaths.Data, "access-log")).Where(r => r.Status == 404)];
        expected.Should().HaveCount(2053, "awk '$9==404' data/access-log | wc -l");

        List<LogRecord> read = [.. RecordProcess.ReadOutput(Loglinq("query", $"from \"{Path.Combine(TestPaths.Data, "access-log")}\" | where status == 404", "--emit", "records"))];

        read.ShouldEqualFieldForField(expected);
    }

    [Fact]
    public async Task A_reader_that_stops_early_ends_the_producer()
    {
        ProcessStartInfo start = Loglinq("query", $"from \"{AllLogs}\"", "--emit", "records");
        start.RedirectStandardError = true;

        // Take(1) disposes the sequence after one record: the pipe closes and the process must end of itself.
        List<LogRecord> first = await Task.Run(() => RecordProcess.ReadOutput(start).Take(1).ToList()).WaitAsync(LoglinqProcess.DefaultTimeout);

        first.Should().ContainSingle().Which.Path.Should().Be("/ply/ply.html");
    }

    [Fact]
    public void A_producer_that_fails_is_reported_with_its_exit_code()
    {
        ProcessStartInfo start = Loglinq("query", "from \"no-such-file\"", "--emit", "records");
        start.RedirectStandardError = true;

        Action read = () => RecordProcess.ReadOutput(start).ToList();

        read.Should().Throw<LogSourceException>().WithMessage("dotnet (process *) exited with code 1*");
    }

    [Fact]
    public void A_truncated_stream_from_a_process_is_named()
    {
        using var temp = new TempDirectory();
        string path = temp.File("all.lqr");
        using (var writer = new RecordStreamWriter(File.Create(path)))
        {
            LogSource.Open(Path.Combine(TestPaths.Data, "access-log")).PushTo(writer);
        }

        Action read = () => RecordProcess.ReadOutput(new ProcessStartInfo("head", ["-c", "5000", path])).ToList();

        read.Should().Throw<LogSourceException>().WithMessage("head (process *): the record stream ends in the middle of record *");
    }

    [Fact]
    public void Text_is_not_a_record_stream_even_from_a_process()
    {
        Action read = () => RecordProcess.ReadOutput(new ProcessStartInfo("cat", [Path.Combine(TestPaths.Data, "access-log")])).ToList();

        read.Should().Throw<LogSourceException>().WithMessage("cat (process *): not a LogLinq record stream: it starts '140.180.132.213 *");
    }

    private static ProcessStartInfo Loglinq(params string[] args)
    {
        var start = new ProcessStartInfo(LoglinqProcess.DotnetHost()) { WorkingDirectory = LoglinqProcess.RepoRoot };
        start.ArgumentList.Add(LoglinqProcess.DllPath);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
