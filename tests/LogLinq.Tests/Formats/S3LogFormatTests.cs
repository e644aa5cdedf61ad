using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class S3LogFormatTests
{
    // The examples of Amazon S3's documentation ("Amazon S3 server access log format").
    private const string Versioning =
        """79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be 3E57427F3EXAMPLE REST.GET.VERSIONING - "GET /awsexamplebucket1?versioning HTTP/1.1" 200 - 113 - 7 - "-" "S3Console/0.4" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader awsexamplebucket1.s3.us-west-1.amazonaws.com TLSV1.2 - -""";

    private const string MissingObject =
        """79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 [06/Feb/2019:00:00:39 +0100] 198.51.100.7 arn:aws:iam::123456789012:user/alice 891CE47D2EXAMPLE REST.GET.OBJECT photos/2019/08/puppy.jpg "GET /awsexamplebucket1/photos/2019/08/puppy.jpg?x-foo=bar HTTP/1.1" 404 NoSuchKey 243 - 11 - "https://example.com/" "Mozilla/5.0 (Windows NT 10.0)" - Vbz9Ui6Jzm+kfHDw8YoVxZbn= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader awsexamplebucket1.s3.us-west-1.amazonaws.com TLSV1.2 - -""";

    [Fact]
    public void Reads_the_documented_lines()
    {
        LogRecord record = ParseOne(Versioning);
        record.Host.Should().Be("192.0.2.3");
        record.Time.Should().Be(new DateTimeOffset(2019, 2, 6, 0, 0, 38, TimeSpan.Zero));
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/awsexamplebucket1?versioning");
        record.Protocol.Should().Be("HTTP/1.1");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(113);
        record.UserAgent.Should().Be("S3Console/0.4");
        record.VirtualHost.Should().Be("awsexamplebucket1.s3.us-west-1.amazonaws.com");

        LogRecord missing = ParseOne(MissingObject);
        missing.Time.Should().Be(new DateTimeOffset(2019, 2, 6, 0, 0, 39, TimeSpan.FromHours(1)));
        missing.User.Should().Be("arn:aws:iam::123456789012:user/alice", "the requester");
        missing.Status.Should().Be(404);
        missing.Bytes.Should().Be(243);
        missing.Referrer.Should().Be("https://example.com/");
        missing.UserAgent.Should().Be("Mozilla/5.0 (Windows NT 10.0)");
    }

    [Fact]
    public void A_line_from_before_the_host_header_field_has_the_bucket_for_its_vhost()
    {
        string older = Versioning[..Versioning.IndexOf(" s9lz", StringComparison.Ordinal)];

        LogRecord record = ParseOne(older);

        record.VirtualHost.Should().Be("awsexamplebucket1");
        record.Bytes.Should().Be(113);
    }

    [Theory]
    [InlineData("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be bucket [06/Feb/2019:00:00:38 +0000] 192.0.2.3 - id OP key", "expected at least 17 fields (owner bucket [time] remote_ip requester request_id operation key \"request\" status error bytes_sent size total_time turnaround \"referer\" \"user_agent\"), found 8")]
    [InlineData("""79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be bucket [06/Feb/2019:00:00] 192.0.2.3 - id OP key "GET / HTTP/1.1" 200 - 113 - 7 - "-" "ua" -""", "expected the time as [06/Feb/2019:00:00:38 +0000], found '[06/Feb/2019:00:00]'")]
    [InlineData("""79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be bucket [06/Feb/2019:00:00:38 +0000] 192.0.2.3 - id OP key "GET / HTTP/1.1" OK - 113 - 7 - "-" "ua" -""", "expected a numeric status, found 'OK'")]
    [InlineData("""79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be bucket [06/Feb/2019:00:00:38 +0000] 192.0.2.3 - id OP key "GET / HTTP/1.1" 200 - lots - 7 - "-" "ua" -""", "expected the bytes sent (or '-'), found 'lots'")]
    public void Unusable_lines_are_malformed_with_a_reason(string line, string reason)
    {
        LineResult result = Parse(line, out LogRecord? record, out string? error);

        result.Should().Be(LineResult.Malformed);
        record.Should().BeNull();
        error.Should().Be(reason);
    }

    [Fact]
    public void Is_detected_from_a_line_and_ncsa_is_not_taken_for_it()
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(Versioning)).Should().BeSameAs(LogFormat.S3);
        AutoLogFormat.Detect("192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 1"u8).Should().BeSameAs(LogFormat.Common);
    }

    private static LogRecord ParseOne(string line)
    {
        LineResult result = Parse(line, out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Record, error);
        return record!;
    }

    private static LineResult Parse(string line, out LogRecord? record, out string? error) =>
        LogFormat.S3.CreateParser().Parse(new LogLine("memory.log", 1, Encoding.UTF8.GetBytes(line)), out record, out error);
}
