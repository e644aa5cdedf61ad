// The documents that were asked for and not found (status 404), each once.
//   loglinq repl --script queries/not-found.csx --set rows=200
using System.Collections.Generic;

int rows = int.Parse(Params.GetValueOrDefault("rows", "20"));

Show(logs.Where(r => r.Status == 404).Select(r => r.Path).Distinct(), rows);
