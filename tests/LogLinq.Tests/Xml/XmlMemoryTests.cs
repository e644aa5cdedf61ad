using System.Diagnostics;
using System.Globalization;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Xml;

/// <summary>
/// Memory stays flat on a big XML file: the built <c>loglinq</c> summarises a generated file of about
/// 275 MB with its managed heap capped at 32 MB (<c>DOTNET_GCHeapHardLimit</c>), which it could not
/// do if it held the document, or the records, or a group's records; and its peak resident memory
/// (<c>/usr/bin/time -f %M</c>) is that of the same query on a 1 MB file, give or take.
/// </summary>
public sealed class XmlMemoryTests
{
    private const int BigBuses = 1_000_000; // about 275 MB
    private const int SmallBuses = 4_000; // about 1 MB
    private const string HeapLimit = "0x2000000"; // 32 MB

    private const string Summary = "summarize count() as buses, avg(latitude) as latitude by route | sort by route";

    [Fact]
    public async Task A_summary_of_several_hundred_megabytes_of_xml_runs_in_the_memory_of_one_of_a_megabyte()
    {
        File.Exists("/usr/bin/time").Should().BeTrue("the peak memory is measured with GNU time (apt-get install time)");
        using var temp = new TempDirectory();
        string big = await Generate(temp, "big.xml", BigBuses);
        string small = await Generate(temp, "small.xml", SmallBuses);
        new FileInfo(big).Length.Should().BeGreaterThan(250_000_000);

        (long smallPeak, string[] smallRows) = await PeakMemory(temp, small);
        (long bigPeak, string[] bigRows) = await PeakMemory(temp, big);

        // Every bus is counted once, and route 22 as often as grep finds it in the file.
        bigRows[1..].Sum(row => long.Parse(row.Split(',')[1], CultureInfo.InvariantCulture)).Should().Be(BigBuses);
        bigRows.Single(row => row.StartsWith("22,", StringComparison.Ordinal)).Split(',')[1].Should().Be(await Grep("<route>22</route>", big));
        smallRows[1..].Sum(row => long.Parse(row.Split(',')[1], CultureInfo.InvariantCulture)).Should().Be(SmallBuses);

        bigPeak.Should().BeLessThan(smallPeak + (32L << 20), $"peak RSS {bigPeak >> 10} MB on 275 MB of XML against {smallPeak >> 10} MB on 1 MB");
    }

    private static async Task<string> Generate(TempDirectory temp, string name, int buses)
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["gen", "--buses", $"{buses}", temp.File(name)], timeout: TimeSpan.FromMinutes(2));
        run.ExitCode.Should().Be(0, run.ToString());
        return temp.File(name);
    }

    /// <summary>Runs the summary over <paramref name="file"/> under the heap cap; its peak resident memory in KB, and its CSV lines.</summary>
    private static async Task<(long PeakKb, string[] Rows)> PeakMemory(TempDirectory temp, string file)
    {
        string report = temp.File(Path.GetFileName(file) + ".time");
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["-o", report, "-f", "%M", LoglinqProcess.DotnetHost(), LoglinqProcess.DllPath,
            "query", $"from \"{file}\" as xml(bus) | {Summary}", "--format", "csv"])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await LoglinqProcess.WaitForExitAsync(process, TimeSpan.FromMinutes(2), stdout, stderr);

        process.ExitCode.Should().Be(0, $"{await stderr}\n(under a {HeapLimit}-byte heap)");
        (await stderr).Should().BeEmpty();
        string[] rows = (await stdout).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().Be("route,buses,latitude");
        return (long.Parse(File.ReadAllLines(report)[^1], CultureInfo.InvariantCulture), rows);
    }

    /// <summary>How many lines of <paramref name="file"/> contain <paramref name="text"/>, as grep -c counts them.</summary>
    private static async Task<string> Grep(string text, string file)
    {
        var start = new ProcessStartInfo("grep", ["-c", "-F", text, file]) { RedirectStandardOutput = true, UseShellExecute = false };
        using Process grep = Process.Start(start)!;
        string count = await grep.StandardOutput.ReadToEndAsync();
        await grep.WaitForExitAsync();
        return count.Trim();
    }
}
