using LogLinq.Cli.Commands;
using LogLinq.Cli.Report;
using LogLinq.Cli.Terminal;
using LogLinq.Formats;
using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Cli.Query;

/// <summary>
/// <c>loglinq run a.lq b.lq ...</c>: many saved queries, one pass. Queries that read the same files
/// in the same format (the same <c>from</c>, or the same <c>--from</c>) are answered together by one
/// <see cref="LogBatch"/> scan; each other set of files is one more scan. The results are printed in
/// the order the files were given, each under a header naming its file.
/// </summary>
internal static class QueryBatchRunner
{
    /// <summary>Compiles every query, runs them and prints their results; returns the exit code.</summary>
    public static int Run(IReadOnlyList<QueryRun> runs)
    {
        var parseReport = new ParseReport();
        using var interruption = new Interruption();
        var counters = new ReadCounters();
        var queries = new List<CompiledQuery>();
        foreach (QueryRun run in runs)
        {
            // One --set serves every query: a value only one of them uses is fine, one none uses is not.
            QueryOptions options = QueryRunner.Options(run, parseReport, counters, interruption.Token, allowUnusedParameters: true);
            if (QueryRunner.Compile(run, options) is not { } query)
            {
                return ExitCodes.Usage;
            }

            queries.Add(query);
        }

        QueryRun first = runs[0];
        if (first.Parameters.Keys.Where(name => !queries.Any(q => q.Parameters.Contains(name))).Order(StringComparer.Ordinal).FirstOrDefault() is { } unused)
        {
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: a value was given for '{unused}', but none of the queries has a parameter ${unused}");
            return ExitCodes.Usage;
        }

        if (first.Explain)
        {
            using TextWriter stdout = StandardOutput.OpenWriter();
            for (int i = 0; i < runs.Count; i++)
            {
                WriteHeader(stdout, runs[i].Origin!, i);
                stdout.Write(queries[i].Explain());
            }

            return ExitCodes.Success;
        }

        var results = new QueryResult?[queries.Count];
        var failures = new OverflowException?[queries.Count];
        List<IGrouping<string, int>> groups = [.. Enumerable.Range(0, queries.Count).GroupBy(i => SourceKey(queries[i]), StringComparer.Ordinal)];
        if (groups.Count(g => queries[g.First()].Globs.Count == 0) > 1)
        {
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: standard input can be read once: the queries that read it (from -) must read it in the same format");
            return ExitCodes.Usage;
        }

        foreach (IGrouping<string, int> group in groups)
        {
            // The lead's source is the group's: its files (or standard input, from -) in its format.
            CompiledQuery lead = queries[group.First()];
            if (lead.XmlElement is not null)
            {
                // XML has no shared scan: each query reads its files itself, as its result is printed.
                foreach (int index in group)
                {
                    (results[index], failures[index]) = Answer(() => queries[index].Execute());
                }

                continue;
            }

            var batch = new LogBatch(lead.Source!);
            var answers = group.Select(i => (Index: i, Answer: queries[i].AddTo(batch))).ToList();
            var position = new QueryProgress(lead.Globs, counters);
            using (new ProgressScope(DelayedProgress.StartOnTerminal("Querying", position.TotalBytes, position.BytesDone)))
            {
                batch.Run();
            }

            foreach ((int index, LogBatchResult<QueryResult> answer) in answers)
            {
                (results[index], failures[index]) = Answer(() => answer.Value);
            }
        }

        int exitCode = ExitCodes.Success;
        using (var progress = new ProgressScope(null))
        {
            for (int i = 0; i < results.Length; i++)
            {
                if (first.Format != ResultFormat.Json)
                {
                    using TextWriter stdout = StandardOutput.OpenWriter();
                    WriteHeader(stdout, runs[i].Origin!, i);
                }

                // A query that overflowed on the data fails alone, named: the others' answers stand.
                if ((failures[i] ?? Print(results[i]!, first.Format, progress, runs[i].Origin!)) is { } failure)
                {
                    Console.Error.WriteLine($"{LoglinqRootCommand.Name}: {runs[i].Origin}: {RuntimeErrors.Describe(failure)}");
                    exitCode = ExitCodes.Failure;
                }
            }
        }

        // A file that could not be read to its end (named by the notice) fails the run too, after the answers.
        return MalformedLinesNotice.Write(parseReport, LoglinqRootCommand.Name) ? ExitCodes.Failure : exitCode;
    }

    /// <summary>Prints a query's answer; the overflow that stopped it, if its rows overflow as they are made.</summary>
    private static OverflowException? Print(QueryResult result, ResultFormat format, ProgressScope progress, string origin)
    {
        try
        {
            ResultPrinter.Print(result, format, progress, query: origin);
            return null;
        }
        catch (OverflowException e)
        {
            return e;
        }
    }

    /// <summary>A query's answer, or the overflow that failed it.</summary>
    private static (QueryResult? Result, OverflowException? Failure) Answer(Func<QueryResult> answer)
    {
        try
        {
            return (answer(), null);
        }
        catch (OverflowException e)
        {
            return (null, e);
        }
    }

    /// <summary>What decides whether two queries can share a scan: the same globs, in order (none for standard input), read in the same format.</summary>
    private static string SourceKey(CompiledQuery query) =>
        string.Join('\n', query.Globs.Prepend(query.XmlElement is { } element ? $"xml({element})" : query.Format?.Name ?? LogFormat.Auto.Name));

    /// <summary><c>==&gt; FILE &lt;==</c>, as <c>head</c> and <c>tail</c> name each of several files, after a blank line but for the first.</summary>
    private static void WriteHeader(TextWriter output, string file, int index)
    {
        if (index > 0)
        {
            output.WriteLine();
        }

        output.WriteLine($"==> {file} <==");
    }
}
