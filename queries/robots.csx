// The hosts that fetched /robots.txt: crawlers announcing themselves.
//   loglinq repl --script queries/robots.csx
logs.Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct()
