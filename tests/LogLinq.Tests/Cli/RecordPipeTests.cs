using System.Text;

namespace LogLinq.Tests.Cli;

/// <summary>
/// Two loglinq processes joined by a real pipe: <c>--emit records</c> on one side, <c>from -</c> on
/// the other. The answers through the pipe are those of the query without it, and either side may stop first.
/// </summary>
public sealed class RecordPipeTests
{
    private const string AllLogs = "data/www/**/access-log*";

    [Fact]
    public async Task The_pipe_example_gives_the_answer_of_the_query_without_the_pipe()
    {
        LoglinqProcess.Result piped = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{AllLogs}\" | where status == 404' --emit records | loglinq query 'from - | distinct path | count' --format tsv; "
            + "echo \"exit ${PIPESTATUS[*]}\"");

        // Every file under data/www is a copy of the sample log, whose 404s have 130 distinct paths (awk, SampleLogFacts).
        piped.Stdout.Should().Be($"count\n{SampleLogFacts.BrokenDocuments.Length}\nexit 0 0\n", piped.ToString());
        piped.Stderr.Should().BeEmpty();
    }

    [Theory]
    [InlineData("summarize count() as n, sum(bytes) as sent by status | sort by status")]
    [InlineData("where bytes > 1mb | select host, time, path, bytes, file, line")]
    [InlineData("top 5 by bytes | select path, bytes, file, line")]
    [InlineData("summarize dcount(host) as hosts, min(time) as first, max(time) as last")]
    public async Task Queries_over_the_pipe_answer_as_over_the_files(string rest)
    {
        LoglinqProcess.Result direct = await LoglinqProcess.RunAsync(["query", $"from \"{AllLogs}\" | {rest}", "--format", "tsv"]);
        LoglinqProcess.Result piped = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{AllLogs}\"' --emit records | loglinq query 'from - | {rest}' --format tsv");

        direct.ExitCode.Should().Be(0, direct.ToString());
        piped.Stdout.Should().Be(direct.Stdout, piped.ToString()).And.NotBeEmpty();
        piped.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Records_keep_their_file_and_line_through_the_pipe()
    {
        LoglinqProcess.Result piped = await ShellPipeline.RunAsync(
            "loglinq query 'from \"data/access-log\" | where status == 404 | take 3' --emit records | loglinq query 'from - | select file, line, path' --format tsv");

        // awk '$9==404 {print NR, $7}' data/access-log | head -3
        piped.Stdout.Should().Be("file\tline\tpath\ndata/access-log\t2\t/favicon.ico\ndata/access-log\t5\t/favicon.ico\ndata/access-log\t10\t/favicon.ico\n", piped.ToString());
    }

    [Fact]
    public async Task A_reader_that_stops_early_ends_the_writer_quietly()
    {
        // take 1 exits after one record; the writer, megabytes from its end, meets a broken pipe.
        LoglinqProcess.Result result = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{AllLogs}\"' --emit records 2>writer.err | loglinq query 'from - | take 1 | select path' --format tsv 2>reader.err; "
            + "echo \"exit ${PIPESTATUS[*]}\"; cat writer.err reader.err; rm -f writer.err reader.err",
            workingDirectory: null);

        // head -1 data/access-log
        result.Stdout.Should().Be("path\n/ply/ply.html\nexit 0 0\n", result.ToString());
        result.Stderr.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--emit records", "head -c 100")]
    [InlineData("--format csv", "head -1")]
    [InlineData("--format json", "head -1")]
    [InlineData("--format table", "head -1")]
    public async Task Output_into_a_closed_pipe_ends_with_exit_0_and_nothing_on_stderr(string output, string reader)
    {
        using var temp = new TempDirectory();
        LoglinqProcess.Result result = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{LoglinqProcess.RepoRoot}/{AllLogs}\"' {output} | {reader} > /dev/null; echo \"exit ${{PIPESTATUS[*]}}\"",
            workingDirectory: temp.Path);

        result.Stdout.Should().Be("exit 0 0\n", result.ToString());
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_truncated_stream_is_an_error_naming_the_record_with_exit_1()
    {
        using var temp = new TempDirectory();
        LoglinqProcess.Result result = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{LoglinqProcess.RepoRoot}/data/access-log\"' --emit records > all.lqr; "
            + "head -c 1000 all.lqr | loglinq query 'from - | count'",
            workingDirectory: temp.Path);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().MatchRegex(@"^loglinq: standard input: the record stream ends in the middle of record \d+$");
    }

    [Fact]
    public async Task A_stream_from_a_newer_loglinq_is_refused_by_its_version()
    {
        using var temp = new TempDirectory();
        LoglinqProcess.Result result = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{LoglinqProcess.RepoRoot}/data/access-log\" | take 2' --emit records > two.lqr; "
            + "{ printf '\\211LQR\\r\\n\\032\\n\\011'; tail -c +10 two.lqr; } | loglinq query 'from - | count'",
            workingDirectory: temp.Path);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Be("loglinq: standard input: record stream version 9 is newer than this loglinq reads (up to 1): upgrade loglinq\n");
    }

    [Fact]
    public async Task A_stream_whose_writer_failed_midway_is_reported_by_the_reader_too()
    {
        using var temp = new TempDirectory();
        temp.Write("access-log.gz", [.. File.ReadAllBytes(Path.Combine(TestPaths.Data, "www", "foo", "access-log-0108.gz")).AsSpan(0, 20_000)]);
        LoglinqProcess.Result result = await ShellPipeline.RunAsync(
            "loglinq query 'from \"access-log.gz\"' --emit records | loglinq query 'from - | count'; echo \"exit ${PIPESTATUS[*]}\"",
            workingDirectory: temp.Path);

        result.Stdout.Should().Be("exit 1 1\n", result.ToString());
        result.StderrLines.Should().HaveCount(2);
        result.Stderr.Should().Contain("access-log.gz: corrupt or truncated gzip data").And.Contain("standard input: the record stream ends after record");
    }

    [Fact]
    public async Task Text_on_standard_input_is_parsed_as_the_files_are()
    {
        const string Query = "summarize count() as n, sum(bytes) as sent by status | sort by status";
        LoglinqProcess.Result direct = await LoglinqProcess.RunAsync(["query", $"from \"{SampleLogFacts.SampleLog}\" | {Query}", "--format", "tsv"]);
        LoglinqProcess.Result plain = await ShellPipeline.RunAsync($"cat data/access-log | loglinq query 'from - | {Query}' --format tsv");
        LoglinqProcess.Result gzipped = await ShellPipeline.RunAsync($"gzip -c data/access-log | loglinq query 'from - | {Query}' --format tsv");

        plain.Stdout.Should().Be(direct.Stdout, plain.ToString()).And.Contain("404\t2053\t"); // awk '$9==404' data/access-log | wc -l
        gzipped.Stdout.Should().Be(direct.Stdout, gzipped.ToString());
    }

    [Fact]
    public async Task Lines_of_text_on_standard_input_are_named_after_it()
    {
        LoglinqProcess.Result result = await ShellPipeline.RunAsync(
            "tail -n 2 data/access-log | loglinq query 'from - | select file, line, bytes' --format tsv");

        // The bytes are the last field of each line (tail -n 2 data/access-log | awk '{print $NF}').
        string[] last = [.. File.ReadLines(Path.Combine(TestPaths.Data, "access-log")).TakeLast(2).Select(l => l.Split(' ')[^1])];
        result.Stdout.Should().Be($"file\tline\tbytes\nstandard input\t1\t{last[0]}\nstandard input\t2\t{last[1]}\n", result.ToString());
    }

    [Fact]
    public async Task Text_on_standard_input_is_read_as_it_comes()
    {
        // One line is written and the pipe kept open: a reader that waited for the end would never answer.
        using System.Diagnostics.Process reader = LoglinqProcess.Start(["query", "from - | take 1 | select path", "--format", "tsv"]);
        Task<string> stdout = reader.StandardOutput.ReadToEndAsync();
        Task<string> stderr = reader.StandardError.ReadToEndAsync();
        await reader.StandardInput.WriteAsync(File.ReadLines(Path.Combine(TestPaths.Data, "access-log")).First() + "\n");
        await reader.StandardInput.FlushAsync();

        await LoglinqProcess.WaitForExitAsync(reader, LoglinqProcess.DefaultTimeout, stdout, stderr);

        (await stdout).Should().Be("path\n/ply/ply.html\n");
        reader.ExitCode.Should().Be(0, await stderr);
    }

    [Fact]
    public async Task Emit_records_of_a_query_whose_rows_are_not_records_is_a_usage_error()
    {
        LoglinqProcess.Result result = await LoglinqProcess.RunAsync(["query", "from \"data/access-log\" | where status == 404 | summarize count() by path", "--emit", "records"]);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines[0].Should().Be("loglinq: --emit records: 1:48: summarize makes rows of its own, not records: a query answers with whole records only through where, sort, top and take");
    }

    [Theory]
    [InlineData("--format csv", "loglinq: --emit records writes a record stream of its own: it does not go with --format.")]
    [InlineData("--follow", "loglinq: --emit records writes a record stream of its own: it does not go with --follow.")]
    [InlineData("--emit json", "loglinq: Argument 'json' not recognized. Must be one of:")]
    public async Task Emit_records_goes_with_no_other_output(string other, string message)
    {
        string[] args = ["query", "from \"data/access-log\"", "--emit", "records", .. other.Split(' ')];
        if (other.StartsWith("--emit", StringComparison.Ordinal))
        {
            args = ["query", "from \"data/access-log\"", .. other.Split(' ')];
        }

        LoglinqProcess.Result result = await LoglinqProcess.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines[0].Should().Be(message);
    }

    [Fact]
    public async Task A_saved_query_emits_records_too_but_several_cannot()
    {
        using var temp = new TempDirectory();
        temp.Write("nf.lq", $"from \"{LoglinqProcess.RepoRoot}/data/access-log\" | where status == 404");
        LoglinqProcess.Result one = await ShellPipeline.RunAsync("loglinq run nf.lq --emit records | loglinq query 'from - | count' --format tsv", workingDirectory: temp.Path);
        LoglinqProcess.Result two = await ShellPipeline.RunAsync("loglinq run nf.lq nf.lq --emit records", workingDirectory: temp.Path);

        one.Stdout.Should().Be("count\n2053\n", one.ToString()); // awk '$9==404' data/access-log | wc -l
        two.ExitCode.Should().Be(2);
        two.StderrLines[0].Should().Be("loglinq: --emit records writes the records of one query: give one query file.");
    }

    [Fact]
    public async Task Following_standard_input_is_a_usage_error()
    {
        LoglinqProcess.Result result = await LoglinqProcess.RunAsync(["query", "from - | where status == 500", "--follow"], stdin: "");

        result.ExitCode.Should().Be(2);
        result.StderrLines[0].Should().StartWith("loglinq: --follow: 1:1: from - reads standard input to its end, once");
    }

    [Fact]
    public async Task Run_answers_saved_queries_over_standard_input_in_one_read()
    {
        using var temp = new TempDirectory();
        temp.Write("count.lq", "from - | count");
        temp.Write("bytes.lq", "from - | summarize sum(bytes) as sent");
        LoglinqProcess.Result result = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{LoglinqProcess.RepoRoot}/data/access-log\"' --emit records | loglinq run count.lq bytes.lq --format tsv",
            workingDirectory: temp.Path);

        result.Stdout.Should().Be($"==> count.lq <==\ncount\n{SampleLogFacts.Records}\n\n==> bytes.lq <==\nsent\n{SampleLogFacts.TotalBytes}\n", result.ToString());
    }

    [Fact]
    public async Task Explain_names_standard_input_and_reads_nothing()
    {
        LoglinqProcess.Result result = await LoglinqProcess.RunAsync(["query", "from - | where status == 404 | count", "--explain"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("source:     standard input, read once to its end").And.Contain("pushdown:   status == 404");
    }

    [Fact]
    public async Task The_records_written_are_those_the_text_holds()
    {
        // The stream on stdout starts with its magic and reads back with from - as the same rows as the file.
        LoglinqProcess.Result raw = await ShellPipeline.RunAsync("loglinq query 'from \"data/access-log\" | take 1' --emit records | head -c 8 | od -An -c | tr -s ' '");

        raw.Stdout.Trim().Should().Be(@"211 L Q R \r \n 032 \n");
    }
}
