using System.Text.Json;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Language;

/// <summary><c>loglinq query</c> and <c>loglinq run</c> as processes: formats, options, errors and exit codes.</summary>
public sealed class QueryCommandTests
{
    private const string Sample = "from \"data/access-log\"";

    private static Task<LoglinqProcess.Result> Loglinq(params string[] args) => LoglinqProcess.RunAsync(args);

    [Fact]
    [Trait("Requires", "real-sources")] // ** globbing and gzip/bzip2 decompression
    public async Task Without_from_the_query_reads_every_copy_under_data()
    {
        LoglinqProcess.Result run = await Loglinq("query", "summarize count() as n, sum(bytes) as b, dcount(host) as h", "--format", "csv");
        run.ExitCode.Should().Be(0, run.ToString());
        int copies = SampleLogFacts.CopiesUnderData;
        run.Stdout.Should().Be($"n,b,h\r\n{copies * SampleLogFacts.Records},{copies * SampleLogFacts.TotalBytes},{SampleLogFacts.UniqueHosts}\r\n");
    }

    [Fact]
    public async Task Piped_output_is_csv_by_default_and_a_scalar_is_one_column_one_row()
    {
        LoglinqProcess.Result run = await Loglinq("query", $"{Sample} | where status == 404 | count");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("count\r\n2053\r\n");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Csv_quotes_what_needs_quoting()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("q.log", "1.1.1.1 - - [24/Feb/2008:00:08:59 -0600] \"GET /a,b HTTP/1.1\" 200 1 \"say \\\"hi\\\"\" \"x\"");
        LoglinqProcess.Result run = await Loglinq("query", $"from \"{log}\" | select path, referrer, bytes / 4 as quarter", "--format", "csv");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("path,referrer,quarter\r\n\"/a,b\",\"say \\\"\"hi\\\"\"\",0.25\r\n");
    }

    [Fact]
    public async Task Tsv_has_a_header_and_tabs()
    {
        LoglinqProcess.Result run = await Loglinq("query", $"{Sample} | top 2 by bytes | select path, bytes, time", "--format", "tsv");
        run.ExitCode.Should().Be(0, run.ToString());
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("path\tbytes\ttime");
        lines[1].Should().StartWith($"{SampleLogFacts.LargestPath}\t{SampleLogFacts.LargestBytes}\t2008-02-");
        lines.Should().HaveCount(3);
    }

    [Fact]
    public async Task Json_is_one_object_per_line_with_typed_values()
    {
        LoglinqProcess.Result run = await Loglinq("query", $"{Sample} | take 2", "--format", "json");
        run.ExitCode.Should().Be(0, run.ToString());
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        JsonElement row = first.RootElement;
        row.GetProperty("host").GetString().Should().Be("140.180.132.213");
        row.GetProperty("time").GetString().Should().Be("2008-02-24T00:08:59-06:00");
        row.GetProperty("status").GetInt32().Should().Be(200);
        row.GetProperty("bytes").GetInt64().Should().Be(97238);
        row.GetProperty("referrer").ValueKind.Should().Be(JsonValueKind.Null);
        row.GetProperty("line").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Table_output_when_piped_is_aligned_text_with_numbers_to_the_right()
    {
        LoglinqProcess.Result run = await Loglinq("run", "queries/top-hosts-by-bytes.lq", "--format", "table");
        run.ExitCode.Should().Be(0, run.ToString());
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("host                bytes  requests");
        lines[1].Should().Be("67.186.98.20     11001415        41");
        lines[4].Should().Be("38.98.120.84      7340440       559");
        lines.Select(l => l.Length).Distinct().Should().ContainSingle("every line ends at the right edge of the last (numeric) column");
        run.Stdout.Should().NotContain("\u001b").And.NotContainAny("│", "─", "╭");

        LoglinqProcess.Result scalar = await Loglinq("query", $"{Sample} | count", "--format", "table");
        scalar.Stdout.Should().Be($"{SampleLogFacts.Records}\n");
    }

    [Fact]
    public async Task Explain_shows_the_pushdown_and_reads_nothing()
    {
        LoglinqProcess.Result run = await Loglinq("query", $"{Sample} | where status == 404 | distinct path", "--explain");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("linq:       logs.Where(r => (r.Status == 404)).Select(r => r.Path).Distinct()")
            .And.Contain("pushdown:   status == 404")
            .And.Contain("prefilter:  NCSA lines without \"404 \" are skipped")
            .And.Contain("fields:     path, status")
            .And.Contain("aggregate:  distinct(r => r.Path)");
    }

    [Fact]
    public async Task Set_binds_parameters_and_the_run_command_finds_saved_queries_by_name()
    {
        LoglinqProcess.Result run = await Loglinq("run", "downloads", "--set", "file=/ply/ply-2.3.tar.gz", "--format", "csv");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("count\r\n115\r\n");

        LoglinqProcess.Result typed = await Loglinq("query", $"{Sample} | where status == $code and bytes > $size | count", "--set", "code=200", "--set", "size=1MB");
        // awk '$9==200 && $NF>1048576' data/access-log | wc -l
        typed.Stdout.Should().Be("count\r\n22\r\n", typed.ToString());
    }

    [Fact]
    public async Task From_reads_other_files_than_the_query_names()
    {
        LoglinqProcess.Result run = await Loglinq("run", "queries/total-bytes.lq", "--from", "data/access-log", "--from", "data/www/foo/access-log");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be($"bytes\r\n{2 * SampleLogFacts.TotalBytes}\r\n");
    }

    [Fact]
    public async Task A_syntax_error_exits_2_with_the_position_the_line_a_caret_and_what_was_expected()
    {
        LoglinqProcess.Result run = await Loglinq("query", "from \"data/access-log\"\n| where status ==\n| count");
        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal(
            "loglinq: 3:1: syntax error: expected a value: a field, a number, a string, a function call, a $parameter or '(', found '|'",
            "  | count",
            "  ^");
    }

    [Fact]
    public async Task A_syntax_error_in_a_saved_query_names_the_file()
    {
        using var temp = new TempDirectory();
        string file = temp.WriteLines("bad.lq", "# a typo", "from \"data/access-log\"", "| summarise count()");
        LoglinqProcess.Result run = await Loglinq("run", file);
        run.ExitCode.Should().Be(2);
        run.StderrLines[0].Should().Be($"loglinq: {file}:3:3: syntax error: expected a stage: where, select, distinct, count, summarize, sort, top or take, found 'summarise'; did you mean 'summarize'?");
        run.StderrLines[1].Should().Be("  | summarise count()");
        run.StderrLines[2].Should().Be("    ^");
    }

    [Theory]
    [InlineData("where stauts == 404", "unknown field 'stauts'; did you mean 'status'?")]
    [InlineData("where status contains \"x\"", "contains needs text on its left, but status is an integer")]
    [InlineData("where bytes > \"big\"", "cannot compare bytes (an integer) with \"big\" (text)")]
    [InlineData("where path == $file", "no value given for parameter $file")]
    public async Task Name_and_type_errors_exit_2_before_any_file_is_looked_for(string stage, string message)
    {
        // The files do not exist: had anything been read, the error would be "no files match".
        LoglinqProcess.Result run = await Loglinq("query", $"from \"no/such/logs*\" | {stage}");
        run.ExitCode.Should().Be(2, run.ToString());
        run.StderrLines[0].Should().EndWith(message);
        run.Stderr.Should().NotContain("Exception").And.NotContain("   at ");
    }

    [Fact]
    public async Task Files_that_do_not_exist_fail_with_exit_1()
    {
        LoglinqProcess.Result run = await Loglinq("query", "from \"no/such/logs*\" | count");
        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Be("loglinq: no files match 'no/such/logs*'\n");
        run.Stdout.Should().BeEmpty();

        LoglinqProcess.Result missing = await Loglinq("run", "queries/nothing-here.lq");
        missing.ExitCode.Should().Be(1);
        missing.Stderr.Should().Be("loglinq: queries/nothing-here.lq: no such query file\n");
    }

    [Theory]
    [InlineData("--set", "file", "--set takes name=value")]
    [InlineData("--set", "=x", "--set takes name=value")]
    [InlineData("--format", "xml", "Unknown output format 'xml'")]
    public async Task Bad_options_exit_2(string option, string value, string message)
    {
        LoglinqProcess.Result run = await Loglinq("query", $"{Sample} | count", option, value);
        run.ExitCode.Should().Be(2);
        run.StderrLines[0].Should().Contain(message);
        run.StderrLines[^1].Should().Be("Try 'loglinq query --help' for more information.");
    }

    [Fact]
    public async Task A_value_for_a_parameter_the_query_lacks_exits_2()
    {
        LoglinqProcess.Result run = await Loglinq("run", "queries/total-bytes.lq", "--set", "file=x");
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("loglinq: queries/total-bytes.lq: a value was given for 'file', but the query has no parameter $file\n");
    }

    [Fact]
    public async Task Malformed_lines_are_skipped_and_noted_or_stop_the_run_under_strict()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("mixed.log", "1.1.1.1 - - [24/Feb/2008:00:08:59 -0600] \"GET / HTTP/1.1\" 200 1", "garbage");
        LoglinqProcess.Result run = await Loglinq("query", $"from \"{log}\" | count");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("count\r\n1\r\n");
        run.StderrLines[0].Should().Contain("skipped 1 malformed line");

        LoglinqProcess.Result strict = await Loglinq("query", $"from \"{log}\" | count", "--strict");
        strict.ExitCode.Should().Be(1);
        strict.StderrLines.Should().ContainSingle().Which.Should().StartWith($"loglinq: {log}:2: ");
    }

    [Fact]
    public async Task Help_lists_the_commands_and_options()
    {
        LoglinqProcess.Result run = await Loglinq("--help");
        run.Stdout.Should().Contain("query").And.Contain("run");
        LoglinqProcess.Result query = await Loglinq("query", "--help");
        query.Stdout.Should().Contain("--set").And.Contain("--format").And.Contain("--explain").And.Contain("--strict").And.Contain("--from");
    }
}
