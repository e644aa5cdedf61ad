namespace LogLinq.Tests.Core;

/// <summary>
/// A 200-copy concatenation of data/access-log (about 130 MB) and three one-copy files, written once
/// for a test class and deleted after it: big enough that reading it whole is unmistakable.
/// </summary>
public sealed class BigLogFixture : IDisposable
{
    public const int Copies = 200;

    public const int LinesPerCopy = 7298;

    public const long BytesPerCopy = 651619;

    private readonly TempDirectory _temp = new();

    public BigLogFixture()
    {
        byte[] sample = File.ReadAllBytes(Path.Combine(TestPaths.Data, "access-log"));
        if (sample.Length != BytesPerCopy)
        {
            throw new InvalidOperationException($"data/access-log has {sample.Length} bytes, expected {BytesPerCopy}");
        }

        BigLog = Path.Combine(_temp.Path, "big-access-log");
        using (var big = new FileStream(BigLog, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (int i = 0; i < Copies; i++)
            {
                big.Write(sample);
            }
        }

        Parts = [.. Enumerable.Range(1, 3).Select(i => _temp.Write($"part-{i}.log", sample))];
    }

    /// <summary>200 copies of data/access-log, one after another.</summary>
    public string BigLog { get; }

    /// <summary>Three copies of data/access-log, part-1.log to part-3.log, in sorted order.</summary>
    public IReadOnlyList<string> Parts { get; }

    public void Dispose() => _temp.Dispose();
}
