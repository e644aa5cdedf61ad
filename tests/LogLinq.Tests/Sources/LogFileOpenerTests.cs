using LogLinq.Sources;

namespace LogLinq.Tests.Sources;

public sealed class LogFileOpenerTests(CompressedSamples samples) : IClassFixture<CompressedSamples>
{
    private const int ReadBufferSize = 64 * 1024;

    public static TheoryData<string> WholeFiles =>
    [
        "plain", "gzip", "bzip2", "xz", "zstd",
        "gzip-concatenated", "bzip2-concatenated", "xz-concatenated", "zstd-concatenated", "bzip2-blocks",
        "gzip-named-txt", "plain-named-gz", "zstd-named-bz2",
    ];

    public static TheoryData<string> CutFiles =>
    [
        "gzip-half", "gzip-no-size", "gzip-no-trailer", "bzip2-half", "xz-half", "xz-no-footer", "zstd-half",
        "gzip-concatenated-cut", "bzip2-concatenated-cut", "xz-concatenated-cut", "zstd-concatenated-cut",
    ];

    [Theory]
    [MemberData(nameof(WholeFiles))]
    public void Decodes_every_codec_to_the_original_bytes(string sample)
    {
        (byte[] content, LogSourceException? error) = ReadAll(samples.Path(sample));

        error.Should().BeNull();
        content.Should().Equal(samples.Original);
    }

    [Theory]
    [MemberData(nameof(WholeFiles))]
    public void Counts_the_file_size_read_from_disk_and_one_open_and_close(string sample)
    {
        var counters = new ReadCounters();
        string path = samples.Path(sample);

        Stream stream = LogFileOpener.Open(path, counters);
        counters.FilesOpened.Should().Be(1);
        counters.FilesClosed.Should().Be(0);
        stream.CopyTo(Stream.Null, ReadBufferSize);
        counters.BytesRead.Should().Be(new FileInfo(path).Length);
        stream.Dispose();
        stream.Dispose();

        counters.FilesOpened.Should().Be(1);
        counters.FilesClosed.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(CutFiles))]
    public void A_cut_file_delivers_what_precedes_the_cut_then_throws_naming_the_file(string sample)
    {
        string path = samples.Path(sample);

        (byte[] content, LogSourceException? error) = ReadAll(path);

        error.Should().NotBeNull("a truncated file must not read as a shorter valid one");
        error!.Message.Should().StartWith($"{path}: corrupt or truncated ").And.EndWith($" data after {content.Length} bytes");
        error.Path.Should().Be(path);
        error.Position.Should().Be(content.Length);
        content.Should().NotBeEmpty();
        content.Length.Should().BeLessThanOrEqualTo(samples.Original.Length);
        content.Should().Equal(samples.Original.AsSpan(0, content.Length).ToArray());
    }

    [Theory]
    [InlineData("gzip-no-trailer")]
    [InlineData("gzip-partial-member")]
    public void A_gzip_file_cut_after_its_data_delivers_all_of_it_then_throws(string sample)
    {
        (byte[] content, LogSourceException? error) = ReadAll(samples.Path(sample));

        content.Should().Equal(samples.Original);
        error.Should().NotBeNull();
    }

    [Theory]
    [InlineData("gzip", 1)]
    [InlineData("gzip", 7)]
    [InlineData("gzip-concatenated", 4093)]
    [InlineData("xz-concatenated", 7)]
    [InlineData("bzip2-concatenated", 7)]
    public void Small_reads_give_the_same_bytes(string sample, int bufferSize)
    {
        (byte[] content, LogSourceException? error) = ReadAll(samples.Path(sample), bufferSize);

        error.Should().BeNull();
        content.Should().Equal(samples.Original);
    }

    [Theory]
    [InlineData("gzip-half", 7)]
    [InlineData("gzip-no-trailer", 1)]
    public void Small_reads_of_a_cut_file_throw_after_the_same_bytes(string sample, int bufferSize)
    {
        (byte[] whole, _) = ReadAll(samples.Path(sample));

        (byte[] content, LogSourceException? error) = ReadAll(samples.Path(sample), bufferSize);

        error.Should().NotBeNull();
        content.Should().Equal(whole);
    }

    [Fact]
    public void A_zero_byte_read_does_not_end_the_stream()
    {
        using Stream stream = LogFileOpener.Open(samples.Path("gzip"));

        stream.Read([]).Should().Be(0);
        stream.ReadAtLeast(new byte[100], 100).Should().Be(100);
    }

    [Fact]
    public void A_corrupt_gzip_file_throws_naming_the_file()
    {
        string path = samples.Path("gzip-corrupt");

        (_, LogSourceException? error) = ReadAll(path);

        error.Should().NotBeNull();
        error!.Message.Should().StartWith($"{path}: corrupt or truncated gzip data after ");
        error.InnerException.Should().NotBeNull();
    }

    [Theory]
    [InlineData("gzip-zero-padded")]
    [InlineData("bzip2-garbage")]
    public void Data_after_the_last_gzip_or_bzip2_stream_is_ignored_as_their_tools_do(string sample)
    {
        (byte[] content, LogSourceException? error) = ReadAll(samples.Path(sample));

        error.Should().BeNull();
        content.Should().Equal(samples.Original);
    }

    [Fact]
    public void Garbage_after_xz_data_is_an_error_as_xz_makes_it()
    {
        (byte[] content, LogSourceException? error) = ReadAll(samples.Path("xz-garbage"));

        content.Should().Equal(samples.Original);
        error.Should().NotBeNull();
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("gzip-empty")]
    public void An_empty_file_reads_as_empty(string sample)
    {
        (byte[] content, LogSourceException? error) = ReadAll(samples.Path(sample));

        error.Should().BeNull();
        content.Should().BeEmpty();
    }

    [Fact]
    public void Reading_one_buffer_of_a_big_plain_file_reads_one_buffer_from_disk()
    {
        string big = Path.Combine(samples.Directory, "big-plain");
        using (FileStream file = File.Create(big))
        {
            for (int i = 0; i < 8; i++)
            {
                file.Write(samples.Original);
            }
        }

        var counters = new ReadCounters();
        using (Stream stream = LogFileOpener.Open(big, counters))
        {
            byte[] buffer = new byte[ReadBufferSize];
            stream.ReadAtLeast(buffer, buffer.Length).Should().Be(buffer.Length);
            counters.BytesRead.Should().BeInRange(ReadBufferSize, ReadBufferSize + 16);
        }

        counters.FilesClosed.Should().Be(1);
    }

    [Fact]
    public void Reading_one_buffer_of_a_gzip_file_reads_a_fraction_of_it()
    {
        var counters = new ReadCounters();
        using Stream stream = LogFileOpener.Open(samples.Path("gzip"), counters);

        stream.ReadAtLeast(new byte[ReadBufferSize], ReadBufferSize);

        counters.BytesRead.Should().BeLessThanOrEqualTo(2 * ReadBufferSize).And.BeLessThan(new FileInfo(samples.Path("gzip")).Length);
    }

    [Fact]
    public void Opening_decodes_nothing_so_damage_shows_on_reading()
    {
        var counters = new ReadCounters();
        Stream stream = LogFileOpener.Open(samples.Path("bzip2-half"), counters);

        counters.BytesRead.Should().Be(0);
        var readAll = () => stream.CopyTo(Stream.Null);
        readAll.Should().Throw<LogSourceException>();
        readAll.Should().Throw<LogSourceException>("a failed stream stays failed");
        stream.Dispose();
        counters.FilesClosed.Should().Be(1);
    }

    [Fact]
    public void A_missing_file_throws_no_such_file()
    {
        string path = Path.Combine(samples.Directory, "missing");

        var open = () => LogFileOpener.Open(path);

        open.Should().Throw<LogSourceException>().WithMessage($"{path}: no such file").Which.Path.Should().Be(path);
    }

    [Fact]
    public void A_file_deleted_before_opening_throws_no_such_file()
    {
        string path = Path.Combine(samples.Directory, "deleted");
        File.WriteAllText(path, "x");
        File.Delete(path);

        var open = () => LogFileOpener.Open(path);

        open.Should().Throw<LogSourceException>().WithMessage($"{path}: no such file");
    }

    [Fact]
    public void A_directory_throws_is_a_directory()
    {
        var open = () => LogFileOpener.Open(samples.Directory);

        open.Should().Throw<LogSourceException>().WithMessage($"{samples.Directory}: is a directory");
    }

    [NonRootFact]
    public void An_unreadable_file_throws_permission_denied()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // skipped by the attribute; this tells the platform analyzer
        }

        string path = Path.Combine(samples.Directory, "secret");
        File.WriteAllText(path, "x");
        File.SetUnixFileMode(path, UnixFileMode.None);
        var counters = new ReadCounters();

        var open = () => LogFileOpener.Open(path, counters);

        open.Should().Throw<LogSourceException>().WithMessage($"{path}: permission denied");
        counters.FilesOpened.Should().Be(0);
    }

    /// <summary>Reads the file to its end or its first error, by default in the buffer size the line reader uses.</summary>
    private static (byte[] Content, LogSourceException? Error) ReadAll(string path, int bufferSize = ReadBufferSize)
    {
        var content = new MemoryStream();
        var counters = new ReadCounters();
        try
        {
            using Stream stream = LogFileOpener.Open(path, counters);
            byte[] buffer = new byte[bufferSize];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                content.Write(buffer, 0, read);
            }

            return (content.ToArray(), null);
        }
        catch (LogSourceException e)
        {
            return (content.ToArray(), e);
        }
        finally
        {
            counters.FilesClosed.Should().Be(counters.FilesOpened, "the file is closed whatever happens");
        }
    }
}
