using System.Reflection;
using LogLinq.Query;
using LogLinq.Query.Execution;

namespace LogLinq.Tests.Query;

/// <summary>
/// <see cref="LogSource.Prepare"/> compiles the block scan's per-line methods ahead. It finds them by
/// reflection, so a rename would quietly turn it into nothing: every one must be found, and be the
/// kind of method it is there for (one the JIT, not ReadyToRun, compiles at full optimisation).
/// </summary>
public sealed class ScanWarmupTests
{
    [Fact]
    public void Every_method_it_compiles_ahead_is_found_and_optimised_from_its_first_call()
    {
        IReadOnlyList<MethodInfo?> methods = ScanWarmup.Methods();

        methods.Should().HaveCount(6).And.NotContainNulls();
        methods.Where(m => m!.Name != "MarkBlock") // vector code: never precompiled, so never marked
            .Should().OnlyContain(m => (m!.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0);
    }

    [Fact]
    public void A_scan_after_it_answers_as_one_without_it()
    {
        string log = Path.Combine(TestPaths.Data, "access-log");
        long before = LogSource.Open(log).Sum(r => r.Bytes);

        LogSource.Prepare();
        LogSource.Prepare();

        LogSource.Open(log).Sum(r => r.Bytes).Should().Be(before).And.Be(AwkSumOfBytes(log));
    }

    // The last field of every line that has one, summed as awk's $NF would: an independent answer.
    private static long AwkSumOfBytes(string path) =>
        File.ReadLines(path).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 0 && long.TryParse(fields[^1], out _)).Sum(fields => long.Parse(fields[^1]));
}
