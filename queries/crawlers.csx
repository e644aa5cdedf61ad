// What the crawlers did: a join of two log sets, the hosts that fetched /robots.txt in one and
// everything those hosts asked for in the other.
//   loglinq repl --script queries/crawlers.csx --set robots=data/access-log --set requests='data/www/**/access-log*'
using System.Collections.Generic;

var robots = Logs(Params.GetValueOrDefault("robots", "data/access-log"));
var requests = Logs(Params.GetValueOrDefault("requests", "data/www/**/access-log*"));

// The robots.txt filter runs on the raw bytes; the join and the grouping run in memory.
var crawlers = robots.Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct().ToList();

from r in requests.AsEnumerable()
join host in crawlers on r.Host equals host
group r by r.Host into g
orderby g.Count() descending, g.Key
select new { Host = g.Key, Requests = g.Count(), Bytes = g.Sum(r => r.Bytes), Pages = g.Select(r => r.Path).Distinct().Count() }
