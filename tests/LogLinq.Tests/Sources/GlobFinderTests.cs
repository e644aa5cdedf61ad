using LogLinq.Sources;

namespace LogLinq.Tests.Sources;

public sealed class GlobFinderTests : IDisposable
{
    private readonly string _root = TestPaths.TempDir();

    public GlobFinderTests()
    {
        string[] files =
        [
            "a.log", "b.log", "c.txt", ".hidden.log", "x1.log", "x2.log", "xa.log", "[x].log",
            "sub/d.log", "sub/deep/e.log", "sub/deep/f.txt", "sub/.dot/h.log", "other/g.log", "other/a.log",
        ];
        foreach (string file in files)
        {
            string path = In(file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file);
        }
    }

    public void Dispose()
    {
        string secret = In("secret");
        if (!OperatingSystem.IsWindows() && Directory.Exists(secret))
        {
            File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_root, recursive: true);
    }

    private string In(string relative) => Path.Combine(_root, relative);

    private string[] Find(params string[] globs) => [.. GlobFinder.Find(globs.Select(In))];

    private string[] Expect(params string[] relative) => [.. relative.Select(In)];

    [Fact]
    public void Star_matches_within_one_directory_only_and_includes_hidden_files()
    {
        Find("*.log").Should().Equal(Expect(".hidden.log", "[x].log", "a.log", "b.log", "x1.log", "x2.log", "xa.log"));
    }

    [Fact]
    public void Double_star_matches_any_depth_including_none()
    {
        Find("**/*.log").Should().Equal(Expect(
            ".hidden.log", "[x].log", "a.log", "b.log", "other/a.log", "other/g.log",
            "sub/.dot/h.log", "sub/d.log", "sub/deep/e.log", "x1.log", "x2.log", "xa.log"));
    }

    [Fact]
    public void Double_star_between_literals_matches_zero_or_more_directories()
    {
        Find("sub/**/e.log").Should().Equal(Expect("sub/deep/e.log"));
        Find("**/a.log").Should().Equal(Expect("a.log", "other/a.log"));
    }

    [Fact]
    public void Trailing_double_star_matches_every_file_below()
    {
        Find("sub/**").Should().Equal(Expect("sub/.dot/h.log", "sub/d.log", "sub/deep/e.log", "sub/deep/f.txt"));
    }

    [Fact]
    public void Question_mark_matches_exactly_one_character()
    {
        Find("x?.log").Should().Equal(Expect("x1.log", "x2.log", "xa.log"));
        Find("?.log").Should().Equal(Expect("a.log", "b.log"));
    }

    [Fact]
    public void Bracket_classes_match_sets_ranges_and_negations()
    {
        Find("[abc].*").Should().Equal(Expect("a.log", "b.log", "c.txt"));
        Find("x[0-9].log").Should().Equal(Expect("x1.log", "x2.log"));
        Find("[!a].log").Should().Equal(Expect("b.log"));
        Find("x[!0-9].log").Should().Equal(Expect("xa.log"));
        Find("[[]x].log").Should().Equal(Expect("[x].log"));
    }

    [Fact]
    public void Wildcards_in_directory_segments_match_nested_directories()
    {
        Find("*/deep/*").Should().Equal(Expect("sub/deep/e.log", "sub/deep/f.txt"));
        Find("s?b/*/*.log").Should().Equal(Expect("sub/.dot/h.log", "sub/deep/e.log"));
    }

    [Fact]
    public void Only_files_are_found_never_directories()
    {
        Find("*").Should().NotContain(Expect("sub", "other"));
        var onlyDirectories = () => Find("s*");
        onlyDirectories.Should().Throw<LogSourceException>("'s*' matches only the directory sub");
    }

    [Fact]
    public void Literal_path_names_one_file()
    {
        Find("sub/d.log").Should().Equal(Expect("sub/d.log"));
    }

    [Fact]
    public void Files_that_are_not_rotations_of_one_another_come_in_ordinal_order_every_time()
    {
        // None of the fixture's names ends in a rotation number or stamp (see RotationOrderTests).
        string[] first = Find("**/*");
        first.Should().Equal(first.Order(StringComparer.Ordinal));
        Find("**/*").Should().Equal(first);
    }

    [Fact]
    public void Several_globs_are_concatenated_in_the_order_given()
    {
        Find("*.txt", "other/*", "x?.log").Should().Equal(Expect(
            "c.txt", "other/a.log", "other/g.log", "x1.log", "x2.log", "xa.log"));
    }

    [Fact]
    public void A_file_matched_twice_is_found_once_at_its_first_place()
    {
        Find("x*.log", "**/x1.log", "*.log").Should().Equal(Expect(
            "x1.log", "x2.log", "xa.log", ".hidden.log", "[x].log", "a.log", "b.log"));
        GlobFinder.Find(In("a.log"), Path.Combine(_root, ".", "a.log")).Should().Equal(In("a.log"));
    }

    [Fact]
    public void A_file_reached_through_a_symbolic_link_is_found_once_at_its_first_place()
    {
        // Servers and packages leave links beside their logs: access.log -> access.log.1 after a
        // rotation script, a "current" link to the newest file. "*" finds both names of one file.
        File.CreateSymbolicLink(In("sub/current.log"), In("sub/d.log"));
        Directory.CreateSymbolicLink(In("linked"), In("other"));

        Find("sub/*.log").Should().Equal(Expect("sub/current.log"));
        Find("sub/d.log", "sub/*.log").Should().Equal(Expect("sub/d.log"));
        Find("other/*.log", "linked/g.log").Should().Equal(Expect("other/a.log", "other/g.log"));
    }

    [Fact]
    public void A_glob_that_matches_nothing_throws_naming_the_glob()
    {
        string glob = In("nope*");
        var act = () => GlobFinder.Find(In("a.log"), glob).ToList();
        act.Should().Throw<LogSourceException>()
            .WithMessage($"no files match '{glob}'")
            .Which.Path.Should().Be(glob);
    }

    [Fact]
    public void A_file_named_with_a_globs_characters_is_found_by_its_name()
    {
        // "[x].log" as a glob is the class [x] then ".log": it matches "x.log", which is not there.
        Find("[x].log").Should().Equal(Expect("[x].log"));
    }

    [Fact]
    public void A_directory_is_not_a_log_and_the_message_says_how_to_name_its_logs()
    {
        string glob = In("sub");
        var act = () => GlobFinder.Find(glob).ToList();
        act.Should().Throw<LogSourceException>()
            .WithMessage($"'{glob}' is a directory: name its logs with a glob, as '{glob}/*.log' or '{glob}/**/*'");
    }

    [Fact]
    public void Missing_literal_file_and_missing_start_directory_match_nothing()
    {
        var missingFile = () => Find("sub/zzz.log");
        missingFile.Should().Throw<LogSourceException>().WithMessage("no files match '*sub/zzz.log'");
        var missingDir = () => Find("nodir/**/*.log");
        missingDir.Should().Throw<LogSourceException>().WithMessage("no files match '*nodir/**/*.log'");
    }

    [Fact]
    public void Nothing_is_touched_before_enumeration()
    {
        IEnumerable<string> files = GlobFinder.Find("/no/such/dir/**/*.log");
        var enumerate = () => files.First();
        enumerate.Should().Throw<LogSourceException>();
    }

    [Fact]
    public void Every_glob_is_checked_before_the_first_file_is_returned()
    {
        using IEnumerator<string> files = GlobFinder.Find(In("a.log"), In("nope*")).GetEnumerator();
        var first = () => files.MoveNext();
        first.Should().Throw<LogSourceException>();
    }

    [Fact]
    public void Relative_globs_keep_the_prefix_as_written()
    {
        // Relative to the test's current directory, which no test changes.
        string prefix = Path.GetRelativePath(Environment.CurrentDirectory, _root).Replace('\\', '/');
        GlobFinder.Find(prefix + "/sub/**/*.log").Should().Equal(
            prefix + "/sub/.dot/h.log", prefix + "/sub/d.log", prefix + "/sub/deep/e.log");
    }

    [Fact]
    public void Finds_the_six_sample_logs_under_data_www()
    {
        string www = Path.Combine(TestPaths.Data, "www");
        // Per directory, the rotated copies oldest first (0108 before 0208) and the live file last.
        GlobFinder.Find(Path.Combine(TestPaths.Data, "www/**/access-log*")).Should().Equal(
            Path.Combine(www, "bar/access-log-0108.bz2"),
            Path.Combine(www, "bar/access-log-0208.bz2"),
            Path.Combine(www, "bar/access-log"),
            Path.Combine(www, "foo/access-log-0108.gz"),
            Path.Combine(www, "foo/access-log-0208.gz"),
            Path.Combine(www, "foo/access-log"));
    }

    [Fact]
    public void Double_star_does_not_follow_directory_links_so_a_loop_ends()
    {
        Directory.CreateSymbolicLink(In("sub/loop"), _root);
        File.CreateSymbolicLink(In("link.log"), In("a.log"));
        File.CreateSymbolicLink(In("dangling.log"), In("gone.log"));

        string[] found = Find("**/*.log");

        found.Should().Contain(In("a.log")).And.NotContain(In("dangling.log"));
        found.Should().NotContain(In("link.log"), "the file it links to is found first, and a file is read once");
        Find("l*.log").Should().Equal(Expect("link.log"), "a link to a file is found");
        found.Should().NotContain(file => file.Contains("/loop/", StringComparison.Ordinal));
        Find("sub/loop/a.log").Should().Equal(Expect("sub/loop/a.log"), "a named link is followed");
        var danglingByName = () => Find("dangling.log");
        danglingByName.Should().Throw<LogSourceException>("a dangling link is not a file");
        Find("sub/l*/x?.log").Should().Equal(Expect("sub/loop/x1.log", "sub/loop/x2.log", "sub/loop/xa.log"));
    }

    [NonRootFact]
    public void An_unreadable_directory_on_the_way_throws_naming_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // skipped by the attribute; this tells the platform analyzer
        }

        string secret = In("secret");
        Directory.CreateDirectory(secret);
        File.SetUnixFileMode(secret, UnixFileMode.None);

        var act = () => Find("**/*.log");
        act.Should().Throw<LogSourceException>().WithMessage($"permission denied: {secret}");
        Find("sub/*.log").Should().Equal(Expect("sub/d.log"), "a walk that does not need it never lists it");
    }
}
