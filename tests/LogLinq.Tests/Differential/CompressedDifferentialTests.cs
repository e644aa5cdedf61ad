using System.Diagnostics;
using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Query.Execution;
using LogLinq.Records;
using Xunit.Abstractions;

namespace LogLinq.Tests.Differential;

/// <summary>
/// A generated log compressed with the command-line gzip, bzip2, xz and zstd (each copy named
/// access-log, without an extension, in a directory of its own: the format is known by its magic
/// bytes), and a rotated set of three files, plain, .gz and .xz, beside plain copies under the same
/// names in another directory. The reference is always the plain file.
/// </summary>
public sealed class CompressedLogFixture : IDisposable
{
    public const int Seed = 31337;

    public const int Lines = 3_000;

    public static readonly string[] Formats = ["gzip", "bzip2", "xz", "zstd"];

    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-compressed-").FullName;

    public CompressedLogFixture()
    {
        Plain = Path.Combine(_dir, "plain", "access-log");
        Directory.CreateDirectory(Path.GetDirectoryName(Plain)!);
        LogGenerator.Write(Plain, new LogGeneratorOptions(Lines, Seed, MalformedRate: 0.01));
        foreach (string format in Formats)
        {
            string file = Path.Combine(_dir, format, "access-log");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            Compress(format, Plain, file);
            Compressed[format] = file;
        }

        // A rotated set: the current file plain, older ones compressed.
        string plainDir = Path.Combine(_dir, "rotated-plain");
        string rotatedDir = Path.Combine(_dir, "rotated");
        Directory.CreateDirectory(plainDir);
        Directory.CreateDirectory(rotatedDir);
        (string Name, string? Format)[] rotation = [("access-log", null), ("access-log.1.gz", "gzip"), ("access-log.2.xz", "xz")];
        for (int i = 0; i < rotation.Length; i++)
        {
            string plain = Path.Combine(plainDir, rotation[i].Name);
            string rotated = Path.Combine(rotatedDir, rotation[i].Name);
            LogGenerator.Write(plain, new LogGeneratorOptions(Lines, Seed + 1 + i, MalformedRate: 0.01));
            if (rotation[i].Format is { } format)
            {
                Compress(format, plain, rotated);
            }
            else
            {
                File.Copy(plain, rotated);
            }

            RotatedPlain.Add(plain);
            Rotated.Add(rotated);
        }

        PlainRecords = DifferentialFixture.Load(Plain);
    }

    public string Plain { get; }

    public Dictionary<string, string> Compressed { get; } = [];

    /// <summary>Plain copies of <see cref="Rotated"/>, under the same names in another directory.</summary>
    public List<string> RotatedPlain { get; } = [];

    public List<string> Rotated { get; } = [];

    internal List<LogRecord> PlainRecords { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Compresses <paramref name="input"/> into <paramref name="output"/> with the command-line tool.</summary>
    private static void Compress(string tool, string input, string output)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in tool == "zstd" ? ["-q", "-c", input] : new[] { "-c", input })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{tool}' is needed to make the compressed test logs (apt-get install {tool})", e);
        }

        using (process)
        using (var file = File.Create(output))
        {
            Task<string> errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(file);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors.Result}");
            }
        }
    }
}

/// <summary>
/// The differential tests over compressed files: the provider and the pipeline must read a gzip,
/// bzip2, xz or zstd file as the plain file it was made from (compressed files are never split; with
/// more workers than files they are decompressed ahead on another thread).
/// </summary>
/// <remarks>
/// These fail until the real LogFileOpener, which decompresses by magic bytes, replaces the stub
/// (which reads every file as it is on disk). Filter them out with Category!=NeedsDecompression.
/// </remarks>
[Trait("Category", "NeedsDecompression")]
[Collection(DifferentialCollection.Name)]
public sealed class CompressedDifferentialTests(CompressedLogFixture fixture, ITestOutputHelper output) : IClassFixture<CompressedLogFixture>
{
    public const int QuerySeed = 8191;

    public static TheoryData<string> Formats => [.. CompressedLogFixture.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_pipeline_reads_a_compressed_file_as_the_plain_one(string format)
    {
        string file = fixture.Compressed[format];
        var report = new ParseReport();
        List<LogRecord> records = DifferentialFixture.Load(file, report);
        var plainReport = new ParseReport();
        _ = DifferentialFixture.Load(fixture.Plain, plainReport);

        records.Should().HaveCount(fixture.PlainRecords.Count, $"{format}: every record of the plain file");
        Normalize(Outcome.Render(records), file).Should().Be(Outcome.Render(fixture.PlainRecords));
        report.Malformed.Should().Be(plainReport.Malformed);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Compressed_files_are_read_whole(string format)
    {
        List<ScanPart> parts = ScanPartitioner.Partition([fixture.Compressed[format]], LogFormat.Auto, 2, allowSplit: true, 64 * 1024);
        parts.Should().ContainSingle().Which.IsWholeFile.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Generated_queries_on_a_compressed_file_give_what_the_plain_file_gives(string format)
    {
        string file = fixture.Compressed[format];
        IQueryable<LogRecord> logs = LogSource.Open(file, ProviderDifferentialTests.Split);
        logs.Count().Should().Be(fixture.PlainRecords.Count, $"{format}: every record of the plain file");
        var plainReport = new ParseReport();
        _ = DifferentialFixture.Load(fixture.Plain, plainReport);
        var report = new ParseReport();
        _ = LogSource.Open(file, ProviderDifferentialTests.Split with { Report = report }).LongCount();
        report.Malformed.Should().Be(plainReport.Malformed);
        Normalize(string.Join("\n", report.Samples), file).Should().Be(string.Join("\n", plainReport.Samples));

        var subject = new LogUnderTest($"{format} of generated ({CompressedLogFixture.Lines} lines, log seed {CompressedLogFixture.Seed})", [fixture.Plain], fixture.PlainRecords, QuerySeed, 30);
        AssertAgree(subject, [file], ProviderDifferentialTests.Split, 30, s => Normalize(s, file));
        AssertAgree(subject, [file], ProviderDifferentialTests.Sequential, 8, s => Normalize(s, file));
    }

    [Fact]
    public void Generated_queries_on_a_rotated_set_give_what_the_plain_files_give()
    {
        var subject = new LogUnderTest(
            "rotated set (plain, .gz, .xz)",
            fixture.RotatedPlain,
            DifferentialFixture.LoadAll([.. fixture.RotatedPlain]),
            QuerySeed + 1,
            40);
        LogSource.Open(fixture.Rotated, ProviderDifferentialTests.Split).Count().Should().Be(subject.Records.Count);
        AssertAgree(subject, fixture.Rotated, ProviderDifferentialTests.Split, 40, NormalizeRotated);
    }

    private void AssertAgree(LogUnderTest subject, IReadOnlyList<string> files, LogSourceOptions options, int limit, Func<string, string> normalize)
    {
        output.WriteLine($"{subject.Name}: {limit} queries, query seed {subject.QuerySeed}, {options.MaxDegreeOfParallelism} worker(s)");
        List<string> failures = DifferentialRunner.Run(subject, files, options, limit, normalize);
        if (failures.Count > 0)
        {
            Assert.Fail($"A compressed file must answer as the plain one (query seed {subject.QuerySeed}):\n{string.Join("\n", failures)}");
        }
    }

    /// <summary>An outcome over <paramref name="file"/> with the plain file's path in its place.</summary>
    private string Normalize(string outcome, string file) => outcome.Replace(file, fixture.Plain, StringComparison.Ordinal);

    private string NormalizeRotated(string outcome) =>
        outcome.Replace(
            Path.GetDirectoryName(fixture.Rotated[0]) + Path.DirectorySeparatorChar,
            Path.GetDirectoryName(fixture.RotatedPlain[0]) + Path.DirectorySeparatorChar,
            StringComparison.Ordinal);
}
