#!/usr/bin/env python3
"""Rewrites each line's NCSA time [24/Feb/2008:00:08:59 -0600] as nginx's $time_iso8601 [2008-02-24T00:08:59-06:00].

Usage: ncsa-to-iso.py SOURCE DESTINATION (docs/performance.md, "ISO 8601 times").
"""
import re, sys
MONTHS = {m: i + 1 for i, m in enumerate(b"Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}
NCSA = re.compile(rb"\[(\d\d)/([A-Za-z]{3})/(\d{4}):(\d\d:\d\d:\d\d) ([+-])(\d\d)(\d\d)\]")
def iso(m):
    day, mon, year, clock, sign, hh, mm = m.groups()
    return b"[%s-%02d-%sT%s%s%s:%s]" % (year, MONTHS[mon.capitalize()], day, clock, sign, hh, mm)
src, dst = sys.argv[1], sys.argv[2]
with open(src, "rb") as fin, open(dst, "wb") as fout:
    for line in fin:
        fout.write(NCSA.sub(iso, line, count=1))
