using System.IO.Compression;
using System.Text;
using LogLinq.Sources;

namespace LogLinq.Tests.Query;

/// <summary>
/// A combined log of about 44 MB with two lines longer than 16 MB among ordinary and malformed ones,
/// written once for a test class (with a gzip copy), and what each of its lines is, kept while it is
/// written. The first over-long line starts at exactly 4 MB and the line after it at exactly 24 MB:
/// a scan cut into parts of 4 MB has a cut at each end of it and two inside it.
/// </summary>
public sealed class OverlongLogFixture : IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly TempDirectory _temp = new();

    public OverlongLogFixture()
    {
        Path = _temp.File("overlong.log");
        var kinds = new List<LineKind>();
        var paths = new List<string>();
        using (var file = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            void Record(string path, string ending = "\n")
            {
                file.Write(Encoding.ASCII.GetBytes(Line(path) + ending));
                kinds.Add(LineKind.Record);
                paths.Add(path);
            }

            void Malformed(string text)
            {
                file.Write(Encoding.ASCII.GetBytes(text + "\n"));
                kinds.Add(LineKind.Malformed);
            }

            void Overlong(int length, string ending)
            {
                // A line that would be a record but for its length: its path fills it.
                string head = Line("/");
                int fill = length - head.Length;
                int split = head.IndexOf("/ ", StringComparison.Ordinal) + 1;
                file.Write(Encoding.ASCII.GetBytes(head[..split]));
                byte[] path = new byte[fill];
                path.AsSpan().Fill((byte)'h');
                file.Write(path);
                file.Write(Encoding.ASCII.GetBytes(head[split..] + ending));
                kinds.Add(LineKind.Overlong);
            }

            // Ordinary lines up to exactly 4 MB, the last one padded to end there.
            int n = 0;
            while (file.Position < (4 * MiB) - 200)
            {
                Record($"/page/{n++ % 977}");
            }

            string last = Line("/pad");
            Record("/pad" + new string('d', (int)((4 * MiB) - file.Position - last.Length - 1)));
            Check(file.Position == 4 * MiB);

            // 20 MB less its newline: the next line starts at exactly 24 MB.
            Overlong((20 * MiB) - 1, "\n");
            Check(file.Position == 24 * MiB);
            Malformed("bad line two");
            Record("/target");
            while (file.Position < 26 * MiB)
            {
                Record($"/after/{n++ % 977}");
            }

            // Just over the maximum, ending in CRLF (the '\r' is not part of its length).
            Overlong(LineReader.MaxLineLength + 1, "\r\n");
            while (file.Position < 43 * MiB)
            {
                Record($"/later/{n++ % 977}");
                if (n % 50_000 == 0)
                {
                    Malformed($"bad line {n}");
                }
            }

            Record("/end", ending: "");
        }

        Kinds = kinds;
        RecordPaths = paths;

        GzipPath = Path + ".gz";
        using (FileStream input = File.OpenRead(Path))
        using (var output = new GZipStream(File.Create(GzipPath), CompressionLevel.Fastest))
        {
            input.CopyTo(output);
        }

        // The lines as the bytes have them, counted apart from the writing above.
        byte[] bytes = File.ReadAllBytes(Path);
        Check(bytes.Count((byte)'\n') + 1 == Kinds.Count);
    }

    /// <summary>What a line is.</summary>
    public enum LineKind
    {
        Record,
        Malformed,
        Overlong,
    }

    /// <summary>The plain log.</summary>
    public string Path { get; }

    /// <summary>The same bytes, gzip-compressed.</summary>
    public string GzipPath { get; }

    /// <summary>What each line is, line 1 first.</summary>
    public IReadOnlyList<LineKind> Kinds { get; }

    /// <summary>The path of each record, in file order.</summary>
    public IReadOnlyList<string> RecordPaths { get; }

    /// <summary>The 1-based numbers of the lines of <paramref name="kind"/>.</summary>
    public List<long> NumbersOf(params LineKind[] kind) =>
        [.. Kinds.Select((k, i) => (k, Number: i + 1L)).Where(line => kind.Contains(line.k)).Select(line => line.Number)];

    public void Dispose() => _temp.Dispose();

    private static string Line(string path) => $"192.0.2.1 - - [10/Oct/2023:13:55:00 +0000] \"GET {path} HTTP/1.1\" 200 1 \"-\" \"UA\"";

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("the over-long log was not written as laid out");
        }
    }
}
