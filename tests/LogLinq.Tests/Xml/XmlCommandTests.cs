using System.Xml.Linq;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Xml;

/// <summary>
/// XML through the built <c>loglinq</c>, run as a process: the example query's CSV against System.Xml.Linq,
/// malformed XML as a runtime error (exit 1, one line, the rows before it printed), and
/// <c>gen --buses</c>, which made data/buses.xml.
/// </summary>
public sealed class XmlCommandTests
{
    private const string Example =
        "from \"data/buses.xml\" as xml(bus) | where route == \"22\" and direction == \"North Bound\" | select id, latitude, longitude";

    private static string[] CsvLines(string stdout) => stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task The_example_query_prints_the_buses_that_System_Xml_Linq_finds()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", Example, "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().BeEmpty();
        IEnumerable<string> expected = BusesOracle.Buses
            .Where(b => b.Element("route")!.Value == "22" && b.Element("direction")!.Value == "North Bound")
            .Select(b => $"{b.Element("id")!.Value},{b.Element("latitude")!.Value},{b.Element("longitude")!.Value}");
        CsvLines(run.Stdout).Should().Equal(expected.Prepend("id,latitude,longitude"));
    }

    [Fact]
    public async Task Json_lines_and_a_count_work_for_xml_rows_too()
    {
        LoglinqProcess.Result json = await LoglinqProcess.RunAsync(["query", "from \"data/buses.xml\" as xml(bus) | where id == 1000 | select id, latitude + 0 as lat, run", "--format", "json"]);
        LoglinqProcess.Result count = await LoglinqProcess.RunAsync(["query", "from \"data/buses.xml\" as xml(bus) | where latitude > 41.9 | count"]);

        XElement first = BusesOracle.Buses[0];
        json.ExitCode.Should().Be(0, json.ToString());
        json.Stdout.Should().Be($"{{\"id\":\"1000\",\"lat\":{first.Element("latitude")!.Value.TrimEnd('0')},\"run\":\"{first.Element("run")!.Value}\"}}\n");
        CsvLines(count.Stdout).Should().Equal("count", $"{BusesOracle.Buses.Count(b => BusesOracle.Number(b, "latitude") > 41.9)}");
    }

    [Fact]
    public async Task Malformed_xml_is_a_runtime_error_after_the_rows_before_it()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bad.xml",
            "<buses>\n" +
            "<bus><id>1</id></bus>\n" +
            "<bus><id>2</id></bus>\n" +
            "<bus><id>3</id></bus\n" + // not closed: the '<' that starts line 5 comes where '>' should be
            "<bus><id>4</id></bus>\n" +
            "</buses>\n");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{path}\" as xml(bus) | select id", "--format", "csv"]);

        run.ExitCode.Should().Be(1, run.ToString());
        CsvLines(run.Stdout).Should().Equal("id", "1", "2");
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith($"loglinq: {path}:5:1: malformed XML: ");
        run.Stderr.Should().NotContain("Exception").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_saved_xml_query_runs_beside_a_log_query()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["run", "queries/buses-route-22.lq", "queries/total-bytes.lq", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().StartWith("==> queries/buses-route-22.lq <==\nid,latitude,longitude\r\n").And.Contain("==> queries/total-bytes.lq <==\nbytes\r\n");
    }

    [Fact]
    public async Task An_xml_source_cannot_be_followed()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", Example, "--follow"]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.StderrLines[0].Should().Be("loglinq: --follow: 1:1: an XML source cannot be followed: its files are read once, to their end");
    }

    [Fact]
    public async Task Gen_buses_made_the_sample_and_makes_the_same_bytes_every_time()
    {
        using var temp = new TempDirectory();

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["gen", "--buses", "400", temp.File("buses.xml")]);
        LoglinqProcess.Result none = await LoglinqProcess.RunAsync(["gen", "--buses", "0", temp.File("none.xml")]);

        run.ExitCode.Should().Be(0, run.ToString());
        File.ReadAllBytes(temp.File("buses.xml")).Should().Equal(File.ReadAllBytes(BusesOracle.FullPath));
        XDocument.Load(temp.File("none.xml")).Root!.Name.LocalName.Should().Be("buses");
        XDocument.Load(temp.File("none.xml")).Root!.Elements().Should().BeEmpty();
        none.ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData("--repeat and --buses", "gen", "--buses", "2", "--repeat", "2", "out.xml")]
    [InlineData("--source goes with --repeat", "gen", "--buses", "2", "--source", "data/access-log", "out.xml")]
    [InlineData("--buses cannot be negative", "gen", "--buses", "-1", "out.xml")]
    [InlineData("'many'", "gen", "--buses", "many", "out.xml")]
    public async Task Gen_buses_refuses_a_bad_command_line(string mentioned, params string[] args)
    {
        using var temp = new TempDirectory();

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(args, workingDirectory: temp.Path);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain(mentioned);
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }
}
