// Visits: a host's requests cut wherever it was quiet for more than `gap` minutes, then the hosts
// with the most visits. A custom aggregate over each host's ordered requests: a fold with state,
// which the pipe language cannot say and C# says in a few lines.
//   loglinq repl --script queries/visits.csx --set gap=30 --set n=10
using System.Collections.Generic;

var gap = TimeSpan.FromMinutes(double.Parse(Params.GetValueOrDefault("gap", "30")));
int n = int.Parse(Params.GetValueOrDefault("n", "10"));

// Cuts one host's request times, in order, into visits: (start, end, requests) each.
List<(DateTimeOffset Start, DateTimeOffset End, int Requests)> Visits(IEnumerable<DateTimeOffset> times)
{
    var visits = new List<(DateTimeOffset Start, DateTimeOffset End, int Requests)>();
    foreach (DateTimeOffset time in times.Order())
    {
        if (visits.Count > 0 && time - visits[^1].End <= gap)
        {
            visits[^1] = (visits[^1].Start, time, visits[^1].Requests + 1);
        }
        else
        {
            visits.Add((time, time, 1));
        }
    }

    return visits;
}

// Only two fields leave the scan; the fold runs in memory, one host at a time.
var byHost =
    from r in logs.Select(r => new { r.Host, r.Time }).AsEnumerable()
    group r.Time by r.Host into times
    let visits = Visits(times)
    select new
    {
        Host = times.Key,
        Visits = visits.Count,
        Requests = visits.Sum(v => v.Requests),
        LongestMinutes = Math.Round(visits.Max(v => (v.End - v.Start).TotalMinutes), 1),
    };

byHost.OrderByDescending(h => h.Visits).ThenBy(h => h.Host).Take(n)
