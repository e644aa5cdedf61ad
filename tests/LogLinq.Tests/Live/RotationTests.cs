using System.Diagnostics;
using LogLinq.Live;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Live;

/// <summary>
/// Following through rotation while a real process writes: every line the writer wrote is seen
/// exactly once, whichever way the log is rotated under the follower.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class RotationTests
{
    private const int Lines = 300;
    private const int RotateEvery = 100;

    /// <summary>
    /// Appends "line i" by opening the file for each line, as <c>>></c> does, and rotates it every
    /// $3 lines: rename (mv), delete (rm), or copytruncate (cp then truncate in place, once the test
    /// has seen the last line before it: a copy-truncate loses whatever is written between the copy
    /// and the truncation, for every follower).
    /// </summary>
    private const string Writer = """
        f=$1; n=$2; every=$3; mode=$4
        for ((i = 1; i <= n; i++)); do
          echo "line $i" >> "$f"
          if (( i % every == 0 && i < n )); then
            case $mode in
              rename) mv "$f" "$f.1" ;;
              delete) rm "$f" ;;
              copytruncate)
                until [ -e "$f.go$i" ]; do sleep 0.01; done
                cp "$f" "$f.1"; : > "$f" ;;
            esac
          fi
          sleep 0.002
        done
        """;

    /// <summary>
    /// Keeps the file open as a server does, rotates it by renaming, writes five more lines into the
    /// renamed file (the server has not been told yet), then reopens the name and goes on.
    /// </summary>
    private const string ServerWriter = """
        f=$1; n=$2; every=$3
        exec 3>>"$f"
        for ((i = 1; i <= n; i++)); do
          echo "line $i" >&3
          if (( i % every == 0 && i < n )); then
            mv "$f" "$f.1"
            for j in 1 2 3 4 5; do echo "late $i.$j" >&3; sleep 0.01; done
            exec 3>>"$f"
          fi
          sleep 0.002
        done
        """;

    [Theory]
    [InlineData("rename", "access-log", true)]
    [InlineData("rename", "access-log*", true)] // the rotated name matches too: it must not be read twice
    [InlineData("delete", "access-log", true)]
    [InlineData("copytruncate", "access-log", true)]
    [InlineData("rename", "access-log", false)] // polling alone, as where notifications do not work
    [InlineData("delete", "access-log", false)]
    [InlineData("copytruncate", "access-log", false)]
    public async Task A_rotated_log_loses_and_repeats_no_line(string mode, string glob, bool notifications)
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        using var follower = await StartFollowingAsync(log, temp.File(glob), notifications);

        using Process writer = ShellProcess.Start(Writer, log, $"{Lines}", $"{RotateEvery}", mode);
        if (mode == "copytruncate")
        {
            for (int i = RotateEvery; i < Lines; i += RotateEvery)
            {
                int last = i;
                await follower.WaitUntilAsync(lines => lines.Contains($"line {last}"));
                File.WriteAllText($"{log}.go{i}", "");
            }
        }

        await ShellProcess.WaitForSuccessAsync(writer, TimeSpan.FromSeconds(60));
        IReadOnlyList<string> seen = await SettleAsync(follower, Lines + 1);

        seen.Should().Equal(["ready", .. Enumerable.Range(1, Lines).Select(i => $"line {i}")]);
    }

    [Fact]
    public async Task Lines_a_server_writes_into_the_rotated_file_before_it_reopens_its_log_are_not_lost()
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        using var follower = await StartFollowingAsync(log, log);

        using Process writer = ShellProcess.Start(ServerWriter, log, $"{Lines}", $"{RotateEvery}");
        await ShellProcess.WaitForSuccessAsync(writer, TimeSpan.FromSeconds(60));
        int late = (Lines / RotateEvery - 1) * 5;
        IReadOnlyList<string> seen = await SettleAsync(follower, Lines + late + 1);

        // Across two files the order is the order of reading; within each file it is the order of writing.
        seen.Should().BeEquivalentTo(
            ["ready", .. Enumerable.Range(1, Lines).Select(i => $"line {i}"),
             .. Enumerable.Range(1, Lines / RotateEvery - 1).SelectMany(r => Enumerable.Range(1, 5).Select(j => $"late {r * RotateEvery}.{j}"))]);
        seen.Where(line => line.StartsWith("line ", StringComparison.Ordinal)).Should()
            .Equal(Enumerable.Range(1, Lines).Select(i => $"line {i}"));
    }

    [Fact]
    public async Task Files_that_start_to_match_are_read_from_their_start()
    {
        using var temp = new TempDirectory();
        string first = temp.File("a.log");
        using var follower = await StartFollowingAsync(first, temp.File("*.log"));

        const string NewFiles = """
            for name in b c d; do
              for ((i = 1; i <= 20; i++)); do echo "$name $i" >> "$1/$name.log"; sleep 0.002; done
              echo "a after $name" >> "$1/a.log"
            done
            echo "not a log" >> "$1/notes.txt"
            """;
        using Process writer = ShellProcess.Start(NewFiles, temp.Path);
        await ShellProcess.WaitForSuccessAsync(writer, TimeSpan.FromSeconds(60));
        IReadOnlyList<string> seen = await SettleAsync(follower, 1 + 60 + 3);

        seen.Should().BeEquivalentTo(
            ["ready", .. new[] { "b", "c", "d" }.SelectMany(name => Enumerable.Range(1, 20).Select(i => $"{name} {i}")),
             "a after b", "a after c", "a after d"]);
        seen.Where(line => line.StartsWith('c')).Should().Equal(Enumerable.Range(1, 20).Select(i => $"c {i}"));
    }

    [Fact]
    public async Task A_line_written_in_pieces_is_seen_once_whole_and_only_when_finished()
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        using var follower = await StartFollowingAsync(log, log);

        // The writer waits at each half line until the test has looked: a handshake, not a sleep, so a
        // slow machine cannot make the test look after the line was finished.
        const string Pieces = """
            printf 'first half' >> "$1"
            touch "$2/written-1"; while [ ! -e "$2/looked-1" ]; do sleep 0.02; done
            printf ', second half\nnext' >> "$1"
            touch "$2/written-2"; while [ ! -e "$2/looked-2" ]; do sleep 0.02; done
            printf ' line\n' >> "$1"
            """;
        using Process writer = ShellProcess.Start(Pieces, log, temp.Path);

        await WhenExistsAsync(temp.File("written-1"));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        follower.Lines.Should().Equal(["ready"], "half a line is not a line");
        File.WriteAllText(temp.File("looked-1"), "");

        await WhenExistsAsync(temp.File("written-2"));
        await follower.WaitForCountAsync(2);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        follower.Lines.Should().Equal(["ready", "first half, second half"], "the next line is not finished yet");
        File.WriteAllText(temp.File("looked-2"), "");

        await ShellProcess.WaitForSuccessAsync(writer, TimeSpan.FromSeconds(30));
        IReadOnlyList<string> seen = await SettleAsync(follower, 3);

        seen.Should().Equal("ready", "first half, second half", "next line");
    }

    /// <summary>
    /// Follows <paramref name="glob"/> once <paramref name="log"/> holds a "ready" line, and returns
    /// when the follower has seen it: from then on the follower has found the file, and the writer may
    /// rotate it at once without the test racing the follower's start.
    /// </summary>
    private static async Task<FollowRecorder> StartFollowingAsync(string log, string glob, bool notifications = true)
    {
        File.WriteAllText(log, "ready\n");
        var follower = new FollowRecorder(glob, new FollowOptions { FromStart = true, Notifications = notifications });
        await follower.WaitForCountAsync(1);
        return follower;
    }

    private static async Task WhenExistsAsync(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!File.Exists(path))
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Waits for <paramref name="count"/> lines, then a little longer, in which a repeated line would show.</summary>
    private static async Task<IReadOnlyList<string>> SettleAsync(FollowRecorder follower, int count)
    {
        await follower.WaitForCountAsync(count);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return await follower.StopAsync();
    }
}
