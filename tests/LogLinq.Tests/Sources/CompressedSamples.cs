namespace LogLinq.Tests.Sources;

/// <summary>
/// data/access-log compressed every way the opener must read, made once per test class with the
/// real command-line tools, plus damaged copies.
/// </summary>
public sealed class CompressedSamples : IDisposable
{
    public CompressedSamples()
    {
        Original = File.ReadAllBytes(OriginalPath);
        string part1 = Write("part1", Original.AsSpan(0, Original.Length / 2));
        string part2 = Write("part2", Original.AsSpan(Original.Length / 2));

        Add("plain", OriginalPath);
        Add("gzip", Tools.Compress("gzip", OriginalPath, In("access-log.gz")));
        Add("bzip2", Tools.Compress("bzip2", OriginalPath, In("access-log.bz2")));
        Add("xz", Tools.Compress("xz", OriginalPath, In("access-log.xz")));
        Add("zstd", Tools.Compress("zstd", OriginalPath, In("access-log.zst"), "-q"));

        // Whole files made of several members, streams or frames, as cat, pigz -i or pbzip2 write them.
        foreach ((string codec, string tool, string ext) in Codecs)
        {
            string first = Tools.Compress(tool, part1, In($"part1.{ext}"), tool == "zstd" ? "-q" : "-6");
            string second = Tools.Compress(tool, part2, In($"part2.{ext}"), tool == "zstd" ? "-q" : "-6");
            Add($"{codec}-concatenated", Tools.Concatenate(In($"concatenated.{ext}"), first, second));

            // Cut inside the second stream, so the first is whole and delivered.
            Add($"{codec}-concatenated-cut", Cut(Path($"{codec}-concatenated"), $"concatenated-cut.{ext}", keep: length => length * 3 / 4));
        }

        // Several small bzip2 blocks, so that a cut file still has whole blocks to deliver.
        Add("bzip2-blocks", Tools.Compress("bzip2", OriginalPath, In("blocks.bz2"), "-1"));

        Add("gzip-named-txt", Copy(Path("gzip"), "gzip.txt"));
        Add("plain-named-gz", Copy(Path("plain"), "plain.gz"));
        Add("zstd-named-bz2", Copy(Path("zstd"), "zstd.bz2"));

        Add("gzip-half", Cut(Path("gzip"), "half.gz", keep: length => length / 2));
        Add("gzip-no-size", Cut(Path("gzip"), "no-size.gz", keep: length => length - 4));
        Add("gzip-no-trailer", Cut(Path("gzip"), "no-trailer.gz", keep: length => length - 8));
        Add("bzip2-half", Cut(Path("bzip2-blocks"), "half.bz2", keep: length => length / 2));
        Add("xz-half", Cut(Path("xz"), "half.xz", keep: length => length / 2));
        Add("xz-no-footer", Cut(Path("xz"), "no-footer.xz", keep: length => length - 12));
        Add("zstd-half", Cut(Path("zstd"), "half.zst", keep: length => length / 2));

        byte[] corrupt = File.ReadAllBytes(Path("gzip"));
        for (int i = corrupt.Length / 2; i < corrupt.Length / 2 + 16; i++)
        {
            corrupt[i] ^= 0x55;
        }

        Add("gzip-corrupt", Write("corrupt.gz", corrupt));
        Add("gzip-partial-member", Write("partial-member.gz", [.. File.ReadAllBytes(Path("gzip")), .. File.ReadAllBytes(Path("gzip")).AsSpan(0, 10)]));
        Add("gzip-zero-padded", Write("zero-padded.gz", [.. File.ReadAllBytes(Path("gzip")), .. new byte[512]]));
        Add("xz-garbage", Write("garbage.xz", [.. File.ReadAllBytes(Path("xz")), .. "garbage\n"u8]));
        Add("bzip2-garbage", Write("garbage.bz2", [.. File.ReadAllBytes(Path("bzip2")), .. "garbage\n"u8]));
        Add("empty", Write("empty", []));
        Add("gzip-empty", Tools.Compress("gzip", Path("empty"), In("empty.gz")));
    }

    public static string OriginalPath => System.IO.Path.Combine(TestPaths.Data, "access-log");

    public static IEnumerable<(string Codec, string Tool, string Extension)> Codecs =>
        [("gzip", "gzip", "gz"), ("bzip2", "bzip2", "bz2"), ("xz", "xz", "xz"), ("zstd", "zstd", "zst")];

    public string Directory { get; } = TestPaths.TempDir();

    public byte[] Original { get; }

    private Dictionary<string, string> Files { get; } = [];

    /// <summary>The path of the sample called <paramref name="name"/>.</summary>
    public string Path(string name) => Files[name];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string In(string name) => System.IO.Path.Combine(Directory, name);

    private void Add(string name, string path) => Files.Add(name, path);

    private string Write(string name, ReadOnlySpan<byte> content)
    {
        using FileStream file = File.Create(In(name));
        file.Write(content);
        return file.Name;
    }

    private string Copy(string source, string name)
    {
        File.Copy(source, In(name));
        return In(name);
    }

    private string Cut(string source, string name, Func<int, int> keep)
    {
        byte[] content = File.ReadAllBytes(source);
        return Write(name, content.AsSpan(0, keep(content.Length)));
    }
}
