#!/usr/bin/env bash
# The measurements behind docs/performance.md. Run from the repository root:
#   tests/LogLinq.Benchmarks/run-benchmarks.sh [WORKDIR] [xml]
# With "xml", only the XML section runs (its inputs are made by `loglinq gen --buses`).
# It publishes in Release (ReadyToRun, as the README installs the command), makes the
# inputs in WORKDIR (default /tmp/loglinq-bench: 2000 copies of data/access-log, 1.3 GB; the same
# gzip-compressed, whole and in four pieces; 10 copies), reads them into the page cache, and times each question against its baselines with hyperfine (medians of >= 5 runs)
# and /usr/bin/time -v (peak resident memory), and the block scan's CPU time a line in memory (`blocks`).
set -euo pipefail

work="${1:-/tmp/loglinq-bench}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$work"

command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }

# The command as installed: published, ReadyToRun (see the README); the in-process questions run from
# the benchmark program published the same way, as an application that embeds LogLinq would ship.
case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
dotnet publish -c Release -r "$rid" "$root/src/LogLinq.Cli" -o "$work/loglinq-published" -v q -nologo >/dev/null
rm -rf "$work/bench-published"
dotnet publish -c Release -r "$rid" -p:PublishReadyToRun=true "$root/tests/LogLinq.Benchmarks" -o "$work/bench-published" -v q -nologo >/dev/null
bench="$work/bench-published/LogLinq.Benchmarks"
loglinq="$work/loglinq-published/loglinq"

cd "$work"
runs=7

# Into the page cache as reading a file from disk leaves it. A file still cached since it was
# written (as gen's output is) lies in small pages, and every reader, wc and mawk as much as
# loglinq, copies out of those at about half the speed (wc -l big-access-log 0.29 -> 0.23 s):
# the same file could time differently by its history alone. Written out, dropped, read once.
into_page_cache() {
    python3 - "$@" <<'PY'
import os, sys
for path in sys.argv[1:]:
    fd = os.open(path, os.O_RDONLY)
    os.fsync(fd)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(fd)
PY
    cat "$@" > /dev/null
}

# XML: bus positions (`loglinq gen --buses N`, about 274 bytes a bus), 10 MB against 500 MB; the
# floor is a bare XmlReader loop over the big file (LogLinq.Benchmarks xml-read).
xml_section() {
    [ -f buses-10mb.xml ] || "$loglinq" gen --buses 36500 buses-10mb.xml
    [ -f buses-500mb.xml ] || "$loglinq" gen --buses 1825000 buses-500mb.xml
    into_page_cache buses-10mb.xml buses-500mb.xml
    echo "== machine"; nproc; grep -m1 'model name' /proc/cpuinfo; free -g | head -2; dotnet --version
    ls -l buses-10mb.xml buses-500mb.xml
    echo "== XML, 10 MB and 500 MB"
    hyperfine -N -w 1 -r $runs --export-json xml.json \
        'wc -l buses-500mb.xml' \
        "$bench xml-read buses-500mb.xml" \
        "$loglinq query 'from \"buses-10mb.xml\" as xml(bus) | where route == \"22\" | count' --format csv" \
        "$loglinq query 'from \"buses-500mb.xml\" as xml(bus) | where route == \"22\" | count' --format csv" \
        "$loglinq query 'from \"buses-500mb.xml\" as xml(bus) | summarize count(), avg(latitude) by route' --format csv" \
        "$loglinq query 'from \"buses-500mb.xml\" as xml(bus) | top 5 by number(latitude) | select id' --format csv"
    echo "== XML peak memory (KB), 10 MB vs 500 MB"
    for q in 'where route == "22" | count' 'summarize count(), avg(latitude) by route' 'top 5 by number(latitude) | select id'; do
        for f in buses-10mb.xml buses-500mb.xml; do
            /usr/bin/time -f "$f  $q  %M KB %e s" "$loglinq" query "from \"$f\" as xml(bus) | $q" --format csv > /dev/null
        done
    done
    /usr/bin/time -f "xml-read buses-500mb.xml  %M KB %e s" "$bench" xml-read buses-500mb.xml > /dev/null
}

medians() {
    for f in "$@"; do
        python3 - "$f.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[0]["median"]
for r in results:
    print(f"{r['median']:8.3f}  x{r['median'] / base:5.2f}  {r['command']}")
print()
PY
    done
}

if [ "${2:-}" = xml ]; then
    xml_section
    echo "== medians (s) and ratios to the first command"
    medians xml
    exit 0
fi

[ -f big-access-log ] || "$loglinq" gen --repeat 2000 --source "$root/data/access-log" big-access-log
[ -f ten-access-log ] || "$loglinq" gen --repeat 10 --source "$root/data/access-log" ten-access-log
[ -f big-access-log.gz ] || gzip -c big-access-log > big-access-log.gz
if [ ! -d split ]; then
    mkdir split && split -n l/4 -d big-access-log split/access-log- && gzip split/access-log-0*
fi
into_page_cache big-access-log ten-access-log big-access-log.gz split/*

echo "== machine"; nproc; grep -m1 'model name' /proc/cpuinfo; free -g | head -2; dotnet --version

echo "== total bytes (plain)"
hyperfine -N -w 1 -r $runs --export-json total-bytes.json \
    'wc -l big-access-log' \
    "mawk '{ s += \$NF } END { printf \"%.0f\\n\", s }' big-access-log" \
    "$bench query total-bytes big-access-log" \
    "$loglinq query 'from \"big-access-log\" | summarize sum(bytes)' --format csv"

# The 10 x mawk target, measured a third way: one run of each in turn, so a drift in the host's load
# (this machine is shared) falls on all three alike; medians, and the median of each round's ratio.
echo "== total bytes against mawk, interleaved ($runs rounds)"
python3 - "$runs" "$bench" "$loglinq" <<'PY'
import statistics, subprocess, sys, time
rounds, bench, loglinq = int(sys.argv[1]), sys.argv[2], sys.argv[3]
commands = {
    "mawk": ["mawk", '{ s += $NF } END { printf "%.0f\\n", s }', "big-access-log"],
    "in process": [bench, "query", "total-bytes", "big-access-log"],
    "loglinq query": [loglinq, "query", 'from "big-access-log" | summarize sum(bytes)', "--format", "csv"],
}
times = {name: [] for name in commands}
for _ in range(rounds):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
for name, runs in times.items():
    print(f"{statistics.median(runs):8.3f}  {name}  (runs {min(runs):.3f}-{max(runs):.3f})")
for name in ("in process", "loglinq query"):
    ratios = [m / t for m, t in zip(times["mawk"], times[name])]
    print(f"mawk / {name}: {statistics.median(times['mawk']) / statistics.median(times[name]):.1f} (medians), "
          f"{statistics.median(ratios):.1f} (median of the rounds' ratios, {min(ratios):.1f}-{max(ratios):.1f})")
PY

echo "== largest, unique hosts, 404 set (plain)"
hyperfine -N -w 1 -r $runs --export-json questions.json \
    'wc -l big-access-log' \
    "$bench query largest big-access-log" \
    "$bench query unique-hosts big-access-log" \
    "$bench query broken big-access-log"

echo "== whole-process loglinq query (start-up included)"
hyperfine -N -w 1 -r $runs --export-json cli.json \
    'wc -l big-access-log' \
    "$loglinq query 'from \"ten-access-log\" | summarize sum(bytes)' --format csv" \
    "$loglinq query 'from \"big-access-log\" | summarize sum(bytes)' --format csv" \
    "$loglinq query 'from \"big-access-log\" | top 1 by bytes | select path, bytes' --format csv" \
    "$loglinq query 'from \"big-access-log\" | distinct host | count' --format csv" \
    "$loglinq query 'from \"big-access-log\" | where status == 404 | distinct path' --format csv"

echo "== gzip"
hyperfine -w 1 -r $runs --export-json gzip.json \
    'gzip -dc big-access-log.gz > /dev/null' \
    "$bench query total-bytes big-access-log.gz" \
    "$bench query total-bytes 'split/*.gz'"

echo "== records across a pipe (14.6 M records)"
[ -f big-access-log.lqr ] || "$loglinq" query 'from "big-access-log"' --emit records > big-access-log.lqr
into_page_cache big-access-log.lqr
hyperfine -w 1 -r $runs --export-json pipe.json \
    "$loglinq query 'from \"big-access-log\" | count' --format csv" \
    "cat big-access-log | $loglinq query 'from - | count' --format csv" \
    "$loglinq query 'from \"big-access-log\"' --emit records > /dev/null" \
    "$loglinq query 'from - | count' --format csv < big-access-log.lqr" \
    "$loglinq query 'from \"big-access-log\"' --emit records | $loglinq query 'from - | count' --format csv" \
    "$loglinq query 'from \"big-access-log\" | where status == 404 | distinct path | count' --format csv" \
    "$loglinq query 'from \"big-access-log\" | where status == 404' --emit records | $loglinq query 'from - | distinct path | count' --format csv"
/usr/bin/time -f "pipe-reader %M KB %e s" "$loglinq" query 'from - | count' --format csv < big-access-log.lqr > /dev/null
/usr/bin/time -f "pipe-writer %M KB %e s" "$loglinq" query 'from "big-access-log"' --emit records > /dev/null
(cd "$root" && "$bench" records)

echo "== peak memory (KB), 10 copies vs 2000"
for f in ten-access-log big-access-log; do
    /usr/bin/time -f "query-sum $f %M KB %e s" "$loglinq" query "from \"$f\" | summarize sum(bytes)" --format csv > /dev/null
done
for q in total-bytes largest unique-hosts broken; do
    for f in ten-access-log big-access-log; do
        /usr/bin/time -f "$q $f %M KB %e s" "$bench" query "$q" "$f" > /dev/null
    done
done

echo "== per line, in memory (this thread's CPU time; steadier than the runs above on a shared host)"
"$bench" blocks ten-access-log
"$bench" blocks ten-access-log split

xml_section

echo "== medians (s) and ratios to the first command of each group"
medians total-bytes questions cli gzip pipe xml
