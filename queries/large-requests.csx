// Requests that sent more than a given number of bytes, and the largest of them.
//   loglinq repl --script queries/large-requests.csx --set min=1000000
using System.Collections.Generic;

long min = long.Parse(Params.GetValueOrDefault("min", "1000000"));

var large = logs.Where(r => r.Bytes > min);
Console.WriteLine($"{large.LongCount()} requests over {min} bytes; the largest:");
large.MaxBy(r => r.Bytes)
