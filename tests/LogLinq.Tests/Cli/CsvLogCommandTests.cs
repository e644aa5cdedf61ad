using System.IO.Compression;
using System.Text;

namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over CSV logs found by their header: a Cloud Storage usage log as it is
/// delivered, and the same gzipped; a spreadsheet's export named as csv in the query, with a bad row
/// named by file and line; the plan <c>--explain</c> shows. Answers worked out by hand from the rows.
/// </summary>
public sealed class CsvLogCommandTests : IDisposable
{
    // Statuses and sc_bytes: 200 48213, 404 263, 200 812, 304 0, 404 1.
    private const string Usage =
        "\"time_micros\",\"c_ip\",\"c_ip_type\",\"c_ip_region\",\"cs_method\",\"cs_uri\",\"sc_status\",\"cs_bytes\",\"sc_bytes\",\"time_taken_micros\",\"cs_host\",\"cs_referer\",\"cs_user_agent\",\"s_request_id\",\"cs_operation\",\"cs_bucket\",\"cs_object\"\n"
        + "\"1704164645123456\",\"192.0.2.10\",\"1\",\"\",\"GET\",\"/download/storage/v1/b/example-bucket/o/cat.jpg?alt=media\",\"200\",\"0\",\"48213\",\"28000\",\"storage.googleapis.com\",\"\",\"curl/8.5.0\",\"ADPycds1\",\"GET_Object\",\"example-bucket\",\"cat.jpg\"\n"
        + "\"1704164646000000\",\"198.51.100.23\",\"1\",\"\",\"GET\",\"/example-bucket/missing.png\",\"404\",\"0\",\"263\",\"4012\",\"storage.googleapis.com\",\"https://www.example.com/\",\"Mozilla/5.0 (X11, Linux)\",\"ADPycds2\",\"GET_Object\",\"example-bucket\",\"missing.png\"\n"
        + "\"1704164647000000\",\"2001:db8::7\",\"2\",\"\",\"POST\",\"/upload/storage/v1/b/example-bucket/o?uploadType=media&name=a.txt\",\"200\",\"1536\",\"812\",\"105000\",\"storage.googleapis.com\",\"\",\"gcloud/457.0.0,gzip(gfe)\",\"ADPycds3\",\"objects.insert\",\"example-bucket\",\"a.txt\"\n"
        + "\"1704164648000000\",\"192.0.2.10\",\"1\",\"\",\"GET\",\"/example-bucket/cat.jpg\",\"304\",\"0\",\"0\",\"900\",\"storage.googleapis.com\",\"\",\"curl/8.5.0\",\"ADPycds4\",\"GET_Object\",\"example-bucket\",\"cat.jpg\"\n"
        + "\"1704164649000000\",\"192.0.2.11\",\"1\",\"\",\"GET\",\"/example-bucket/gone\",\"404\",\"0\",\"1\",\"700\",\"storage.googleapis.com\",\"\",\"curl/8.5.0\",\"ADPycds5\",\"GET_Object\",\"example-bucket\",\"gone\"\n";

    private const string Summary = "summarize count(), sum(bytes) by status | sort by status";

    private const string Answer = "status\tcount\tsum_bytes\n200\t2\t49025\n304\t1\t0\n404\t2\t264\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Finds_a_usage_log_by_its_header_and_sums_it()
    {
        string log = _dir.Write("example-bucket_usage_2024_01_02_03_00_00_00a1b2c3_v0.csv", Usage);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{log}\" | {Summary}", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(Answer, run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Finds_a_gzipped_usage_log_by_its_header_too()
    {
        string log = _dir.Write("usage.csv.gz", Gzip(Usage));

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{log}\" | {Summary}", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(Answer, run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Reads_a_tab_separated_export_named_as_csv_and_names_its_bad_row()
    {
        string log = _dir.WriteLines(
            "export.tsv",
            "host\tpath\tstatus\tbytes\ttime",
            "192.0.2.1\t/a\t200\t10\t2024-01-02T03:04:05Z",
            "192.0.2.2\t/b\t200\t20",
            "192.0.2.3\t/c\t500\t30\t2024-01-02T03:04:07Z");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" as csv | select host, path, status, bytes", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("host\tpath\tstatus\tbytes\n192.0.2.1\t/a\t200\t10\n192.0.2.3\t/c\t500\t30\n");
        run.Stderr.Should().Contain($"{log}:3: expected 5 values, one for each column the header names ('host\\tpath\\tstatus\\tbytes\\ttime'), found 4");
    }

    [Fact]
    public async Task Explain_names_the_format_and_how_ranges_of_a_file_are_read_with_its_header()
    {
        string log = _dir.Write("usage.csv", Usage);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{log}\" as csv | count", "--explain"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("format csv").And.Contain("cut into newline-aligned ranges (each past the head read with the header there, and again if a csv header changed before it)")
            .And.Contain("lines one at a time, by the csv parser");
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
