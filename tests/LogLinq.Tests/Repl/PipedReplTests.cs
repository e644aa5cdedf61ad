using System.Diagnostics;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Repl;

/// <summary>
/// <c>loglinq repl</c> with submissions on standard input, as in <c>echo 'logs.Count()' | loglinq repl</c>:
/// only results on stdout and errors on stderr, no prompt, no colour.
/// </summary>
public sealed class PipedReplTests
{
    // data/**/access-log* is seven copies of the sample log.
    private const long AllRecords = SampleLogFacts.CopiesUnderData * SampleLogFacts.Records;

    // awk '$9==404' data/access-log | wc -l
    private const int NotFoundPerCopy = 2053;

    [Fact]
    public async Task A_piped_expression_prints_its_value_and_nothing_else()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("logs.Count()\n");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Be($"{AllRecords}\n");
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_submission_goes_on_until_it_is_complete_and_variables_outlive_it()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            """
            var notFound = logs.Where(r =>
                r.Status == 404);

            notFound.Count()
            """);

        result.Stdout.Should().Be($"{SampleLogFacts.CopiesUnderData * NotFoundPerCopy}\n", result.ToString());
        result.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task A_compile_error_is_told_with_its_line_and_column_and_the_session_goes_on()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("1 + 1\nvar x = 2;\nx + nope\nx * 21\n");

        result.Stdout.Should().Be("2\n42\n", result.ToString());
        result.StderrLines.Should().Equal("1:5: error CS0103: The name 'nope' does not exist in the current context");
        result.ExitCode.Should().Be(1, "a piped session that met an error fails, for scripts");
    }

    [Fact]
    public async Task A_run_time_error_is_told_at_the_statement_that_threw_and_the_session_goes_on()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            """
            int Zero() => 0;
            var ratio = 1 +
              10 / Zero();
            Logs("no/such/dir/*.log").Count()
            "still here"
            """);

        result.Stdout.Should().Be("still here\n", result.ToString());
        result.StderrLines.Should().Equal(
            // Positions are within the submission: the statement that threw starts at its line 1, column 13.
            "1:13: error: DivideByZeroException: Attempted to divide by zero.",
            "1:1: error: no files match 'no/such/dir/*.log'");
    }

    [Fact]
    public async Task A_sequence_is_a_table_of_its_first_rows_and_how_many_there_were()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("logs\n");

        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        lines[0].Should().MatchRegex(@"^Time\s+Host\s+Method\s+Path\s+Status\s+Bytes$");
        lines[1].Should().MatchRegex("^[- ]+$");
        lines[2].Should().MatchRegex(@"^2008-02-24 00:08:59 -06:00\s+140\.180\.132\.213\s+GET\s+/ply/ply\.html\s+200\s+97238$");
        lines.Should().HaveCount(2 + 20 + 1);
        lines[^1].Should().Be($"(20 of {AllRecords} rows)");
    }

    [Fact]
    public async Task A_sequence_is_enumerated_once_however_long_it_is()
    {
        // Keeping the first rows and counting the rest in the same pass: a second pass would count twice.
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            """
            int seen = 0;
            var counted = logs.AsEnumerable().Select(r => { seen++; return r.Status; });
            Show(counted, rows: 3);
            seen
            """);

        result.Stdout.Should().Be($"200\n404\n200\n(3 of {AllRecords} rows)\n{AllRecords}\n", result.ToString());
    }

    [Fact]
    public async Task A_query_stays_lazy_until_it_is_shown()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            """
            var counters = new LogLinq.Sources.ReadCounters();
            var q = LogSource.Open("data/access-log", Options with { Counters = counters }).Where(r => r.Status == 404);
            counters.BytesRead
            q.Count()
            counters.BytesRead > 0
            """);

        result.Stdout.Should().Be($"0\n{NotFoundPerCopy}\ntrue\n", result.ToString());
    }

    [Fact]
    public async Task A_record_is_shown_with_its_fields()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("logs.First()\n");

        result.Stdout.Should().MatchRegex(@"^Host\s+140\.180\.132\.213\nIdent\s+-\nUser\s+-\nTime\s+2008-02-24 00:08:59 -06:00\nMethod\s+GET\nPath\s+/ply/ply\.html\nProtocol\s+HTTP/1\.1\nStatus\s+200\nBytes\s+97238\nReferrer\s+null\nUserAgent\s+null\nVirtualHost\s+null\nDuration\s+null\nFile\s+data/access-log\nLineNumber\s+1\n$");
    }

    [Fact]
    public async Task Anonymous_types_and_named_tuples_are_columns()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            """
            logs.Select(r => new { r.Host, r.Status }).Take(2)
            logs.AsEnumerable().Take(1).Select(r => (Who: r.Host, Size: r.Bytes))
            (Answer: 42, Question: "?")
            """);

        result.Stdout.Should().MatchRegex(
            @"^Host\s+Status\n[- ]+\n140\.180\.132\.213\s+200\n140\.180\.132\.213\s+404\n\(2 rows\)\n"
            + @"Who\s+Size\n[- ]+\n140\.180\.132\.213\s+97238\n\(1 row\)\n"
            + @"Answer\s+42\nQuestion\s+\?\n$",
            result.ToString());
    }

    [Fact]
    public async Task Scalars_are_shown_as_themselves_in_the_invariant_culture()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("\"text\"\n1.5\ntrue\nnull\n'c'\nvar none = 1;\nSystem.Console.WriteLine(\"printed\")\n");

        result.Stdout.Should().Be("text\n1.5\ntrue\nnull\nc\nprinted\n", result.ToString());
    }

    [Fact]
    public async Task Show_prints_as_many_rows_as_asked()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("Show(logs.Select(r => r.Path).Distinct(), rows: 2)\n");

        result.Stdout.Should().Be("/ply/ply.html\n/favicon.ico\n(2 of 531 rows)\n", result.ToString());
    }

    [Fact]
    public async Task Explain_shows_the_plan_of_a_query_and_of_a_query_ending_in_a_value()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            """
            #explain logs.Where(r => r.Status == 404)
            #explain logs.Sum(r => r.Bytes)
            #explain 1 + 1
            """);

        result.Stdout.Should().Contain("pushdown:   status == 404").And.Contain("aggregate:  sum(r => r.Bytes)", result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("error: #explain shows how a query runs");
    }

    [Fact]
    public async Task The_pipe_language_mixes_with_csharp()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            "#q from \"data/access-log\" | where status == 404 | count\n"
            + "Query(\"from 'data/access-log' | where status == 404 | distinct path\").Count()\n");

        // awk '$9 == 404' data/access-log | wc -l → 2053; awk '$9 == 404 {print $7}' ... | sort -u | wc -l → 130
        result.Stdout.Should().Contain("2053").And.Contain("130", result.ToString());
        result.StderrLines.Should().BeEmpty(result.ToString());
    }

    [Fact]
    public async Task A_pipe_query_s_rows_are_shown_under_its_column_names_as_the_command_shows_them()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            "#q from \"data/access-log\" | summarize count(), sum(bytes)\n"
            + "Query(\"from 'data/access-log' | summarize count() as n by status | top 2 by n desc\")\n"
            + "#q from \"data/access-log\" | count\n");

        // awk 'END {print NR}' → 7298; awk '{s += $NF} END {print s}' → 230741830;
        // awk '{print $9}' | sort | uniq -c | sort -rn | head -2 → 4676 of 200, 2053 of 404.
        result.Stdout.Split('\n').Should().Equal(
            [
                "count  sum_bytes",
                "-----  ---------",
                $" {SampleLogFacts.Records}  {SampleLogFacts.TotalBytes}",
                "(1 row)",
                "status     n",
                "------  ----",
                "   200  4676",
                "   404  2053",
                "(2 rows)",
                "count",
                "-----",
                $" {SampleLogFacts.Records}",
                "(1 row)",
                "",
            ],
            result.ToString());
    }

    [Fact]
    public async Task A_pipe_query_that_CSharp_goes_on_with_keeps_its_column_names_while_its_rows_are_unchanged()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            "Query(\"from 'data/access-log' | summarize count() as n by status\").OrderByDescending(row => (long)row[1]!).Take(2)\n"
            + "Query(\"from 'data/access-log' | summarize count() as n by status\").Select(row => new object?[] { row[1] }).Take(1)\n");

        // awk '{print $9}' | sort | uniq -c | sort -rn | head -2 → 4676 of 200, 2053 of 404. A Select
        // makes rows of its own: its cells are not the query's columns, and are shown without names.
        string[] lines = result.Stdout.Split('\n');
        lines[..5].Should().Equal(["status     n", "------  ----", "   200  4676", "   404  2053", "(2 rows)"], result.ToString());
        lines[5..].Should().NotContain(line => line.Contains("status", StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public async Task A_pipe_query_whose_sum_overflows_says_which_sum_as_the_command_does()
    {
        using var dir = new TempDirectory();
        string log = dir.WriteLines(
            "nums.log",
            "192.0.2.1 - - [10/Oct/2023:13:55:00 +0000] \"GET /a HTTP/1.1\" 200 9223372036854775807",
            "192.0.2.1 - - [10/Oct/2023:13:55:01 +0000] \"GET /b HTTP/1.1\" 200 10");

        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            $"Query(\"from '{log}' | summarize sum(bytes)\")\n"
            + $"#q from '{log}' | summarize avg(bytes) by host\n"
            + $"Query(\"from '{log}' | summarize sum(bytes)\").Count()\n"
            // The query's own sums fit (one path each); it is the C# after it that overflows, which is not the query's to name.
            + $"Query(\"from '{log}' | summarize sum(bytes) by path\").Sum(row => (long)row[1]!)\n"
            + $"#explain Query(\"from '{log}' | summarize sum(bytes)\")\n");

        result.StderrLines.Should().Equal(
            [
                "error: the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)",
                "error: the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)",
                "1:1: error: the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)",
                "1:1: error: Arithmetic operation resulted in an overflow.",
            ],
            result.ToString());
        result.Stdout.Should().Contain("aggregate:  group by r => True computing sum(r => r.Bytes)", "a guarded query is still explained");
    }

    [Fact]
    public async Task A_duration_shows_as_the_query_language_writes_it()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync(
            "TimeSpan.FromMilliseconds(1500)\nTimeSpan.FromMilliseconds(86.5)\nTimeSpan.FromSeconds(90)\n(TimeSpan?)TimeSpan.FromHours(36)\n");

        result.Stdout.Should().Be("1.5s\n86.5ms\n90s\n36h\n", result.ToString());
    }

    [Fact]
    public async Task From_dash_is_refused_in_the_repl_whose_standard_input_is_its_own()
    {
        // The REPL reads its submissions from stdin: a query cannot have it too.
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("#q from - | count\n1 + 1\n");

        result.Stdout.Should().Be("2\n", result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().Be("error: from - reads standard input, which is not open to queries here");
    }

    [Fact]
    public async Task Load_runs_a_script_in_the_session_and_tells_its_errors_by_file()
    {
        using var dir = new TempDirectory();
        string good = dir.WriteLines("good.csx", "var loaded = 40;", "int Two() => 2;");
        string bad = dir.WriteLines("bad.csx", "var a = 1;", "var b = a +;");

        LoglinqProcess.Result result = await ReplProcess.ReplAsync($"#load {good}\nloaded + Two()\n#load \"{bad}\"\n#load {dir.File("missing.csx")}\n");

        result.Stdout.Should().Be("42\n", result.ToString());
        result.StderrLines.Should().HaveCount(2);
        result.StderrLines[0].Should().Be($"{bad}:2:12: error CS1525: Invalid expression term ';'");
        result.StderrLines[1].Should().StartWith($"error: cannot read {dir.File("missing.csx")}");
    }

    [Fact]
    public async Task Help_lists_the_globals_and_commands_and_exit_ends_the_session()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("#help\n#exit\n\"not reached\"\n");

        result.Stdout.Should().Contain("logs ").And.Contain("Logs(\"glob\", ...)").And.Contain("#explain <expression>").And.NotContain("not reached");
        result.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Globs_and_parameters_come_from_the_command_line()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("logs.Count()\nParams[\"who\"]\n", "data/access-log", "--set", "who=me");

        result.Stdout.Should().Be($"{SampleLogFacts.Records}\nme\n", result.ToString());
    }

    [Fact]
    public async Task Ctrl_C_stops_a_piped_session_with_exit_130()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT cannot be sent to another console process from here.
        }

        using Process process = ReplProcess.Start(["repl"]);
        await process.StandardInput.WriteAsync("\"started\"\nwhile (true) { logs.Count(); }\n\"never\"\n");
        process.StandardInput.Close();
        Task<string> stderr = process.StandardError.ReadToEndAsync();

        // Output is flushed after each submission: once the first is out, the loop is next.
        using (var started = new CancellationTokenSource(LoglinqProcess.DefaultTimeout))
        {
            (await process.StandardOutput.ReadLineAsync(started.Token)).Should().Be("started");
        }

        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        process.HasExited.Should().BeFalse("the loop should still be running");

        using (Process kill = Process.Start("kill", ["-INT", $"{process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        await LoglinqProcess.WaitForExitAsync(process, TimeSpan.FromSeconds(30), stdout, stderr);
        process.ExitCode.Should().Be(130);
        (await stdout).Should().BeEmpty();
        (await stderr).Should().Be("interrupted\n");
    }
}
