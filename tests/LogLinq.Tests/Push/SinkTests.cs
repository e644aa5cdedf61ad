using System.Text.RegularExpressions;
using LogLinq.Pipeline;
using LogLinq.Push;
using LogLinq.Records;

namespace LogLinq.Tests.Push;

/// <summary>The single sinks and the flows that chain them: order, results, and the end passed on once.</summary>
public sealed class SinkTests
{
    [Fact]
    public void A_flow_filters_and_maps_in_order_and_completes_its_sink_once()
    {
        var end = new RecordingSink<string>();
        ISink<int> chain = Sink.Of<int>().Where(n => n % 2 == 0).Select(n => $"#{n}").To(end);

        Enumerable.Range(1, 10).PushTo(chain);

        end.Items.Should().Equal("#2", "#4", "#6", "#8", "#10");
        end.ShouldHaveCompletedOnce();
    }

    [Fact]
    public async Task The_push_side_gives_the_same_answer_as_the_pull_side()
    {
        string log = Path.Combine(TestPaths.Data, "access-log");
        var count = Sink.Count<LogRecord>();
        var bytes = Sink.Aggregate<LogRecord, long>(0, (sum, r) => sum + r.Bytes);

        LogPipeline.Find(log).Open().Cat().Parse().PushTo(
            Sink.Of<LogRecord>().Where(r => r.Status == 404).To(count, Sink.Of<LogRecord>().Select(r => r).To(bytes)));

        IEnumerable<LogRecord> pulled = LogPipeline.Find(log).Open().Cat().Parse().Where(r => r.Status == 404);
        count.Result.IsCompletedSuccessfully.Should().BeTrue();
        count.Value.Should().Be(pulled.Count());
        (await bytes.Result).Should().Be(pulled.Sum(r => r.Bytes));
    }

    [Fact]
    public void Grep_tests_the_raw_line()
    {
        var lines = Sink.ToList<string>();
        ISink<LogLine> grep = Sink.Of<LogLine>().Grep(new Regex(@"\.gif HTTP")).Select(line => line.ToString()).To(lines);

        LogPipeline.Find(Path.Combine(TestPaths.Data, "access-log")).Open().Cat().PushTo(grep);

        lines.Value.Should().NotBeEmpty().And.OnlyContain(line => line.Contains(".gif HTTP"));
        lines.Value.Should().HaveCount(File.ReadLines(Path.Combine(TestPaths.Data, "access-log")).Count(l => l.Contains(".gif HTTP")));
    }

    [Fact]
    public void Grep_on_strings()
    {
        var lines = Sink.ToList<string>();

        new[] { "GET /a", "POST /b", "GET /c" }.PushTo(Sink.Of<string>().Grep(new Regex("^GET")).To(lines));

        lines.Value.Should().Equal("GET /a", "GET /c");
    }

    [Fact]
    public void Print_writes_a_line_per_item_and_flushes_at_the_end_whether_completed_or_failed()
    {
        var completed = new FlushCountingWriter();
        new[] { 1, 2 }.PushTo(Sink.Print<int>(completed));
        completed.ToString().Should().Be("1\n2\n");
        completed.Flushes.Should().Be(1);

        var failed = new FlushCountingWriter();
        ISink<int> print = Sink.Print<int>(failed);
        print.Push(1);
        print.Fail(new IOException("input went away"));
        failed.ToString().Should().Be("1\n");
        failed.Flushes.Should().Be(1);

        var live = new FlushCountingWriter();
        new[] { 1, 2, 3 }.PushTo(Sink.Print<int>(live, flushEachItem: true));
        live.Flushes.Should().Be(4);
    }

    [Fact]
    public void Take_completes_what_follows_at_once_and_stops_the_producer()
    {
        var end = new RecordingSink<int>();
        int produced = 0;

        Produce().PushTo(Sink.Of<int>().Take(3).To(end));

        end.Items.Should().Equal(1, 2, 3);
        end.ShouldHaveCompletedOnce();
        produced.Should().Be(3, "the producer stops as soon as the answer is known");

        IEnumerable<int> Produce()
        {
            for (int i = 1; i <= 1000; i++)
            {
                produced = i;
                yield return i;
            }
        }
    }

    [Fact]
    public void An_aggregate_faults_its_result_with_the_error_of_the_input()
    {
        var count = Sink.Count<int>();
        var error = new IOException("disk gone");

        Action push = () => Fails(error).PushTo(count);

        push.Should().Throw<IOException>().Which.Should().BeSameAs(error);
        count.Result.IsFaulted.Should().BeTrue();
        count.Result.Exception!.InnerException.Should().BeSameAs(error);
        count.Value.Should().Be(2);
    }

    [Fact]
    public void A_sink_is_ended_once_whatever_is_called_after()
    {
        int completions = 0;
        var failures = new List<Exception>();
        ISink<int> sink = Sink.Create<int>(_ => { }, () => completions++, failures.Add);

        sink.Complete();
        sink.Complete();
        sink.Fail(new InvalidOperationException());

        completions.Should().Be(1);
        failures.Should().BeEmpty();
        sink.Push(1).Should().BeFalse("an ended sink wants nothing more");
    }

    [Fact]
    public void Each_use_of_a_flow_builds_sinks_of_its_own()
    {
        Flow<int, int> firstTwo = Sink.Of<int>().Take(2);
        var a = Sink.ToList<int>();
        var b = Sink.ToList<int>();

        new[] { 1, 2, 3 }.PushTo(firstTwo.To(a));
        new[] { 4, 5, 6 }.PushTo(firstTwo.To(b));

        a.Value.Should().Equal(1, 2);
        b.Value.Should().Equal(4, 5);
    }

    internal static IEnumerable<int> Fails(Exception error)
    {
        yield return 1;
        yield return 2;
        throw error;
    }

    private sealed class FlushCountingWriter : StringWriter
    {
        public FlushCountingWriter() => NewLine = "\n";

        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }
}
