// Bytes transferred for one file, across every log the glob names (by default all of data/).
//   loglinq repl --script queries/bytes-for-file.csx --set file=/ply/ply-2.3.tar.gz
using System.Collections.Generic;

string file = Params.GetValueOrDefault("file", "/ply/ply-2.3.tar.gz");

// Both filters run on the raw bytes; only matching lines become records.
var requests = logs.Where(r => r.Path == file);

new
{
    File = file,
    Requests = requests.LongCount(),
    Bytes = requests.Sum(r => r.Bytes),
}
