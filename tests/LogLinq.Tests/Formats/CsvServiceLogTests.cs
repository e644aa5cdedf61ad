using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// CSV logs as services export them, read from files: Google Cloud Storage's usage logs (the header
/// of its documentation, "Usage logs &amp; storage logs", every value quoted, times in epoch
/// microseconds), Cloudflare's Logpush with CSV output (its field names, times in Unix nanoseconds) and
/// a spreadsheet's export. Each record's fields are read off the rows by hand.
/// </summary>
public sealed class CsvServiceLogTests : IDisposable
{
    private const string GcsHeader =
        "\"time_micros\",\"c_ip\",\"c_ip_type\",\"c_ip_region\",\"cs_method\",\"cs_uri\",\"sc_status\",\"cs_bytes\",\"sc_bytes\",\"time_taken_micros\",\"cs_host\",\"cs_referer\",\"cs_user_agent\",\"s_request_id\",\"cs_operation\",\"cs_bucket\",\"cs_object\"";

    private static readonly string[] GcsRows =
    [
        "\"1704164645123456\",\"192.0.2.10\",\"1\",\"\",\"GET\",\"/download/storage/v1/b/example-bucket/o/photos%2Fcat.jpg?generation=1704000000000000&alt=media\",\"200\",\"0\",\"48213\",\"28000\",\"storage.googleapis.com\",\"\",\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36,gzip(gfe)\",\"ADPycdsX1qAWL3nJ9tLkQz\",\"GET_Object\",\"example-bucket\",\"photos/cat.jpg\"",
        "\"1704164646000000\",\"2001:db8::7\",\"2\",\"\",\"POST\",\"/upload/storage/v1/b/example-bucket/o?uploadType=multipart&name=logs%2Fa.txt\",\"200\",\"1536\",\"812\",\"105000\",\"storage.googleapis.com\",\"\",\"gcloud/457.0.0 command/gcloud.storage.cp,gzip(gfe)\",\"ADPycdvHl0Y5b4a2r8fVqW\",\"objects.insert\",\"example-bucket\",\"logs/a.txt\"",
        "\"1704164647500000\",\"198.51.100.23\",\"1\",\"\",\"GET\",\"/missing.png\",\"404\",\"0\",\"263\",\"4012\",\"example-bucket.storage.googleapis.com\",\"https://www.example.com/gallery.html\",\"curl/8.5.0\",\"ADPycdtA8pLm2Qk7ZcXyRt\",\"GET_Object\",\"example-bucket\",\"missing.png\"",
        "\"1704164648000001\",\"192.0.2.10\",\"1\",\"\",\"HEAD\",\"/example-bucket/photos/cat.jpg\",\"304\",\"0\",\"0\",\"1\",\"storage.googleapis.com\",\"\",\"Wget/1.21.4\",\"ADPycdu7fK2Jp9nQ0sLbXe\",\"GET_Object\",\"example-bucket\",\"photos/cat.jpg\"",
    ];

    private const string CloudflareHeader =
        "ClientIP,ClientRequestHost,ClientRequestMethod,ClientRequestProtocol,ClientRequestURI,ClientRequestUserAgent,EdgeEndTimestamp,EdgeResponseBytes,EdgeResponseStatus,EdgeStartTimestamp,RayID";

    private static readonly string[] CloudflareRows =
    [
        "203.0.113.5,www.example.com,GET,HTTP/2,/,\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\",1704164645250000000,1834,200,1704164645100000000,8a1b2c3d4e5f6789",
        "2001:db8:cafe::17,api.example.com,POST,HTTP/1.1,/v1/orders?id=7,python-requests/2.31.0,1704164650000000000,0,502,1704164645000000000,8a1b2c3d4e5f678a",
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_a_cloud_storage_usage_log()
    {
        string path = _dir.WriteLines("usage.csv", [GcsHeader, .. GcsRows]);
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Csv, report)];

        report.Malformed.Should().Be(0);
        records.Select(r => (r.Host, r.Time, r.Method, r.Path, r.Status, r.Bytes, r.Duration, r.VirtualHost, r.LineNumber)).Should().Equal(
            ("192.0.2.10", Utc(2024, 1, 2, 3, 4, 5).AddTicks(1_234_560), "GET", "/download/storage/v1/b/example-bucket/o/photos%2Fcat.jpg?generation=1704000000000000&alt=media", 200, 48213L, (TimeSpan?)TimeSpan.FromMilliseconds(28), "storage.googleapis.com", 2L),
            ("2001:db8::7", Utc(2024, 1, 2, 3, 4, 6), "POST", "/upload/storage/v1/b/example-bucket/o?uploadType=multipart&name=logs%2Fa.txt", 200, 812L, TimeSpan.FromMilliseconds(105), "storage.googleapis.com", 3L),
            ("198.51.100.23", Utc(2024, 1, 2, 3, 4, 7).AddMilliseconds(500), "GET", "/missing.png", 404, 263L, TimeSpan.FromTicks(40_120), "example-bucket.storage.googleapis.com", 4L),
            ("192.0.2.10", Utc(2024, 1, 2, 3, 4, 8).AddTicks(10), "HEAD", "/example-bucket/photos/cat.jpg", 304, 0L, TimeSpan.FromTicks(10), "storage.googleapis.com", 5L));
        records.Select(r => r.Referrer).Should().Equal(null, null, "https://www.example.com/gallery.html", null);
        records[1].UserAgent.Should().Be("gcloud/457.0.0 command/gcloud.storage.cp,gzip(gfe)");
    }

    [Fact]
    public void Reads_cloudflare_s_logpush_in_csv_with_the_duration_from_start_to_end()
    {
        string path = _dir.WriteLines("cloudflare.csv", [CloudflareHeader, .. CloudflareRows]);
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Auto, report)];

        report.Malformed.Should().Be(0);
        records.Select(r => (r.Host, r.Time, r.Method, r.Path, r.Protocol, r.Status, r.Bytes, r.Duration, r.VirtualHost)).Should().Equal(
            ("203.0.113.5", Utc(2024, 1, 2, 3, 4, 5).AddMilliseconds(100), "GET", "/", "HTTP/2", 200, 1834L, (TimeSpan?)TimeSpan.FromMilliseconds(150), "www.example.com"),
            ("2001:db8:cafe::17", Utc(2024, 1, 2, 3, 4, 5), "POST", "/v1/orders?id=7", "HTTP/1.1", 502, 0L, TimeSpan.FromSeconds(5), "api.example.com"));
        records[0].UserAgent.Should().Be("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");
    }

    [Fact]
    public void Reads_a_spreadsheet_export_with_crlf_line_ends()
    {
        string path = _dir.Write(
            "export.csv",
            "time,host,method,path,status,bytes\r\n"
            + "2024-01-02T03:04:05+01:00,192.0.2.1,GET,/index.html,200,1024\r\n"
            + "2024-01-02T03:04:06+01:00,192.0.2.2,GET,/nope,404,\r\n");

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Auto)];

        records.Select(r => (r.Host, r.Time, r.Path, r.Status, r.Bytes)).Should().Equal(
            ("192.0.2.1", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)), "/index.html", 200, 1024L),
            ("192.0.2.2", new DateTimeOffset(2024, 1, 2, 3, 4, 6, TimeSpan.FromHours(1)), "/nope", 404, 0L));
    }

    [Fact]
    public void Reads_a_bigquery_export_with_its_utc_timestamps()
    {
        // bq extract --destination_format CSV of a table of requests: TIMESTAMP as "... UTC", INT64 bare.
        string path = _dir.WriteLines(
            "requests-000000000000.csv",
            "timestamp,remote_ip,method,path,status,response_size,user_agent",
            "2024-01-02 03:04:05.123456 UTC,192.0.2.1,GET,/,200,612,curl/8.5.0",
            "2024-01-02 03:04:06 UTC,192.0.2.2,GET,/favicon.ico,404,153,\"Mozilla/5.0 (X11, Linux)\"");

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Auto)];

        records.Select(r => (r.Host, r.Time, r.Path, r.Status, r.Bytes, r.UserAgent)).Should().Equal(
            ("192.0.2.1", Utc(2024, 1, 2, 3, 4, 5).AddTicks(1_234_560), "/", 200, 612L, "curl/8.5.0"),
            ("192.0.2.2", Utc(2024, 1, 2, 3, 4, 6), "/favicon.ico", 404, 153L, "Mozilla/5.0 (X11, Linux)"));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
