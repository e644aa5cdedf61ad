using System.Text;
using LogLinq.Sources;

namespace LogLinq.Tests.Sources;

/// <summary>
/// The bytes <see cref="LogFileOpener"/> hands out for a zip archive: its files' contents, in order,
/// each ended by a newline, from a file or from a pipe; and its errors, naming the archive and the file in it.
/// </summary>
public sealed class ZipOpenerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_the_files_contents_in_order_with_a_newline_after_each_that_lacks_one()
    {
        string zip = ZipArchives.Write(_temp.File("x.zip"), ("a.log", "one\ntwo"), ("dir/", ""), ("dir/b.log", "three\n"), ("c.log", "four\r\n"), ("d.log", "five"));

        using Stream stream = LogFileOpener.Open(zip);

        Encoding.UTF8.GetString(ReadAll(stream)).Should().Be("one\ntwo\nthree\nfour\r\nfive\n");
    }

    [Fact]
    public void Reads_an_archive_from_a_pipe_as_from_a_file()
    {
        (byte[] first, byte[] rest) = ZipArchives.SplitSample(3000);
        string zip = ZipArchives.Write(_temp.File("x.zip"), ("access-log.1", first), ("access-log", rest));

        using Stream stream = LogFileOpener.Open(new ForwardOnlyStream(File.OpenRead(zip)), "standard input");

        ReadAll(stream).Should().Equal(File.ReadAllBytes(CompressedSamples.OriginalPath));
    }

    [Fact]
    public void A_damaged_file_in_the_archive_is_named_after_the_bytes_before_it()
    {
        (byte[] first, byte[] rest) = ZipArchives.SplitSample(3000);
        byte[] zip = File.ReadAllBytes(ZipArchives.Write(_temp.File("whole.zip"), ("access-log.1", first), ("access-log", rest)));

        // Garbage in the middle of the second file's data, found after its local header. It may
        // still inflate: the file's CRC-32 tells.
        int second = zip.AsSpan(1).IndexOf("PK\x03\x04"u8) + 1;
        int middle = second + ((zip.Length - second) / 3);
        for (int i = middle; i < middle + 64; i++)
        {
            zip[i] ^= 0x55;
        }

        string damaged = _temp.Write("damaged.zip", zip);
        using Stream stream = LogFileOpener.Open(damaged);
        using var read = new MemoryStream();

        var readAll = () => stream.CopyTo(read);

        LogSourceException error = readAll.Should().Throw<LogSourceException>().Which;
        error.Message.Should().Be($"{damaged}: entry access-log: corrupt or truncated zip data after {read.Length} bytes");
        error.Path.Should().Be(damaged);
        read.ToArray().AsSpan(0, first.Length).ToArray().Should().Equal(first, "the first file is whole");
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var read = new MemoryStream();
        stream.CopyTo(read);
        return read.ToArray();
    }

    /// <summary>A stream that cannot seek, as a pipe.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
