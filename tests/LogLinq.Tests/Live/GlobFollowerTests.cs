using System.IO.Compression;
using LogLinq.Live;
using LogLinq.Sources;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Live;

/// <summary>
/// The follower on its own, stepped by hand on the test's thread: what it reads after each change to
/// the files, with no other thread and no timing involved but its own waits.
/// </summary>
public sealed class GlobFollowerTests
{
    private static readonly FollowOptions Fast = new() { MaxPollInterval = TimeSpan.FromMilliseconds(50), RotationGrace = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public void Starts_at_the_end_of_a_file_and_at_the_start_of_its_unfinished_line()
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        File.WriteAllText(log, "old 1\nold 2\nhal");
        using var follower = new GlobFollower([log], Fast);

        ReadAvailable(follower).Should().BeEmpty();
        File.AppendAllText(log, "f\nnew\n");

        ReadUntil(follower, 2).Should().Equal("half", "new");
    }

    [Fact]
    public void From_the_start_reads_what_is_there()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", "one", "two");
        using var follower = new GlobFollower([log], Fast with { FromStart = true });

        ReadUntil(follower, 2).Should().Equal("one", "two");
    }

    [Fact]
    public void A_line_is_handed_out_only_once_its_newline_is_written()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log], Fast);
        ReadAvailable(follower).Should().BeEmpty();

        File.AppendAllText(log, "abc");
        follower.Wait(CancellationToken.None);
        ReadAvailable(follower).Should().BeEmpty();
        File.AppendAllText(log, "def\r\nghi");
        ReadUntil(follower, 1).Should().Equal("abcdef");
        File.AppendAllText(log, "\n");
        ReadUntil(follower, 1).Should().Equal("ghi");
    }

    [Fact]
    public void A_file_truncated_in_place_is_read_again_from_its_start()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log], Fast);
        ReadAvailable(follower).Should().BeEmpty();
        File.AppendAllText(log, "a fairly long line before the rotation\n");
        ReadUntil(follower, 1).Should().Equal("a fairly long line before the rotation");

        File.WriteAllText(log, "after\n"); // copy-truncate: same file, shorter
        ReadUntil(follower, 1).Should().Equal("after");
        ReadAvailable(follower).Should().BeEmpty();
    }

    [Fact]
    public void A_file_truncated_and_grown_past_where_it_was_read_between_two_looks_is_read_from_its_start()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", "a line that was there when following started");
        using var follower = new GlobFollower([log], Fast);
        ReadAvailable(follower).Should().BeEmpty();
        File.AppendAllText(log, "short\n");
        ReadUntil(follower, 1).Should().Equal("short");

        // Truncated and written again, longer than before, while the follower was not looking.
        File.WriteAllText(log, "after 1: a line longer than all that was there before the rotation\nafter 2\n");

        ReadUntil(follower, 2).Should().Equal("after 1: a line longer than all that was there before the rotation", "after 2");
    }

    [Fact]
    public void A_file_truncated_and_grown_back_to_exactly_where_it_was_read_is_read_from_its_start()
    {
        // Lines of one length (a counter's) make this likely under copy-truncate: the file is as long
        // as before at the next look, and only its bytes tell it was rewritten.
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", "line 100");
        using var follower = new GlobFollower([log], new FollowOptions { FromStart = true });
        ReadUntil(follower, 1).Should().Equal("line 100");

        File.WriteAllText(log, "line 200\n");

        ReadUntil(follower, 1).Should().Equal("line 200");
    }

    [Fact]
    public void Rename_and_create_reads_the_old_file_to_its_end_then_the_new_one_from_its_start()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log], Fast);
        ReadAvailable(follower).Should().BeEmpty();
        File.AppendAllText(log, "1\n2\n");
        ReadUntil(follower, 2).Should().Equal("1", "2");

        File.AppendAllText(log, "3\n"); // not read before the rotation
        File.Move(log, log + ".1");
        File.AppendAllText(log + ".1", "4\n"); // a server that has not reopened its log yet
        File.WriteAllText(log, "5\n");

        ReadUntil(follower, 3).Should().Equal("3", "4", "5");
    }

    [Fact]
    public void A_rotated_file_the_glob_still_matches_is_not_read_again()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log + "*"], Fast);
        ReadAvailable(follower).Should().BeEmpty();
        File.AppendAllText(log, "1\n");
        ReadUntil(follower, 1).Should().Equal("1");

        File.Move(log, log + ".1");
        File.AppendAllText(log + ".1", "2\n");
        File.WriteAllText(log, "3\n");

        ReadUntil(follower, 2).Should().Equal("2", "3");
        Thread.Sleep(100);
        ReadAvailable(follower).Should().BeEmpty();
    }

    [Fact]
    public void Deleted_and_recreated_reads_what_the_deleted_file_still_had()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log], Fast);
        ReadAvailable(follower).Should().BeEmpty();

        File.AppendAllText(log, "last words\n");
        File.Delete(log);
        File.WriteAllText(log, "reborn\n");

        ReadUntil(follower, 2).Should().Equal("last words", "reborn");
    }

    [Fact]
    public void A_glob_that_matches_nothing_yet_waits_for_files_even_in_a_folder_still_missing()
    {
        using var temp = new TempDirectory();
        string folder = temp.File("later");
        using var follower = new GlobFollower([Path.Combine(folder, "*.log")], Fast);
        ReadAvailable(follower).Should().BeEmpty();
        follower.Wait(CancellationToken.None);

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.log"), "first\n");
        ReadUntil(follower, 1).Should().Equal("first");
        File.WriteAllText(Path.Combine(folder, "b.log"), "second\n");
        ReadUntil(follower, 1).Should().Equal("second");
    }

    [Fact]
    public void A_compressed_file_that_matches_is_not_followed()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log + "*"], Fast);
        ReadAvailable(follower).Should().BeEmpty();

        using (var gzip = new GZipStream(File.Create(log + ".2.gz"), CompressionLevel.Fastest))
        {
            gzip.Write("an old line\n"u8);
        }

        File.AppendAllText(log, "live\n");
        ReadUntil(follower, 1).Should().Equal("live");
        Thread.Sleep(100);
        ReadAvailable(follower).Should().BeEmpty();
        follower.OpenFiles.Should().Be(1);
    }

    [Fact]
    public void A_rotated_file_is_closed_once_quiet_and_its_unfinished_last_line_handed_out()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log], Fast);
        ReadAvailable(follower).Should().BeEmpty();

        File.AppendAllText(log, "complete\nunfinished");
        File.Move(log, log + ".1");

        ReadUntil(follower, 2).Should().Equal("complete", "unfinished");
        ReadAvailable(follower).Should().BeEmpty();
        follower.OpenFiles.Should().Be(0);
    }

    [Fact]
    public void A_backlog_larger_than_a_pass_is_read_without_waiting()
    {
        // Two files of 3 MB: each more than one pass may read of it before the other gets its turn.
        using var temp = new TempDirectory();
        string[] lines = [.. Enumerable.Range(1, 40_000).Select(i => $"line {i,6} " + new string('x', 64))];
        File.WriteAllLines(temp.File("a.log"), lines);
        File.WriteAllLines(temp.File("b.log"), lines);
        using var follower = new GlobFollower([temp.File("*.log")], Fast with { FromStart = true });

        List<string> read = ReadAvailable(follower);

        read.Should().HaveCount(80_000);
        read.Where(line => line.EndsWith('x')).Should().HaveCount(80_000);
        follower.Wakeups.Should().Be(0);
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_is_handed_out_whole()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log], Fast);
        ReadAvailable(follower).Should().BeEmpty();
        string longLine = new('y', 300_000);

        File.AppendAllText(log, longLine[..100_000]);
        follower.Wait(CancellationToken.None);
        ReadAvailable(follower).Should().BeEmpty();
        File.AppendAllText(log, longLine[100_000..] + "\nshort\n");

        ReadUntil(follower, 2).Should().Equal(longLine, "short");
    }

    [Fact]
    public void A_quiet_file_wakes_the_follower_a_few_times_a_second_at_most()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", "there");
        using var follower = new GlobFollower([log], new FollowOptions());
        ReadAvailable(follower).Should().BeEmpty();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            follower.Wait(CancellationToken.None);
            ReadAvailable(follower).Should().BeEmpty();
        }

        // 10 ms doubling to 1 s: 10, 20, 40 ... 640, then 1 s: about ten in three seconds.
        follower.Wakeups.Should().BeInRange(3, 15);
    }

    [Fact]
    public void Cancelling_ends_a_wait_at_once()
    {
        using var temp = new TempDirectory();
        using var follower = new GlobFollower([temp.File("*.log")], new FollowOptions { MaxPollInterval = TimeSpan.FromMinutes(1) });
        ReadAvailable(follower).Should().BeEmpty();
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (follower.Wait(stop.Token))
        {
        }

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void An_over_long_line_written_in_pieces_is_one_line_without_its_bytes()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log], Fast);
        ReadAvailable(follower).Should().BeEmpty();
        byte[] piece = new byte[1024 * 1024];
        piece.AsSpan().Fill((byte)'x');

        File.AppendAllText(log, "first\n");
        var lines = new List<(long, bool, string)>();
        for (int written = 0; written <= LineReader.MaxLineLength; written += piece.Length)
        {
            using (var append = new FileStream(log, FileMode.Append))
            {
                append.Write(piece);
            }

            lines.AddRange(ReadNumbered(follower));
        }

        File.AppendAllText(log, "\r\nlast\n");
        lines.AddRange(ReadNumberedUntil(follower, 3 - lines.Count));

        lines.Should().Equal((1L, false, "first"), (2L, true, ""), (3L, false, "last"));
    }

    [Fact]
    public void An_over_long_last_line_of_a_file_rotated_away_is_one_line()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using var follower = new GlobFollower([log], Fast);
        ReadAvailable(follower).Should().BeEmpty();
        byte[] huge = new byte[LineReader.MaxLineLength + 10];
        huge.AsSpan().Fill((byte)'x');

        File.AppendAllText(log, "1\n");
        using (var append = new FileStream(log, FileMode.Append))
        {
            append.Write(huge); // no newline: the writer never finished it
        }

        List<(long, bool, string)> before = ReadNumberedUntil(follower, 1);
        File.Move(log, log + ".1");
        File.WriteAllText(log, "2\n");

        // The unfinished rest is taken once the old file has been quiet for the grace period, by
        // which time the new file's line has been read.
        before.Should().Equal((1L, false, "1"));
        ReadNumberedUntil(follower, 2).Should().BeEquivalentTo([(2L, true, ""), (1L, false, "2")]);
    }

    /// <summary>Each line read now, with its number and whether it was over-long.</summary>
    private static List<(long Number, bool Overlong, string Text)> ReadNumbered(GlobFollower follower)
    {
        var lines = new List<(long, bool, string)>();
        while (follower.TryReadLine(out FollowedFile? file))
        {
            lines.Add((file.LineNumber, file.IsOverlong, file.Line.ToString()));
        }

        return lines;
    }

    private static List<(long Number, bool Overlong, string Text)> ReadNumberedUntil(GlobFollower follower, int count)
    {
        var lines = new List<(long, bool, string)>();
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (lines.Count < count && DateTime.UtcNow < deadline)
        {
            lines.AddRange(ReadNumbered(follower));
            if (lines.Count < count)
            {
                follower.Wait(CancellationToken.None);
            }
        }

        return lines;
    }

    private static List<string> ReadAvailable(GlobFollower follower)
    {
        var lines = new List<string>();
        while (follower.TryReadLine(out FollowedFile? file))
        {
            lines.Add(file.Line.ToString());
        }

        return lines;
    }

    private static List<string> ReadUntil(GlobFollower follower, int count)
    {
        var lines = new List<string>();
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (lines.Count < count)
        {
            lines.AddRange(ReadAvailable(follower));
            if (lines.Count >= count || DateTime.UtcNow > deadline)
            {
                break;
            }

            follower.Wait(CancellationToken.None);
        }

        return lines;
    }
}
