using System.Text;
using System.Text.Json;
using LogLinq.Tests.Repl;

namespace LogLinq.Tests.Cli;

/// <summary>
/// Control characters in log data (a JSON log decodes <c>\u001b</c> into a real escape) never reach a
/// terminal as themselves: tables, the report and the malformed-line samples on stderr show them as
/// visible escapes (<c>\e</c>, <c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\xHH</c>, <c>\uHHHH</c>), so an
/// attacker's user agent can neither set the window's title nor the colours nor split a row. CSV,
/// TSV and JSON written to a file or a pipe, for programs, keep the exact text (CSV and TSV asked for
/// on a terminal are escaped as tables are). Checked on the bytes loglinq writes.
/// </summary>
public sealed class ControlCharacterOutputTests
{
    /// <summary>A user agent with an OSC title sequence, a bell, a colour, CR LF, a C1 CSI, DEL and a tab.</summary>
    private const string RawAgent = "evil\u001b]0;pwned\u0007\u001b[31mRED\r\nnext\u009b\u007f\t|";

    /// <summary>The same agent as a table shows it, written out by hand from the convention.</summary>
    private const string VisibleAgent = @"evil\e]0;pwned\x07\e[31mRED\r\nnext\u009b\x7f\t|";

    /// <summary>One nginx JSON line whose agent is <see cref="RawAgent"/>, in JSON's own escapes.</summary>
    private const string JsonLine =
        """{"time":"2023-10-10T13:55:00Z","status":200,"request":"GET /x HTTP/1.1","http_user_agent":"evil\u001b]0;pwned\u0007\u001b[31mRED\r\nnext\u009b\u007f\t|","remote_addr":"1.2.3.4"}""";

    private const string Select = "from \"esc.json\" | select agent, host";

    private static TempDirectory WithLog()
    {
        var temp = new TempDirectory();
        temp.WriteLines("esc.json", JsonLine);
        return temp;
    }

    /// <summary>The control characters (C0 but <paramref name="allowed"/>, DEL, C1) in UTF-8 <paramref name="bytes"/>, as code points.</summary>
    private static List<int> ControlCharacters(byte[] bytes, string allowed = "\n") =>
        [.. Encoding.UTF8.GetString(bytes).Where(c => char.IsControl(c) && !allowed.Contains(c, StringComparison.Ordinal)).Select(c => (int)c)];

    /// <summary>What the agent's own sequences would put on a terminal, none of which loglinq writes itself.</summary>
    private static void ShouldCarryNoneOfTheAgentsSequences(string screen)
    {
        screen.Should().NotContain("\u001b]", "an OSC sequence sets the window's title");
        screen.Should().NotContain("\u0007");
        screen.Should().NotContain("\u001b[31m");
        screen.Should().NotContain("\u009b");
        screen.Should().NotContain("\u007f");
    }

    [Fact]
    public async Task The_aligned_table_piped_shows_them_escaped_on_one_line()
    {
        using TempDirectory temp = WithLog();

        (int exit, byte[] stdout, byte[] stderr) = await TerminalBytes.PipedAsync(["query", "--format", "table", Select], temp.Path);

        exit.Should().Be(0, Encoding.UTF8.GetString(stderr));
        ControlCharacters(stdout).Should().BeEmpty();
        Encoding.UTF8.GetString(stdout).Should().Be($"{"agent".PadRight(VisibleAgent.Length)}  host\n{VisibleAgent}  1.2.3.4\n");
    }

    [Fact]
    public async Task Bidirectional_controls_are_shown_escaped_too()
    {
        // U+202E turns what follows round on the screen: "/gpj.exe" would show as "/exe.jpg".
        using var temp = new TempDirectory();
        temp.WriteLines("bidi.json", """{"time":"2023-10-10T13:55:00Z","status":200,"request":"GET /\u202egpj.exe HTTP/1.1","remote_addr":"1.2.3.4"}""");

        (int exit, byte[] stdout, byte[] stderr) = await TerminalBytes.PipedAsync(["query", "--format", "table", "from \"bidi.json\" | select path"], temp.Path);

        exit.Should().Be(0, Encoding.UTF8.GetString(stderr));
        Encoding.UTF8.GetString(stdout).Should().Be("path\n" + @"/\u202egpj.exe" + "\n");
    }

    [PseudoTerminalFact]
    public async Task The_table_drawn_on_a_terminal_shows_them_escaped_on_one_line()
    {
        using TempDirectory temp = WithLog();

        (int exit, byte[] bytes) = await TerminalBytes.OnTerminalAsync(["query", Select], temp.Path);
        string screen = Encoding.UTF8.GetString(bytes);

        exit.Should().Be(0, screen);
        screen.Should().Contain("╭", "on a terminal the table is drawn");
        ShouldCarryNoneOfTheAgentsSequences(screen);
        screen.Split("\r\n").Should().ContainSingle(line => line.Contains(VisibleAgent, StringComparison.Ordinal) && line.Contains("1.2.3.4", StringComparison.Ordinal));
    }

    [PseudoTerminalFact]
    public async Task Csv_and_tsv_asked_for_on_a_terminal_show_them_escaped()
    {
        using TempDirectory temp = WithLog();

        foreach (string format in new[] { "csv", "tsv" })
        {
            (int exit, byte[] bytes) = await TerminalBytes.OnTerminalAsync(["query", "--format", format, Select], temp.Path);
            string screen = Encoding.UTF8.GetString(bytes);

            exit.Should().Be(0, screen);
            ShouldCarryNoneOfTheAgentsSequences(screen);
            string separator = format == "csv" ? "," : "\t";
            // CSV ends its records with CRLF, which the terminal's line discipline makes CR CR LF.
            screen.Split("\r\n").Select(line => line.TrimEnd('\r')).Should().Contain(VisibleAgent + separator + "1.2.3.4", $"{format} on a terminal is read by a person");
        }
    }

    [Fact]
    public async Task Csv_tsv_and_json_keep_the_exact_text()
    {
        using TempDirectory temp = WithLog();

        (int csvExit, byte[] csv, _) = await TerminalBytes.PipedAsync(["query", "--format", "csv", Select], temp.Path);
        (int tsvExit, byte[] tsv, _) = await TerminalBytes.PipedAsync(["query", "--format", "tsv", Select], temp.Path);
        (int jsonExit, byte[] json, _) = await TerminalBytes.PipedAsync(["query", "--format", "json", Select], temp.Path);

        new[] { csvExit, tsvExit, jsonExit }.Should().AllBeEquivalentTo(0);

        // CSV quotes a field with a line break in it (RFC 4180); TSV writes \r \n \t \\ as escapes of its own.
        Encoding.UTF8.GetString(csv).Should().Be($"agent,host\r\n\"{RawAgent}\",1.2.3.4\r\n");
        Encoding.UTF8.GetString(tsv).Should().Be("agent\thost\n" + RawAgent.Replace("\r", @"\r").Replace("\n", @"\n").Replace("\t", @"\t") + "\t1.2.3.4\n");
        using JsonDocument row = JsonDocument.Parse(json);
        row.RootElement.GetProperty("agent").GetString().Should().Be(RawAgent);
    }

    [Fact]
    public async Task Malformed_line_samples_on_stderr_show_them_escaped()
    {
        using var temp = new TempDirectory();

        // A JSON status of an escape sequence, quoted by the reason; and a file whose very name has one.
        temp.WriteLines("bad.json", """{"time":"2023-10-10T13:55:00Z","status":"\u001b[31m","request":"GET /x HTTP/1.1"}""");
        temp.WriteLines("evil\u001b[2J.log", "\u001b]0;pwned\u0007 not a log line\r");

        (int exit, byte[] stdout, byte[] stderr) = await TerminalBytes.PipedAsync(["query", "--format", "csv", "from \"*\" | count"], temp.Path);

        exit.Should().Be(0, Encoding.UTF8.GetString(stderr));
        ControlCharacters(stderr).Should().BeEmpty();
        string[] lines = Encoding.UTF8.GetString(stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(@"bad.json:1: status: expected a numeric status, found '\e[31m'");
        lines.Should().Contain(line => line.StartsWith(@"evil\e[2J.log:1: ", StringComparison.Ordinal));
        lines.Should().Contain(line => line.StartsWith("loglinq: no line was a record: ", StringComparison.Ordinal) && line.Contains(@"evil\e[2J.log was read as common", StringComparison.Ordinal));
        lines.Should().HaveCount(4, "the notice, one line per sample and the one that no line was a record: no line was split");
        Encoding.UTF8.GetString(stdout).Should().Be("count\r\n0\r\n");
    }

    [Fact]
    public async Task Strict_mode_names_the_line_with_them_escaped()
    {
        using var temp = new TempDirectory();
        temp.WriteLines("bad.json", """{"time":"2023-10-10T13:55:00Z","status":"\u001b[31m","request":"GET /x HTTP/1.1"}""");

        (int exit, byte[] stdout, byte[] stderr) = await TerminalBytes.PipedAsync(["query", "--strict", "from \"bad.json\" | count"], temp.Path);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        Encoding.UTF8.GetString(stderr).Should().Be("loglinq: bad.json:1: status: expected a numeric status, found '\\e[31m'\n");
    }

    /// <summary>Paths and a host with escape sequences, where the report lists them: a download, a 404 and a robot.</summary>
    private static TempDirectory WithReportLog()
    {
        var temp = new TempDirectory();
        temp.Write("access.log", Encoding.UTF8.GetBytes(
            "192.0.2.1 - - [10/Oct/2023:13:55:00 +0000] \"GET /a\u001b]0;t\u0007 HTTP/1.1\" 200 10\n"
            + "192.0.2.1 - - [10/Oct/2023:13:55:00 +0000] \"GET /b\u001b[31m HTTP/1.1\" 404 10\n"
            + "h\u001b[2J - - [10/Oct/2023:13:55:00 +0000] \"GET /robots.txt HTTP/1.1\" 200 5\n"));
        return temp;
    }

    [Fact]
    public async Task The_report_as_text_shows_them_escaped_and_as_json_keeps_them()
    {
        using TempDirectory temp = WithReportLog();

        (int exit, byte[] text, byte[] stderr) = await TerminalBytes.PipedAsync(["report", "access.log"], temp.Path);
        (int jsonExit, byte[] json, _) = await TerminalBytes.PipedAsync(["report", "--format", "json", "access.log"], temp.Path);

        exit.Should().Be(0, Encoding.UTF8.GetString(stderr));
        ControlCharacters(text).Should().BeEmpty();
        string[] lines = Encoding.UTF8.GetString(text).Split('\n');
        lines.Should().Contain(line => line.StartsWith("Largest document ", StringComparison.Ordinal) && line.EndsWith(@" /a\e]0;t\x07 (10 bytes)", StringComparison.Ordinal));
        lines.Should().Contain(line => line.EndsWith(@"  /a\e]0;t\x07", StringComparison.Ordinal), "the most downloaded files");
        lines.Should().Contain(@"  /b\e[31m");
        lines.Should().Contain(@"  h\e[2J");

        jsonExit.Should().Be(0);
        ReportJson report = ReportJson.Parse(Encoding.UTF8.GetString(json));
        report.BrokenDocuments.Should().Equal("/b\u001b[31m");
        report.RobotsHosts.Should().Equal("h\u001b[2J");
        report.LargestPath.Should().Be("/a\u001b]0;t\u0007");
    }

    [PseudoTerminalFact]
    public async Task The_report_drawn_on_a_terminal_shows_them_escaped()
    {
        using TempDirectory temp = WithReportLog();

        (int exit, byte[] bytes) = await TerminalBytes.OnTerminalAsync(["report", "access.log"], temp.Path);
        string screen = Encoding.UTF8.GetString(bytes);

        exit.Should().Be(0, screen);
        screen.Should().Contain("╭", "on a terminal the report is drawn");
        screen.Should().NotContain("\u001b[2J", "it would clear the screen");
        ShouldCarryNoneOfTheAgentsSequences(screen);
        screen.Should().Contain(@"/a\e]0;t\x07").And.Contain(@"/b\e[31m").And.Contain(@"h\e[2J");
    }

    [Fact]
    public async Task The_repls_table_shows_them_escaped()
    {
        using TempDirectory temp = WithLog();
        string log = Path.Combine(temp.Path, "esc.json");

        LoglinqProcess.Result result = await ReplProcess.ReplAsync($"#q from \"{log}\" | select agent, host\n");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Where(c => char.IsControl(c) && c != '\n').Should().BeEmpty();
        result.Stdout.Should().Contain(VisibleAgent);
    }
}
