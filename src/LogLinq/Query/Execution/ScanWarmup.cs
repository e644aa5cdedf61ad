using System.Buffers;
using System.Reflection;
using System.Runtime.CompilerServices;
using LogLinq.Formats;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// Compiles the block scan's per-line methods on a thread of their own. They are optimised from the
/// first call (<c>AggressiveOptimization</c>, which ReadyToRun leaves to the JIT), so the first block
/// of every scan used to wait for them; a process that will scan can have them compiled while it
/// is still parsing its command line and planning, on the core that is idle then.
/// </summary>
internal static class ScanWarmup
{
    private static int _started;

    /// <summary>Starts compiling, once per process; returns at once.</summary>
    // A thread of its own, not the pool's: the first work item queued starts the thread pool, about
    // 3 ms on the caller's thread, which a scan of one part never needs. Once the compiling is done,
    // this thread starts the pool for a parallel scan to find ready.
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            new Thread(Compile) { IsBackground = true, Name = "LogLinq scan warm-up" }.UnsafeStart();
        }
    }

    private static void Compile()
    {
        // The methods the scan would compile at its first call; the runtime publishes one body for
        // each, so a race with the scan costs nothing but time.
        foreach (MethodInfo? method in Methods())
        {
            if (method is not null)
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }

        // The pool the block scan's masks come from: no precompiled image holds its code over ulong,
        // which the scan's first block would otherwise compile on the thread that is planning.
        ArrayPool<ulong>.Shared.Return(ArrayPool<ulong>.Shared.Rent(1));

        ThreadPool.UnsafeQueueUserWorkItem(static _ => { }, null);
    }

    /// <summary>The block scan's methods that are optimised from their first call (null for one not found: a test checks there is none).</summary>
    internal static IReadOnlyList<MethodInfo?> Methods()
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        return
        [
            typeof(StructuralMasks).GetMethod(nameof(StructuralMasks.MarkBlock), Any),
            typeof(TypicalLineParser).GetMethods(Any).FirstOrDefault(m => m.Name == nameof(TypicalLineParser.TryParse) && m.GetParameters().Length == 4),
            typeof(TypicalLineParser).GetMethod("OtherTime", Any), // the first line of every scan: no day known yet
            typeof(FileScan).GetMethods(Any).FirstOrDefault(m => m.Name == nameof(FileScan.ScanBlock) && m.IsGenericMethodDefinition)?.MakeGenericMethod(typeof(LineTotals)),
            typeof(LineReader).GetMethod(nameof(LineReader.MoveNext), Any),
            typeof(ParallelScanner).GetMethod("ScanLines", Any),
        ];
    }
}
