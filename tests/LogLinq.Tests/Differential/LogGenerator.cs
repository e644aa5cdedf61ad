using System.Globalization;
using System.Text;

namespace LogLinq.Tests.Differential;

/// <summary>
/// Writes a seeded pseudo-random web-server log: NCSA Common and Combined lines mixed, hosts of every
/// shape (IPv4, IPv6, names), paths with query strings, spaces, escapes and UTF-8, every sort of
/// status, "-" sizes, times in many offsets (some out of order, some with fractions), referrers and
/// user agents with escaped quotes, nginx-style extra fields, CRLF endings, blank lines, and a few
/// malformed lines (garbage, truncated, bad times, bad numbers). The same options give the same
/// bytes, on any machine.
/// </summary>
internal static class LogGenerator
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly TimeSpan[] Offsets =
    [
        TimeSpan.FromHours(-6), TimeSpan.Zero, new TimeSpan(5, 30, 0), TimeSpan.FromHours(-8), TimeSpan.FromHours(1),
        TimeSpan.FromHours(14), TimeSpan.FromHours(-12), new TimeSpan(5, 45, 0), new TimeSpan(-3, -30, 0),
    ];

    private static readonly string[] FixedPaths =
    [
        "/", "/robots.txt", "/favicon.ico", "/index.html", "/ply/ply.html", "/ply/", "/images/Davetubes.jpg",
        "/cgi-bin/test.cgi?x=1&y=2", "/search?q=log+linq&page=2", "/search?q=%22quoted%22", "/%7Edave/",
        "/a%20b.html", "/Downloads/LogLinq-0.1.tar.gz", "/ROBOTS.TXT", "/über/straße.html", "/api/v1/items",
        "/wp-login.php", "/.env", "/static/app.js?v=3", "/static/app.css", "/feed.xml", "/sitemap.xml",
    ];

    // Apache's vhost_combined puts "%v:%p" first: an IPv6 literal or a bare port may come up too.
    private static readonly string[] VirtualHosts =
    [
        "example.com:80", "example.com:80", "www.example.org:443", "shop.example:8080", "[2001:db8::5]:443", "a:1",
    ];

    private static readonly string[] Referrers =
    [
        "-", "-", "-", "http://example.com/", "https://www.google.com/search?q=log+linq&ie=UTF-8",
        "http://www.dabeaz.com/ply/", "http://evil.example/?q=\\\"x\\\"", "https://t.co/abc", "",
    ];

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 5.1)",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/7.58.0", "Wget/1.21.4", "-", "",
        "Mozilla/5.0 (compatible; \\\"QuotedBot\\\"/1.0)",
        "python-requests/2.31.0",
    ];

    private static readonly (string Status, int Weight)[] Statuses =
    [
        ("200", 600), ("304", 100), ("404", 100), ("302", 40), ("301", 30), ("500", 30), ("206", 20),
        ("403", 20), ("401", 10), ("503", 10), ("418", 3), ("101", 2), ("-", 5),
    ];

    /// <summary>The first time written; the times of later lines drift forward from it.</summary>
    public static readonly DateTimeOffset Start = new(2008, 2, 24, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="options"/>' lines to <paramref name="path"/>.</summary>
    public static void Write(string path, LogGeneratorOptions options)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        foreach (byte[] line in Lines(options))
        {
            file.Write(line);
        }
    }

    /// <summary>The lines, each with its terminator (the last one possibly without).</summary>
    public static IEnumerable<byte[]> Lines(LogGeneratorOptions options)
    {
        var rng = new Random(options.Seed);
        List<string> hosts = Hosts(rng);
        List<string> paths = Paths(rng);
        DateTimeOffset time = Start;
        bool lastHasNewline = rng.Next(2) == 0;
        for (int n = 1; n <= options.Lines; n++)
        {
            time = time.AddSeconds(rng.Next(0, 5));
            DateTimeOffset stamp = rng.Next(50) == 0 ? time.AddSeconds(-rng.Next(1, 60)) : time;
            byte[] text;
            if (n == 1)
            {
                // Detection reads the first line: keep it a plain, valid one.
                text = Encoding.UTF8.GetBytes(ValidLine(rng, hosts, paths, stamp));
            }
            else if (n >= options.MalformedFrom && rng.NextDouble() < options.MalformedRate)
            {
                text = Encoding.UTF8.GetBytes(MalformedLine(rng, hosts, paths, stamp));
            }
            else if (rng.Next(500) == 0)
            {
                text = Encoding.UTF8.GetBytes(rng.Next(2) == 0 ? "" : "  \t ");
            }
            else if (rng.Next(2000) == 0)
            {
                // Invalid UTF-8 in a path: fields decode it as U+FFFD, on both sides alike.
                string line = ValidLine(rng, hosts, paths, stamp);
                int at = line.IndexOf(" HTTP/", StringComparison.Ordinal);
                text = at < 0
                    ? Encoding.UTF8.GetBytes(line)
                    : [.. Encoding.UTF8.GetBytes(line[..at]), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(line[at..])];
            }
            else
            {
                text = Encoding.UTF8.GetBytes(ValidLine(rng, hosts, paths, stamp));
            }

            string end = n == options.Lines && !lastHasNewline ? "" : rng.Next(100) == 0 ? "\r\n" : "\n";
            yield return [.. text, .. Encoding.ASCII.GetBytes(end)];
        }
    }

    /// <summary>
    /// Writes nginx's JSON lines (<c>log_format escape=json</c>) with the records' durations: the
    /// <c>request_time</c> as a string or a number of seconds, zero, missing, or no number at all
    /// (then unknown), and a few lines that are not records. Times in several offsets, statuses and
    /// sizes as <see cref="Lines"/> draws them. The same options give the same bytes.
    /// </summary>
    public static void WriteJson(string path, LogGeneratorOptions options)
    {
        var rng = new Random(options.Seed);
        List<string> hosts = Hosts(rng);
        List<string> paths = Paths(rng);
        DateTimeOffset time = Start;
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        for (int n = 1; n <= options.Lines; n++)
        {
            time = time.AddSeconds(rng.Next(0, 5));
            if (n >= options.MalformedFrom && rng.NextDouble() < options.MalformedRate)
            {
                file.WriteLine(rng.Next(3) switch
                {
                    0 => "{\"time_iso8601\":\"not a time\",\"status\":\"200\"}",
                    1 => "{\"time_iso8601\":\"2008-02-24T00:00:00+00:00\",\"status\":",
                    _ => "garbage",
                });
                continue;
            }

            string status = WeightedStatus(rng);
            string stamp = time.ToOffset(Pick(rng, Offsets)).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFzzz", CultureInfo.InvariantCulture);
            string request = $"{(rng.Next(5) == 0 ? "POST" : "GET")} {Pick(rng, paths).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)} HTTP/1.1";
            string line = $"{{\"time_iso8601\":\"{stamp}\",\"remote_addr\":\"{Pick(rng, hosts)}\",\"request\":\"{request}\",\"status\":\"{(status == "-" ? "200" : status)}\",\"body_bytes_sent\":\"{Bytes(rng, status)}\"";
            line += rng.Next(20) switch
            {
                < 10 => $",\"request_time\":\"{Seconds(rng)}\"}}",
                < 15 => $",\"request_time\":{Seconds(rng)}}}",
                15 => ",\"request_time\":\"0.000\"}",
                16 => ",\"request_time\":\"-\"}",
                17 => ",\"request_time\":null}",
                _ => "}",
            };
            file.WriteLine(line);
        }
    }

    // Seconds with milliseconds, as nginx writes $request_time: mostly fast, some slow.
    private static string Seconds(Random rng)
    {
        int milliseconds = rng.Next(10) switch
        {
            < 6 => rng.Next(0, 200),
            < 9 => rng.Next(200, 3000),
            _ => rng.Next(3000, 120_000),
        };
        return (milliseconds / 1000m).ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static List<string> Hosts(Random rng)
    {
        var hosts = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            hosts.Add(rng.Next(10) switch
            {
                < 7 => $"{rng.Next(1, 224)}.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}",
                7 => $"2001:db8:{rng.Next(0x10000):x}::{rng.Next(1, 0x10000):x}",
                8 => rng.Next(3) == 0 ? "::1" : $"fe80::{rng.Next(0x10000):x}:{rng.Next(0x10000):x}",
                _ => rng.Next(2) == 0 ? $"crawl-66-249-{rng.Next(256)}-{rng.Next(256)}.googlebot.com" : $"host{rng.Next(1000)}.example.org",
            });
        }

        return hosts;
    }

    private static List<string> Paths(Random rng)
    {
        var paths = new List<string>(FixedPaths);
        for (int i = 0; i < 600; i++)
        {
            paths.Add(rng.Next(5) switch
            {
                0 => $"/blog/2008/{rng.Next(1, 13):00}/post-{rng.Next(500)}.html",
                1 => $"/images/img{rng.Next(300)}.{(rng.Next(3) == 0 ? "png" : "jpg")}",
                2 => $"/api/items/{rng.Next(10000)}?format=json&page={rng.Next(1, 9)}",
                3 => $"/docs/{(char)('a' + rng.Next(26))}{rng.Next(100)}/index.html",
                _ => $"/files/{rng.Next(100)}/Report {rng.Next(50)}.pdf",
            });
        }

        return paths;
    }

    /// <summary>An index skewed towards the start of a pool, as real traffic is.</summary>
    private static T Pick<T>(Random rng, List<T> pool, double skew = 2.5) =>
        pool[Math.Min(pool.Count - 1, (int)(pool.Count * Math.Pow(rng.NextDouble(), skew)))];

    private static T Pick<T>(Random rng, T[] pool) => pool[rng.Next(pool.Length)];

    private static string ValidLine(Random rng, List<string> hosts, List<string> paths, DateTimeOffset time)
    {
        string host = Pick(rng, hosts);
        string ident = rng.Next(100) == 0 ? "ident" : "-";
        string user = rng.Next(30) == 0 ? (rng.Next(2) == 0 ? "frank" : "alice") : "-";
        string status = WeightedStatus(rng);
        string bytes = Bytes(rng, status);
        string vhost = rng.Next(8) == 0 ? Pick(rng, VirtualHosts) + " " : "";
        string line = $"{vhost}{host} {ident} {user} [{Time(rng, time)}] \"{Request(rng, paths)}\" {status} {bytes}";
        int kind = rng.Next(100);
        if (kind < 60)
        {
            line += $" \"{Referrer(rng, paths)}\" \"{Pick(rng, UserAgents)}\"";
            if (rng.Next(20) == 0)
            {
                line += rng.Next(2) == 0 ? " \"-\"" : $" rt={rng.Next(1000) / 1000.0:0.000}";
            }
        }
        else if (kind < 63)
        {
            // A referrer and no user agent.
            line += $" \"{Referrer(rng, paths)}\"";
        }

        return line;
    }

    private static string Time(Random rng, DateTimeOffset time)
    {
        TimeSpan offset = rng.Next(10) < 6 ? Offsets[0] : Pick(rng, Offsets);
        DateTimeOffset local = time.ToOffset(offset);
        string month = MonthNames[local.Month - 1];
        if (rng.Next(500) == 0)
        {
            month = month.ToLowerInvariant();
        }

        string fraction = rng.Next(100) == 0 ? "." + rng.Next(1000).ToString("000", CultureInfo.InvariantCulture) : "";
        char sign = offset < TimeSpan.Zero ? '-' : '+';
        TimeSpan abs = offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{local.Day:00}/{month}/{local.Year:0000}:{local.Hour:00}:{local.Minute:00}:{local.Second:00}{fraction} {sign}{abs.Hours:00}{abs.Minutes:00}");
    }

    private static string Request(Random rng, List<string> paths)
    {
        int kind = rng.Next(1000);
        string method = rng.Next(100) switch
        {
            < 80 => "GET",
            < 88 => "POST",
            < 94 => "HEAD",
            94 => "PUT",
            95 => "DELETE",
            96 => "OPTIONS",
            97 => "PROPFIND",
            98 => "get",
            _ => "PATCH",
        };
        string protocol = rng.Next(100) switch
        {
            < 70 => "HTTP/1.1",
            < 95 => "HTTP/1.0",
            _ => "HTTP/2.0",
        };
        string path = Pick(rng, paths);
        return kind switch
        {
            < 15 => "-",
            < 25 => $"{method} /my files/a b.html {protocol}",
            < 32 => $"{method} {path}",
            < 37 => $"GET /search?q=\\\"quoted\\\" {protocol}",
            < 40 => "\\x16\\x03\\x01\\x00",
            < 42 => $"{method} {path} {protocol} extra",
            _ => $"{method} {path} {protocol}",
        };
    }

    private static string WeightedStatus(Random rng)
    {
        int total = Statuses.Sum(s => s.Weight);
        int pick = rng.Next(total);
        foreach ((string status, int weight) in Statuses)
        {
            if (pick < weight)
            {
                return status;
            }

            pick -= weight;
        }

        return "200";
    }

    private static string Bytes(Random rng, string status)
    {
        if (status == "304" || rng.Next(20) == 0)
        {
            return rng.Next(3) == 0 ? "0" : "-";
        }

        return rng.Next(100) switch
        {
            < 40 => rng.Next(2000).ToString(CultureInfo.InvariantCulture),
            < 80 => rng.Next(2000, 100_000).ToString(CultureInfo.InvariantCulture),
            < 95 => rng.Next(100_000, 5_000_000).ToString(CultureInfo.InvariantCulture),
            < 97 => "133",
            < 99 => "4447",
            _ => "97238",
        };
    }

    private static string Referrer(Random rng, List<string> paths) =>
        rng.Next(5) == 0 ? "http://www.example.com" + Pick(rng, paths) : Pick(rng, Referrers);

    private static string MalformedLine(Random rng, List<string> hosts, List<string> paths, DateTimeOffset time)
    {
        string valid = ValidLine(rng, hosts, paths, time);
        int close = valid.IndexOf(']', StringComparison.Ordinal);
        int open = valid.IndexOf('[', StringComparison.Ordinal);
        switch (rng.Next(7))
        {
            case 0:
                return Pick(rng, new[] { "this is not a log line", "GET / HTTP/1.1", "<html><body>oops</body></html>", "garbage", "\tjunk\t", "# comment", "{\"not\":\"ncsa\"}" });
            case 1:
                // Truncated in the middle of the request, or just after the opening bracket.
                int quote = valid.IndexOf('"', StringComparison.Ordinal);
                return valid[..(rng.Next(2) == 0 ? quote + 1 + rng.Next(1, 6) : open + 1 + rng.Next(0, 10))];
            case 2:
                string badTime = Pick(rng, new[]
                {
                    "31/Feb/2008:00:00:00 -0600", "24/Feb/2008:24:61:00 -0600", "24/Foo/2008:00:00:00 -0600",
                    "24/Feb/2008:00:00:00", "yesterday", "24/Feb/2008:00:00:00 -9900", "24-Feb-2008 00:00:00 -0600",
                });
                return valid[..(open + 1)] + badTime + valid[close..];
            case 3:
                // A status that is not three digits.
                int end = valid.IndexOf("\" ", close, StringComparison.Ordinal);
                int statusEnd = valid.IndexOf(' ', end + 2);
                return valid[..(end + 2)] + Pick(rng, new[] { "2000", "OK", "20" }) + valid[statusEnd..];
            case 4:
                // A size that is not a number.
                int requestEnd = valid.IndexOf("\" ", close, StringComparison.Ordinal);
                int sizeStart = valid.IndexOf(' ', requestEnd + 2) + 1;
                int sizeEnd = valid.IndexOf(' ', sizeStart);
                return valid[..sizeStart] + "12a" + (sizeEnd < 0 ? "" : valid[sizeEnd..]);
            case 5:
                // An unterminated referrer.
                int requestClose = valid.IndexOf("\" ", close, StringComparison.Ordinal);
                int afterStatus = valid.IndexOf(' ', requestClose + 2) + 1;
                int afterSize = valid.IndexOf(' ', afterStatus);
                string head = afterSize < 0 ? valid : valid[..afterSize];
                return head + " \"http://example.com/unterminated";
            default:
                return $"{Pick(rng, hosts)} - -";
        }
    }
}

/// <summary>What <see cref="LogGenerator"/> writes.</summary>
/// <param name="Lines">How many lines.</param>
/// <param name="Seed">The seed: the same seed gives the same file.</param>
/// <param name="MalformedRate">The share of lines that are malformed.</param>
/// <param name="MalformedFrom">The first line that may be malformed (the first is never).</param>
internal sealed record LogGeneratorOptions(int Lines, int Seed, double MalformedRate = 0.005, int MalformedFrom = 2);
