using LogLinq.Query;

// Every access log in the tree, rotated and compressed ones too. Nothing is read yet.
var logs = LogSource.Open(args.Length > 0 ? args[0] : "data/**/access-log*");

long bytes = logs.Sum(r => r.Bytes);
var missing = logs.Where(r => r.Status == 404).GroupBy(r => r.Path)
    .Select(g => new { Path = g.Key, Requests = g.Count() })
    .OrderByDescending(x => x.Requests).First();

Console.WriteLine($"{bytes} bytes sent");
Console.WriteLine($"most requested missing document: {missing.Path} ({missing.Requests} requests)");
