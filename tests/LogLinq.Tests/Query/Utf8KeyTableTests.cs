using System.Text;
using LogLinq.Query;
using LogLinq.Query.Aggregates;

namespace LogLinq.Tests.Query;

/// <summary>
/// The table of text keys behind <c>Distinct</c> and <c>GroupBy</c>: numbers in the order first seen,
/// keys found again across its growth and its chunks, invalid UTF-8 taken as the string it decodes to.
/// Expectations come from the BCL's own dictionary of strings, or are written out by hand.
/// </summary>
public sealed class Utf8KeyTableTests
{
    [Fact]
    public void Keys_are_numbered_in_the_order_first_seen_and_found_again()
    {
        var random = new Random(25);
        var table = new Utf8KeyTable();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);

        // 200,000 draws from 60,000 keys of up to 40 bytes: the table grows many times and fills
        // several chunks; some keys are empty or non-ASCII.
        for (int draw = 0; draw < 200_000; draw++)
        {
            int k = random.Next(60_000);
            string key = k % 1000 == 0 ? "" : $"{k}-é-{new string('x', k % 30)}";
            int id = table.FindOrAdd(Encoding.UTF8.GetBytes(key), out bool added);

            added.Should().Be(!expected.ContainsKey(key));
            if (added)
            {
                expected[key] = expected.Count;
            }

            id.Should().Be(expected[key]);
        }

        table.Count.Should().Be(expected.Count);
        foreach ((string key, int id) in expected)
        {
            table.String(id).Should().Be(key);
            Encoding.UTF8.GetString(table[id]).Should().Be(key);
        }
    }

    [Fact]
    public void Invalid_utf8_is_the_key_of_the_string_it_decodes_to()
    {
        var table = new Utf8KeyTable();

        int first = table.FindOrAdd([(byte)'/', (byte)'a', 0xFF], out bool added);
        added.Should().BeTrue();
        table.FindOrAdd([(byte)'/', (byte)'a', 0xFE], out added).Should().Be(first);
        added.Should().BeFalse();

        // U+FFFD written as valid UTF-8 is that string too.
        table.FindOrAdd("/a\uFFFD"u8, out added).Should().Be(first);
        added.Should().BeFalse();
        table.String(first).Should().Be("/a\uFFFD");
        table.Count.Should().Be(1);
    }

    [Fact]
    public void A_key_longer_than_a_chunk_is_kept_whole()
    {
        var table = new Utf8KeyTable();
        byte[] small = "before"u8.ToArray();
        byte[] huge = Encoding.ASCII.GetBytes(new string('q', 3 * 1024 * 1024));

        table.FindOrAdd(small, out _).Should().Be(0);
        table.FindOrAdd(huge, out _).Should().Be(1);
        table.FindOrAdd("after"u8, out _).Should().Be(2);

        table.FindOrAdd(huge, out bool added).Should().Be(1);
        added.Should().BeFalse();
        table[1].SequenceEqual(huge).Should().BeTrue();
        table.String(0).Should().Be("before");
        table.String(2).Should().Be("after");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Many_distinct_hosts_and_paths_over_merged_parts(int workers)
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        var hosts = new List<string>();
        var seenHosts = new HashSet<string>(StringComparer.Ordinal);
        var paths = new List<string>();
        var requestsByPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var random = new Random(7);
        using (var writer = new StreamWriter(log))
        {
            for (int line = 0; line < 60_000; line++)
            {
                string host = $"10.{random.Next(4)}.{random.Next(256)}.{random.Next(256)}";
                string path = $"/item/{random.Next(20_000)}";
                writer.Write($"{host} - - [10/Oct/2023:13:55:36 +0000] \"GET {path} HTTP/1.1\" 200 {line}\n");
                if (seenHosts.Add(host))
                {
                    hosts.Add(host);
                }

                if (!requestsByPath.ContainsKey(path))
                {
                    paths.Add(path);
                }

                requestsByPath[path] = requestsByPath.GetValueOrDefault(path) + 1;
            }
        }

        // Parts of 256 KB: each worker's keys are merged into the first part's, in file order.
        var options = new LogSourceOptions { MaxDegreeOfParallelism = workers, MinPartSize = 256 * 1024 };
        LogSource.Open(log, options).Select(r => r.Host).Distinct().ToList().Should().Equal(hosts);
        LogSource.Open(log, options).GroupBy(r => r.Path).Select(g => new { g.Key, Count = g.Count() }).ToList()
            .Should().Equal(paths.Select(path => new { Key = path, Count = requestsByPath[path] }));
    }
}
