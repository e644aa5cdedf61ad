// The most downloaded files (status 200), with how many times and how many bytes in all.
//   loglinq repl --script queries/top-downloads.csx --set n=10
using System.Collections.Generic;

int n = int.Parse(Params.GetValueOrDefault("n", "10"));

// GroupBy with aggregates of each group runs as parallel partial aggregates: no group keeps its rows.
logs.Where(r => r.Status == 200)
    .GroupBy(r => r.Path)
    .Select(g => new { Path = g.Key, Downloads = g.Count(), Bytes = g.Sum(r => r.Bytes) })
    .OrderByDescending(x => x.Downloads)
    .ThenBy(x => x.Path)
    .Take(n)
