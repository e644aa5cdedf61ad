using System.Buffers;
namespace LogLinq.Formats;

/// <summary>
/// Parses Amazon S3's server access logs:
/// <c>owner bucket [06/Feb/2019:00:00:38 +0000] remote_ip requester request_id operation key "request" status error_code bytes_sent object_size total_time turnaround "referer" "user_agent" version_id host_id ... host_header ...</c>.
/// The client is the remote IP, the user the requester (an IAM ARN, or '-' when anonymous), the
/// bytes those sent, the vhost the Host header (the bucket's endpoint), or the bucket when the
/// line predates that field, and the duration the Total Time (milliseconds from the request's
/// receipt to the response's last byte sent; '-' is none).
/// </summary>
internal sealed class S3LineParser : TextLineParser
{
    private const int Bucket = 1;
    private const int Time = 2;
    private const int RemoteIp = 3;
    private const int Requester = 4;
    private const int Request = 8;
    private const int Status = 9;
    private const int BytesSent = 11;
    private const int TotalTime = 13;
    private const int Referrer = 15;
    private const int UserAgent = 16;
    private const int HostHeader = 22;
    private const int Fields = HostHeader + 1;

    // The bucket owner's canonical user ID: 64 hex digits.
    private const int OwnerLength = 64;

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    private HttpDate.DayCache _day;

    /// <summary>Whether <paramref name="line"/> starts as an S3 access log line: an owner's canonical ID, a bucket, a bracketed time.</summary>
    public static bool Looks(ReadOnlySpan<byte> line)
    {
        Span<FieldRange> fields = stackalloc FieldRange[Time + 1];
        if (QuotedFields.Split(line, fields) <= Time)
        {
            return false;
        }

        ReadOnlySpan<byte> owner = fields[0].Of(line);
        ReadOnlySpan<byte> time = fields[Time].Of(line);
        return owner.Length == OwnerLength && !owner.ContainsAnyExcept(HexDigits) && time is [(byte)'[', .., (byte)']'];
    }

    protected override LineResult Parse(ReadOnlySpan<byte> bytes, ref FieldText values, ref CommonLogFields found, out string? error)
    {
        error = null;
        Span<FieldRange> fields = stackalloc FieldRange[Fields];
        int count = QuotedFields.Split(bytes, fields);
        if (count <= UserAgent)
        {
            error = $"expected at least {UserAgent + 1} fields (owner bucket [time] remote_ip requester request_id operation key \"request\" status error bytes_sent size total_time turnaround \"referer\" \"user_agent\"), found {count}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> time = QuotedFields.Inside(fields[Time].Of(bytes));
        if (!HttpDate.TryParse(time, ref _day, out long ticks, out short offsetMinutes))
        {
            error = $"expected the time as [06/Feb/2019:00:00:38 +0000], found {ErrorText.Quote(fields[Time].Of(bytes))}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> status = fields[Status].Of(bytes);
        if (!CommonLogParser.TryParseStatus(status, out int code))
        {
            error = $"expected a numeric status, found {ErrorText.Quote(status)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> sent = fields[BytesSent].Of(bytes);
        if (!CommonLogParser.TryParseBytes(sent, out long sentBytes))
        {
            error = $"expected the bytes sent (or '-'), found {ErrorText.Quote(sent)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> total = fields[TotalTime].Of(bytes);
        TimeSpan? duration = null;
        if (total is not [(byte)'-'])
        {
            if (!DurationText.TryParseMilliseconds(total, out long totalTicks))
            {
                error = $"expected the total time in milliseconds (or '-'), found {ErrorText.Quote(total)}";
                return LineResult.Malformed;
            }

            duration = TimeSpan.FromTicks(totalTicks);
        }

        ReadOnlySpan<byte> request = QuotedFields.Inside(fields[Request].Of(bytes));
        RequestLine.Split(request, out FieldRange method, out FieldRange path, out FieldRange protocol);
        ReadOnlySpan<byte> host = count > HostHeader ? fields[HostHeader].Of(bytes) : "-"u8;
        FieldRange dash = values.Append("-"u8);
        found.Set(
            host: values.Append(fields[RemoteIp].Of(bytes)),
            ident: dash,
            user: values.Append(fields[Requester].Of(bytes)),
            time: HttpDate.ToDateTimeOffset(ticks, offsetMinutes),
            method: values.Append(method.Of(request)),
            path: values.Append(path.Of(request)),
            protocol: values.Append(protocol.Of(request)),
            status: code,
            bytes: sentBytes,
            referrer: values.Append(QuotedFields.Inside(fields[Referrer].Of(bytes))),
            userAgent: values.Append(QuotedFields.Inside(fields[UserAgent].Of(bytes))),
            virtualHost: values.Append(host is [(byte)'-'] ? fields[Bucket].Of(bytes) : host),
            duration: duration);
        return LineResult.Record;
    }
}
