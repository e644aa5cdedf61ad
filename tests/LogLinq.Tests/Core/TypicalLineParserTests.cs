using System.Text;
using LogLinq.Formats;
using LogLinq.Tests.Formats;

namespace LogLinq.Tests.Core;

/// <summary>
/// The typical-line fast path must never disagree with the general parser: where it accepts a line,
/// the general path accepts it with the same fields. Checked on every line of the sample log, on
/// Combined variants, and on a few hundred thousand mutations of them.
/// </summary>
public sealed class TypicalLineParserTests
{
    private const string Combined =
        "203.0.113.9 - alice [01/Mar/2024:10:15:32 +0100] \"GET /index.html?q=1 HTTP/1.1\" 200 612 \"https://example.com/a b\" \"Mozilla/5.0 (X11; Linux x86_64)\"";

    // Apache's vhost_combined: "%v:%p" before Combined's fields; the client may be IPv6.
    private const string VirtualHostCombined =
        "www.example.org:443 2001:db8::1 - - [25/Nov/2026:10:00:01 +0000] \"GET /a HTTP/2.0\" 404 0 \"https://x/\" \"Mozilla/5.0\"";

    // Every quoted field longer than a mask window, so finding its end takes several.
    private static readonly string LongFields =
        $"10.0.0.1 - - [01/Mar/2024:10:15:32 +0100] \"GET /{new string('a', 150)} HTTP/1.1\" 200 42 \"https://example.com/{new string('r', 70)}\" \"Mozilla/5.0 {new string('x', 180)}\"";

    [Fact]
    public void Takes_nearly_every_line_of_the_sample_log()
    {
        string[] lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "access-log"));
        var fields = default(CommonLogFields);
        var general = default(CommonLogFields);
        int typical = 0;
        foreach (string text in lines)
        {
            byte[] line = Encoding.UTF8.GetBytes(text);
            fields.Day = general.Day; // what a scan's parser remembers of the line before
            bool generalOk = CommonLogParser.TryParseAny(line, ref general, out _);
            if (TypicalLineParser.TryParse(line, ref fields))
            {
                typical++;
                generalOk.Should().BeTrue(text);
                Describe(fields, line).Should().Be(Describe(general, line), text);
            }
        }

        // Only the first line of each new day (the cache of the last day and offset is empty) and
        // the few odd lines go the general way.
        typical.Should().BeGreaterThan(lines.Length * 99 / 100);
    }

    [Fact]
    public void Reads_the_combined_fields_as_the_general_path_does()
    {
        byte[] line = Encoding.UTF8.GetBytes(Combined);
        var general = default(CommonLogFields);
        CommonLogParser.TryParseAny(line, ref general, out _).Should().BeTrue();

        // The day and offset known from the line before, as in a scan.
        var fields = default(CommonLogFields);
        fields.Day = general.Day;
        TypicalLineParser.TryParse(line, ref fields).Should().BeTrue();

        Describe(fields, line).Should().Be(Describe(general, line));
        Encoding.UTF8.GetString(fields.UserAgent.Of(line)).Should().Be("Mozilla/5.0 (X11; Linux x86_64)");
        Encoding.UTF8.GetString(fields.User.Of(line)).Should().Be("alice");
    }

    [Fact]
    public void Never_accepts_a_mutated_line_the_general_path_reads_otherwise()
    {
        var random = new Random(20261125);
        string[] seeds =
        [
            .. File.ReadLines(Path.Combine(TestPaths.Data, "access-log")).Take(400),
            Combined,
            "10.0.0.1 - - [01/Mar/2024:10:15:32 +0100] \"GET /a\\\"b HTTP/1.1\" 200 1 \"-\" \"-\"",
            "10.0.0.1 - - [01/Mar/2024:10:15:32 +0100] \"GET /a\"b HTTP/1.1\" 404 - \"-\" \"curl\" extra=1",
            "10.0.0.1 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 1",
            "203.0.113.9, 10.0.0.2 - - [01/Mar/2024:10:15:32 +0100] \"GET /xff HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"",
            "10.0.0.1 - - [01/Mar/2024:10:15:32 +0100] \"GET /big HTTP/1.1\" 200 1234567890123",
            VirtualHostCombined,
            VirtualHostCombined,
            "example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"",
            "example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"",
            "a:1 ::1 id bob [25/Nov/2026:10:00:00 +0000] \"GET /x HTTP/1.1\" 200 5",
            "::1 - - [25/Nov/2026:10:00:00 +0000] \"GET /x HTTP/1.1\" 200 5 \"-\" \"-\"",
            "[::1]:8080 10.1.1.1 - - [25/Nov/2026:10:00:00 +0000] \"POST /y HTTP/1.1\" 201 -",
            LongFields,
        ];
        byte[] alphabet = " \"[]\\-0123456789:/+.aZ\t"u8.ToArray();
        var fields = default(CommonLogFields);
        var general = default(CommonLogFields);
        int accepted = 0;
        int acceptedInBlock = 0;
        int acceptedVirtualHosts = 0;
        for (int i = 0; i < 200_000; i++)
        {
            byte[] line = Mutate(Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]), random, alphabet);
            fields.Day = general.Day;
            bool generalOk = CommonLogParser.TryParseAny(line, ref general, out _);
            if (TypicalLineParser.TryParse(line, ref fields))
            {
                accepted++;
                acceptedVirtualHosts += fields.VirtualHost.IsNone ? 0 : 1;
                generalOk.Should().BeTrue(Encoding.UTF8.GetString(line));
                Describe(fields, line).Should().Be(Describe(general, line), Encoding.UTF8.GetString(line));
            }

            // The same line in the middle of a block, its masks marked with the block's: other lines'
            // spaces and quotes around it, at every offset from a word's start.
            fields.Day = general.Day;
            if (TryParseInBlock(line, random, alphabet, ref fields))
            {
                acceptedInBlock++;
                generalOk.Should().BeTrue(Encoding.UTF8.GetString(line));
                Describe(fields, line).Should().Be(Describe(general, line), Encoding.UTF8.GetString(line));
            }
        }

        accepted.Should().BeGreaterThan(10_000, "mutations away from the parsed fields leave many lines typical");
        acceptedInBlock.Should().BeGreaterThan(accepted, "in a block, lines shorter than a vector are typical too");
        acceptedVirtualHosts.Should().BeGreaterThan(500, "the vhost_combined seeds and their mutations go the typical way too");
    }

    [Fact]
    public void Takes_nearly_every_line_of_the_sample_log_with_iso_times()
    {
        // The sample's times rewritten as nginx's $time_iso8601 writes them.
        string[] lines = [.. File.ReadLines(Path.Combine(TestPaths.Data, "access-log")).Select(NcsaToIso.Line)];
        lines[0].Should().StartWith("140.180.132.213 - - [2008-02-24T00:08:59-06:00] \"GET");
        var fields = default(CommonLogFields);
        var general = default(CommonLogFields);
        var inBlock = default(CommonLogFields);
        int typical = 0;
        int typicalInBlock = 0;
        var random = new Random(3);
        foreach (string text in lines)
        {
            byte[] line = Encoding.UTF8.GetBytes(text);
            (fields.Day, fields.IsoDay, inBlock.Day, inBlock.IsoDay) = (general.Day, general.IsoDay, general.Day, general.IsoDay);
            CommonLogParser.TryParseAny(line, ref general, out string? error).Should().BeTrue(error);
            if (TypicalLineParser.TryParse(line, ref fields))
            {
                typical++;
                Describe(fields, line).Should().Be(Describe(general, line), text);
            }

            if (TryParseInBlock(line, random, " \""u8.ToArray(), ref inBlock))
            {
                typicalInBlock++;
                Describe(inBlock, line).Should().Be(Describe(general, line), text);
            }
        }

        // As with NCSA times: only the first line of each new day goes the general way.
        typical.Should().BeGreaterThan(lines.Length * 99 / 100);
        typicalInBlock.Should().BeGreaterThan(lines.Length * 99 / 100);
    }

    [Fact]
    public void Never_accepts_a_mutated_iso_line_the_general_path_reads_otherwise()
    {
        var random = new Random(20261126);
        string[] seeds =
        [
            .. File.ReadLines(Path.Combine(TestPaths.Data, "access-log")).Take(200).Select(NcsaToIso.Line),
            "10.0.0.1 - - [2024-03-01T10:15:32+01:00] \"GET / HTTP/1.0\" 200 1",
            "10.0.0.1 - - [2024-03-01T10:15:32Z] \"GET / HTTP/1.0\" 200 1 \"-\" \"curl\"",
            "10.0.0.1 - - [2024-03-01T10:15:32] \"GET / HTTP/1.0\" 200 1",
            "10.0.0.1 - - [2024-03-01T10:15:32.5Z] \"GET / HTTP/1.0\" 200 1",
            "10.0.0.1 - - [2024-03-01T10:15:32.123-05:30] \"GET /a HTTP/1.1\" 404 -",
            "10.0.0.1 - - [2024-02-29T23:59:59.1234567+14:00] \"GET /b HTTP/1.1\" 200 12 \"-\" \"-\"",
            "10.0.0.1 - - [2024-03-01T10:15:32+0100] \"GET / HTTP/1.0\" 200 1",
            "10.0.0.1 - - [2024-03-01T10:15:60Z] \"GET / HTTP/1.0\" 200 1",

            // The general path takes a ']' 27 bytes after the '[' for the NCSA time's end.
            "10.0.0.1 - - [2024-03-01T10:15:32Z] \"GET]/x HTTP/1.0\" 200 1",
            "10.0.0.1 - - [2024-03-01T10:15:32] \"GET ]x HTTP/1.0\" 200 1",
            "www.example.org:443 2001:db8::1 - - [2026-11-25T10:00:01+00:00] \"GET /a HTTP/2.0\" 404 0 \"https://x/\" \"Mozilla/5.0\"",
        ];
        byte[] alphabet = " \"[]\\-0123456789:/+.TZtz\t"u8.ToArray();
        var fields = default(CommonLogFields);
        var general = default(CommonLogFields);
        int accepted = 0;
        int acceptedInBlock = 0;
        for (int i = 0; i < 200_000; i++)
        {
            byte[] line = Mutate(Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]), random, alphabet);
            (fields.Day, fields.IsoDay) = (general.Day, general.IsoDay);
            bool generalOk = CommonLogParser.TryParseAny(line, ref general, out _);
            if (TypicalLineParser.TryParse(line, ref fields))
            {
                accepted++;
                generalOk.Should().BeTrue(Encoding.UTF8.GetString(line));
                Describe(fields, line).Should().Be(Describe(general, line), Encoding.UTF8.GetString(line));
            }

            (fields.Day, fields.IsoDay) = (general.Day, general.IsoDay);
            if (TryParseInBlock(line, random, alphabet, ref fields))
            {
                acceptedInBlock++;
                generalOk.Should().BeTrue(Encoding.UTF8.GetString(line));
                Describe(fields, line).Should().Be(Describe(general, line), Encoding.UTF8.GetString(line));
            }
        }

        accepted.Should().BeGreaterThan(10_000, "mutations away from the parsed fields leave many lines typical");
        acceptedInBlock.Should().BeGreaterThan(accepted, "in a block, lines shorter than a vector are typical too");
    }

    [Theory]
    [InlineData("10.0.0.1 - - [2024-03-01T10:15:32Z] \"GET]/x HTTP/1.0\" 200 1 \"-\" \"Mozilla/5.0 (X11)\"", "GET/x")]
    [InlineData("10.0.0.1 - - [2024-03-01T10:15:32] \"GET ]x HTTP/1.0\" 200 1 \"-\" \"Mozilla/5.0 (X11)\"", "GET x")]
    [InlineData("10.0.0.1 - - [2024-03-01T10:15:32.5Z] \"G]ET /x HTTP/1.0\" 200 1 \"-\" \"Mozilla/5.0 (X11)\"", "GET /x")]
    public void A_short_iso_time_with_a_bracket_where_the_ncsa_time_ends_is_left_to_the_general_path(string text, string request)
    {
        // The general path ends the time at that ']' (27 bytes after the '[') and finds no time
        // there: the line is malformed, on both paths, after a line of the same day as before it.
        // Without the ']', both take it.
        byte[] before = Encoding.UTF8.GetBytes("10.0.0.1 - - [2024-03-01T10:15:31Z] \"GET / HTTP/1.0\" 200 1");
        var general = default(CommonLogFields);
        CommonLogParser.TryParseAny(before, ref general, out _).Should().BeTrue();
        foreach ((string line, bool ok) in new[] { (text, false), (text.Remove(text.IndexOf(']', text.IndexOf('"')), 1), true) })
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line);
            var fields = default(CommonLogFields);
            fields.IsoDay = general.IsoDay;
            TypicalLineParser.TryParse(bytes, ref fields).Should().Be(ok, line);
            fields.IsoDay = general.IsoDay;
            TryParseInBlock(bytes, new Random(4), " \""u8.ToArray(), ref fields).Should().Be(ok, line);
            CommonLogParser.TryParseAny(bytes, ref general, out string? error).Should().Be(ok, line);
            if (ok)
            {
                Encoding.UTF8.GetString(fields.Request.Of(bytes)).Should().Be(request + " HTTP/1.0");
            }
            else
            {
                error.Should().StartWith("expected a time like");
            }
        }
    }

    [Theory]
    [InlineData(VirtualHostCombined, "www.example.org:443", "2001:db8::1", "-", "-")]
    [InlineData("example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"", "example.com:80", "203.0.113.9", "-", "-")]
    [InlineData("a:1 ::1 id bob [25/Nov/2026:10:00:00 +0000] \"GET /x HTTP/1.1\" 200 5", "a:1", "::1", "id", "bob")]
    [InlineData("::1 id bob [25/Nov/2026:10:00:00 +0000] \"GET /x HTTP/1.1\" 200 5 \"-\" \"-\"", "<none>", "::1", "id", "bob")]
    public void Takes_a_virtual_host_before_the_client_on_both_paths(string text, string vhost, string host, string ident, string user)
    {
        byte[] line = Encoding.UTF8.GetBytes(text);
        var general = default(CommonLogFields);
        CommonLogParser.TryParseAny(line, ref general, out string? error).Should().BeTrue(error);
        var fields = default(CommonLogFields);
        fields.Day = general.Day;
        TypicalLineParser.TryParse(line, ref fields).Should().BeTrue();
        var inBlock = default(CommonLogFields);
        inBlock.Day = general.Day;
        TryParseInBlock(line, new Random(2), " \""u8.ToArray(), ref inBlock).Should().BeTrue();

        foreach (CommonLogFields f in new[] { general, fields, inBlock })
        {
            (f.VirtualHost.IsNone ? "<none>" : Encoding.UTF8.GetString(f.VirtualHost.Of(line))).Should().Be(vhost);
            Encoding.UTF8.GetString(f.Host.Of(line)).Should().Be(host);
            Encoding.UTF8.GetString(f.Ident.Of(line)).Should().Be(ident);
            Encoding.UTF8.GetString(f.User.Of(line)).Should().Be(user);
        }
    }

    [Theory]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 5", 5)]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 0", 0)]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 -", 0)]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 00000042", 42)]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 99999999", 99_999_999)]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 123456789", 123_456_789)]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 9223372036854775807", long.MaxValue)]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 12345 \"-\" \"curl/8\"", 12345)]
    public void Reads_the_bytes_of_every_length(string text, long expected)
    {
        byte[] line = Encoding.UTF8.GetBytes(text);
        var fields = default(CommonLogFields);
        CommonLogParser.TryParseAny(line, ref fields, out _).Should().BeTrue();
        TryParseInBlock(line, new Random(1), " \""u8.ToArray(), ref fields).Should().BeTrue();
        fields.Bytes.Should().Be(expected);
    }

    [Fact]
    public void Finds_the_end_of_a_field_at_any_distance_from_any_word_boundary()
    {
        // Requests and user agents of 1 to 200 bytes, each line at every offset from a mask word's
        // start: each field's end lies in the first window searched, in a later one, or in the
        // word after the line's (the line's end, and a quote of the next line); searched backwards,
        // in the block's first word or a window before.
        var random = new Random(7);
        int checkedLines = 0;
        for (int length = 1; length <= 200; length += 7)
        {
            string request = $"GET /{new string('p', length)} HTTP/1.1";
            string agent = new('u', length);
            foreach (string text in new[]
            {
                $"10.0.0.1 - - [01/Mar/2024:10:15:32 +0100] \"{request}\" 200 {length}",

                // No protocol: the search back from the request's end for the protocol's space crosses the path.
                $"10.0.0.1 - - [01/Mar/2024:10:15:32 +0100] \"GET /{new string('p', length)}\" 200 {length}",
                $"10.0.0.1 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.1\" 200 {length} \"-\" \"{agent}\"",
            })
            {
                byte[] line = Encoding.UTF8.GetBytes(text);
                var general = default(CommonLogFields);
                CommonLogParser.TryParseAny(line, ref general, out _).Should().BeTrue(text);
                for (int offset = 0; offset < StructuralMasks.ChunkSize; offset++)
                {
                    var fields = new CommonLogFields { Day = general.Day };
                    TryParseInBlock(line, [.. Enumerable.Repeat((byte)'x', offset), (byte)'\n'], random, ref fields).Should().BeTrue(text);
                    Describe(fields, line).Should().Be(Describe(general, line), $"{text} at {offset}");
                    checkedLines++;
                }
            }
        }

        checkedLines.Should().Be(29 * 3 * StructuralMasks.ChunkSize);
    }

    [Fact]
    public void Sees_a_quote_inside_a_user_agent_wherever_it_falls()
    {
        // A user agent's end is taken from the line's end where the block's quote counts show no
        // quote before it. A quote and a space (plain or escaped) at each place of a 150-byte agent,
        // each line at every offset from a mask word's start: such a line is left to the general path
        // or read as it reads it (which ends the agent at a plain one), never cut at the line's end;
        // the same line without the quote is read there.
        var random = new Random(11);
        int withQuote = 0;
        int plainAccepted = 0;
        for (int at = 0; at < 150; at += 7)
        {
            // A quote and a space end the agent on the general path; an escaped one does not.
            foreach (string quote in new[] { "\" ", "\\\" ", "" })
            {
                string text = $"10.0.0.1 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.1\" 200 5 \"-\" \"{new string('u', at)}{quote}{new string('v', 150 - at)}\"";
                byte[] line = Encoding.UTF8.GetBytes(text);
                var general = default(CommonLogFields);
                bool generalOk = CommonLogParser.TryParseAny(line, ref general, out _);
                for (int offset = 0; offset < StructuralMasks.ChunkSize; offset++)
                {
                    var fields = new CommonLogFields { Day = general.Day };
                    bool accepted = TryParseInBlock(line, [.. Enumerable.Repeat((byte)'x', offset), (byte)'\n'], random, ref fields);
                    if (quote.Length == 0)
                    {
                        accepted.Should().BeTrue(text);
                        plainAccepted++;
                    }
                    else
                    {
                        withQuote++;
                    }

                    if (accepted)
                    {
                        generalOk.Should().BeTrue($"{text} at {offset}");
                        Describe(fields, line).Should().Be(Describe(general, line), $"{text} at {offset}");
                    }
                }
            }
        }

        plainAccepted.Should().Be(22 * StructuralMasks.ChunkSize);
        withQuote.Should().Be(2 * 22 * StructuralMasks.ChunkSize);
    }

    [Theory]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 12a4")]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 1/34")]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 1:34")]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 200 9223372036854775808")]
    [InlineData("1.2.3.4 - - [01/Mar/2024:10:15:32 +0100] \"GET / HTTP/1.0\" 2x0 12")]
    public void Refuses_bytes_and_status_that_are_not_numbers(string text)
    {
        byte[] line = Encoding.UTF8.GetBytes(text);
        var fields = default(CommonLogFields);
        CommonLogParser.TryParseAny(line, ref fields, out _).Should().BeFalse();
        TryParseInBlock(line, new Random(1), " \""u8.ToArray(), ref fields).Should().BeFalse();
    }

    /// <summary>Parses <paramref name="line"/> as a block scan does: a random run of other lines before and after it.</summary>
    private static bool TryParseInBlock(byte[] line, Random random, byte[] alphabet, ref CommonLogFields fields)
    {
        byte[] before = [.. Enumerable.Range(0, random.Next(0, 130)).Select(_ => alphabet[random.Next(alphabet.Length)]), (byte)'\n'];
        return TryParseInBlock(line, before, random, ref fields, alphabet);
    }

    /// <summary>Parses <paramref name="line"/> as a block scan does, after <paramref name="before"/>, with a random run of other lines after it.</summary>
    private static bool TryParseInBlock(byte[] line, byte[] before, Random random, ref CommonLogFields fields, byte[]? alphabet = null)
    {
        alphabet ??= " \"x"u8.ToArray();
        byte[] after = [(byte)'\n', .. Enumerable.Range(0, random.Next(0, 70)).Select(_ => alphabet[random.Next(alphabet.Length)]), (byte)'\n'];
        byte[] block = [.. before, .. line, .. after];
        int chunks = StructuralMasks.Chunks(block.Length);
        ulong[] newlines = new ulong[chunks], spaces = new ulong[chunks + 1], quotes = new ulong[chunks + 1];
        int[] quotesBefore = new int[chunks + 1];
        StructuralMasks.MarkBlock(block, newlines, spaces.AsSpan(0, chunks), quotes.AsSpan(0, chunks), quotesBefore);
        var masks = new LineMasks(spaces, quotes, before.Length, line.Length, quotesBefore);
        return TypicalLineParser.TryParse(block.AsSpan(before.Length, line.Length), masks, ref fields, splitRequest: true);
    }

    private static byte[] Mutate(byte[] line, Random random, byte[] alphabet)
    {
        var bytes = new List<byte>(line);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0:
                    bytes[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }

    // By value: the request's parts are split here on a copy where the parser left them to be split.
    private static string Describe(CommonLogFields f, byte[] line) => string.Join(
        " | ",
        Text(f.VirtualHost, line), Text(f.Host, line), Text(f.Ident, line), Text(f.User, line), Text(f.Request, line), f.TimeTicks, f.OffsetMinutes,
        f.Status, f.Bytes, Text(f.Referrer, line), Text(f.UserAgent, line),
        Text(f.Method(line), line), Text(f.Path(line), line), Text(f.Protocol(line), line));

    private static string Text(FieldRange range, byte[] line) => range.IsNone ? "<none>" : $"[{range.Start},{range.Length}]{Encoding.UTF8.GetString(range.Of(line))}";
}
