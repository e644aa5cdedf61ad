using BenchmarkDotNet.Running;
using LogLinq.Benchmarks;

// `query NAME FILE...` runs one tutorial question once (for hyperfine and /usr/bin/time -v);
// `xml-read FILE` reads an XML file with a bare XmlReader (the floor for the XML source);
// `parse` and `records` time the parser and the record stream by hand, `scan NAME FILE` a question on one worker;
// `blocks FILE [split]` the per-line work of a block scan, in memory; anything else goes to BenchmarkDotNet.
if (args.Length >= 3 && args[0] == "query")
{
    // As an application that scans at its start would: the scan's code compiles on the idle core
    // while the query is built and planned.
    LogLinq.Query.LogSource.Prepare();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    Console.WriteLine(TutorialQueries.Run(args[1], args[2..]));
    Console.Error.WriteLine($"{args[1]}: {clock.Elapsed.TotalSeconds:F3} s in the query, gen0 GCs {GC.CollectionCount(0)}");
    return 0;
}

if (args is ["xml-read", var xml])
{
    Console.WriteLine(XmlBaseline.Read(xml));
    return 0;
}

if (args is ["parse"])
{
    Console.WriteLine(ParserBenchmarks.Quick());
    return 0;
}

if (args is ["scan", var question, var file])
{
    Console.WriteLine(ScanBenchmarks.Quick(question, file));
    return 0;
}

if (args is ["blocks", var blockFile, .. var how] && how is [] or ["split"])
{
    Console.WriteLine(BlockScanBenchmarks.Quick(blockFile, splitRequest: how is ["split"]));
    return 0;
}

if (args is ["records"])
{
    Console.WriteLine(RecordStreamBenchmarks.Quick());
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(TutorialQueries).Assembly).Run(args);
return 0;
