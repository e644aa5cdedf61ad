using LogLinq.Formats;
using LogLinq.Query.Execution;

namespace LogLinq.Tests.Query;

/// <summary>
/// A large plain file is cut big parts first and small ones last, so two workers slowed unevenly
/// still finish close together: the last parts are about the smallest size, not an eighth of the file.
/// </summary>
public sealed class ScanPartitionerTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(1300 * MiB, 2, 8 * MiB)]  // the benchmark's log, two cores
    [InlineData(1300 * MiB, 8, 8 * MiB)]
    [InlineData(20 * MiB, 2, 8 * MiB)]    // just big enough to split
    [InlineData(20_000, 48, 1)]           // the tests' tiny parts
    public void Parts_shrink_from_a_quarter_of_the_file_to_the_smallest(long size, int workers, long minPartSize)
    {
        long smallest = Math.Max(minPartSize, size / (workers * 64));
        long[] lengths = [.. ScanPartitioner.Guided(size, workers, smallest, minPartSize)];

        lengths.Sum().Should().Be(size);
        lengths.Should().OnlyContain(length => length >= minPartSize);
        lengths[0].Should().Be(Math.Max(smallest, size / (2 * workers)));

        // Each at most the one before, until the last, which takes what is left: under twice the smallest.
        for (int i = 1; i < lengths.Length - 1; i++)
        {
            lengths[i].Should().BeLessThanOrEqualTo(lengths[i - 1], $"part {i} of {string.Join(", ", lengths)}");
        }

        lengths[^1].Should().BeLessThan(2 * smallest);

        // A share less each time down to the smallest (about 2 x workers x ln 32 parts, as the smallest is
        // a 64th per worker), then about 2 x workers of those: whatever the size, about 9 per worker.
        lengths.Length.Should().BeLessThanOrEqualTo((10 * workers) + 4);
    }

    [Fact]
    public void A_file_gone_since_the_glob_found_it_is_a_part_whose_opening_names_it()
    {
        // logrotate deletes the oldest copy while a long query runs; before, FileInfo.Length threw
        // .NET's "Could not find file" out of the planning, for the whole query.
        using var temp = new TempDirectory();
        string gone = temp.File("access.log.15.gz");

        List<ScanPart> parts = ScanPartitioner.Partition([gone], LogFormat.Auto, 2, allowSplit: true, 64 * 1024);

        parts.Should().Equal(new ScanPart(gone, 0, -1, null));
    }

    [Fact]
    public void A_symbolic_link_to_a_big_file_is_cut_as_the_file_is()
    {
        // FileInfo.Length of a link is the length of the path it holds: the file was read whole, on one core.
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        string line = "10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326\n";
        File.WriteAllText(log, string.Concat(Enumerable.Repeat(line, 40_000)));
        string link = temp.File("access.log");
        File.CreateSymbolicLink(link, log);
        string linkToLink = temp.File("current.log");
        File.CreateSymbolicLink(linkToLink, link);

        List<ScanPart> parts = ScanPartitioner.Partition([linkToLink], LogFormat.Auto, 2, allowSplit: true, 64 * 1024);

        parts.Should().HaveCountGreaterThan(8);
        parts[^1].End.Should().Be(new FileInfo(log).Length);
    }

    [Fact]
    public void A_broken_symbolic_link_is_a_part_whose_opening_names_it()
    {
        using var temp = new TempDirectory();
        string link = temp.File("access.log");
        File.CreateSymbolicLink(link, temp.File("rotated-away.log"));

        List<ScanPart> parts = ScanPartitioner.Partition([link], LogFormat.Auto, 2, allowSplit: true, 64 * 1024);

        parts.Should().Equal(new ScanPart(link, 0, -1, null));
    }

    [Fact]
    public void The_parts_of_a_file_follow_each_other_from_its_start_to_its_end()
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        string line = "10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326\n";
        File.WriteAllText(log, string.Concat(Enumerable.Repeat(line, 40_000)));
        long size = new FileInfo(log).Length;

        List<ScanPart> parts = ScanPartitioner.Partition([log], LogFormat.Auto, 2, allowSplit: true, 64 * 1024);

        parts.Should().HaveCountGreaterThan(8);
        parts[0].Start.Should().Be(0);
        parts[^1].End.Should().Be(size);
        for (int i = 1; i < parts.Count; i++)
        {
            parts[i].Start.Should().Be(parts[i - 1].End);
        }

        (parts[0].End - parts[0].Start).Should().Be(size / 4);
        (parts[^1].End - parts[^1].Start).Should().BeLessThan(2 * Math.Max(64 * 1024, size / 128));
    }
}
