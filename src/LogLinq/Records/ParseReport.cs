using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LogLinq.Sources;

namespace LogLinq.Records;

/// <summary>
/// What a scan made of its input: how many records, and which lines were malformed (counted per
/// file, the first few kept with their reasons). Safe to share between parallel workers.
/// </summary>
public sealed class ParseReport
{
    /// <summary>How many malformed lines are kept as samples.</summary>
    public const int MaxSamples = 10;

    private readonly ConcurrentDictionary<string, long> _malformedByFile = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _readAs = new(StringComparer.Ordinal);
    private readonly List<MalformedLine> _samples = [];
    private readonly List<SkippedFile> _otherLogs = [];
    private readonly List<SkippedFile> _damagedFiles = [];
    private long _records;
    private long _malformed;

    /// <summary>An empty report, to give to <see cref="Query.LogSourceOptions.Report"/> or <see cref="Pipeline.LogPipeline.Parse"/>.</summary>
    public ParseReport()
    {
    }

    /// <summary>Records delivered.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>Malformed lines skipped.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Malformed lines per file, for the files that had any.</summary>
    public IReadOnlyDictionary<string, long> MalformedByFile => _malformedByFile;

    /// <summary>
    /// How each file that had malformed lines was read, where the scan that met them knew it: the
    /// format's name and what chose it (<c>common, the format its first lines looked like</c>), for a
    /// notice that no line was a record to say what the lines were taken for.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReadAs => _readAs;

    /// <summary>The first malformed lines, in the order they were met.</summary>
    public IReadOnlyList<MalformedLine> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples.Order(SampleOrder.Instance).Take(MaxSamples)];
            }
        }
    }

    /// <summary>
    /// The files passed over for not being access logs (a web server's error log beside its access
    /// logs, which a glob of the directory finds), in the order they were read. Their lines are not
    /// counted as malformed.
    /// </summary>
    public IReadOnlyList<SkippedFile> OtherLogs
    {
        get
        {
            return InRotationOrder(_otherLogs);
        }
    }

    private static readonly SkippedFile[] NoFiles = new SkippedFile[0];

    private static SkippedFile[] InRotationOrder(List<SkippedFile> files)
    {
        lock (files)
        {
            return files.Count == 0 ? NoFiles : Sorted(files);
        }
    }

    // Nearly always none. LINQ's sort of this struct has no precompiled code, and a ready-to-run
    // method resolves every type it names before it first runs, taken branch or not: so the sort
    // is a method of its own, not run, not resolved, at the end of a run that skipped nothing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SkippedFile[] Sorted(List<SkippedFile> files) => [.. files.OrderBy(f => f.File, RotationOrder.Instance)];

    /// <summary>
    /// The files read only up to their damage (a compressed file cut short or corrupt), or not at all
    /// (gone since the glob found them, not readable), in the order they were read, when the scan was
    /// let go on past them (<see cref="Query.LogSourceOptions.SkipDamagedFiles"/>):
    /// the answer is short of what came after the damage.
    /// </summary>
    public IReadOnlyList<SkippedFile> DamagedFiles
    {
        get
        {
            return InRotationOrder(_damagedFiles);
        }
    }

    internal void AddDamagedFile(in SkippedFile file)
    {
        lock (_damagedFiles)
        {
            // Once, however many scans of one report (the queries of a run) met it.
            if (!_damagedFiles.Contains(file))
            {
                _damagedFiles.Add(file);
            }
        }
    }

    internal void AddOtherLog(in SkippedFile file)
    {
        lock (_otherLogs)
        {
            if (!_otherLogs.Contains(file))
            {
                _otherLogs.Add(file);
            }
        }
    }

    internal void AddRecords(long count) => Interlocked.Add(ref _records, count);

    /// <summary>
    /// What every pipeline does with a malformed line: in strict mode it stops the scan, else it is
    /// counted in <paramref name="report"/> (when there is one) and skipped.
    /// </summary>
    /// <exception cref="MalformedLogException">In strict mode.</exception>
    internal static void Reject(ParseReport? report, in MalformedLine line, bool strict)
    {
        if (strict)
        {
            throw new MalformedLogException(line);
        }

        report?.AddMalformed(line);
    }

    /// <summary>Adds what one scanned part of <paramref name="file"/> found, in one go.</summary>
    /// <param name="file">The file.</param>
    /// <param name="records">Records the part delivered.</param>
    /// <param name="malformed">Malformed lines it skipped.</param>
    /// <param name="samples">The first of them.</param>
    /// <param name="readAs">How the part read the file (<see cref="ReadAs"/>); kept only where it had malformed lines.</param>
    internal void Add(string file, long records, long malformed, IEnumerable<MalformedLine> samples, string? readAs = null)
    {
        Interlocked.Add(ref _records, records);
        if (malformed == 0)
        {
            return;
        }

        Interlocked.Add(ref _malformed, malformed);
        _malformedByFile.AddOrUpdate(file, malformed, (_, n) => n + malformed);
        if (readAs is not null)
        {
            _readAs.TryAdd(file, readAs);
        }

        lock (_samples)
        {
            foreach (MalformedLine sample in samples)
            {
                if (_samples.Count < MaxSamples * 4)
                {
                    _samples.Add(sample);
                }
            }
        }
    }

    internal void AddMalformed(in MalformedLine line)
    {
        Interlocked.Increment(ref _malformed);
        _malformedByFile.AddOrUpdate(line.File, 1, static (_, n) => n + 1);
        lock (_samples)
        {
            // Parallel workers may report out of order: keep a few extra and sort when read.
            if (_samples.Count < MaxSamples * 4)
            {
                _samples.Add(line);
            }
        }
    }

    private sealed class SampleOrder : IComparer<MalformedLine>
    {
        public static readonly SampleOrder Instance = new();

        public int Compare(MalformedLine x, MalformedLine y)
        {
            // Files are read in the order a glob gives them: the copies of a rotated log oldest first.
            int byFile = RotationOrder.Instance.Compare(x.File, y.File);
            return byFile != 0 ? byFile : x.LineNumber.CompareTo(y.LineNumber);
        }
    }
}
