#!/usr/bin/env python3
"""Writes the sample log's requests as other servers write them, for the per-format measurements.

Usage: make-format-inputs.py SOURCE WORKDIR (docs/performance.md, "IIS, CSV and load balancer logs").

From SOURCE (data/access-log, NCSA common) it writes into WORKDIR, each the same requests repeated:
  iis-big.log      IIS W3C extended, 20 fields, one #Fields: header (300 copies, about 320 MB)
  alb.log          AWS Application Load Balancer (100 copies, about 400 MB)
  csv-100mb.csv    time,host,method,path,status,bytes (220 copies, about 105 MB)
  nginx.json       JSON lines, nginx's names (100 copies, about 150 MB)
  app.logfmt       logfmt pairs (100 copies, about 80 MB)
A copy's times move one day on from the copy before it, so the lines stay in time order. A byte
count of "-" is written as 0, as those servers do. The same SOURCE gives the same bytes.
"""
import datetime, os, re, sys

NCSA = re.compile(rb'^(\S+) \S+ \S+ \[([^\]]+)\] "(\S+) (\S+) (\S+)" (\d{3}) (\d+|-)$')


def requests(source):
    out = []
    with open(source, "rb") as f:
        for line in f:
            m = NCSA.match(line.rstrip(b"\n"))
            if not m:
                continue
            host, when, method, target, version, status, size = m.groups()
            t = datetime.datetime.strptime(when.decode(), "%d/%b/%Y:%H:%M:%S %z").astimezone(datetime.timezone.utc)
            out.append((host.decode(), t, method.decode(), target.decode(), version.decode(), status.decode(), 0 if size == b"-" else int(size)))
    return out


def write(path, copies, requests_, line, header=""):
    with open(path, "w", newline="\n") as f:
        f.write(header)
        for copy in range(copies):
            shift = datetime.timedelta(days=copy)
            f.writelines(line(r, r[1] + shift, copy) for r in requests_)
    print(path, os.path.getsize(path))


def iis(r, t, n):
    host, _, method, target, version, status, size = r
    stem, _, query = target.partition("?")
    return (f"{t:%Y-%m-%d %H:%M:%S} W3SVC1 WEB01 10.0.0.5 {method} {stem} {query or '-'} 80 - {host} {version} "
            f"Mozilla/5.0+(X11;+Linux+x86_64) - {status} 0 0 {size} {300 + n % 700} {15 + n % 90}\n")


def alb(r, t, n):
    host, _, method, target, version, status, size = r
    return (f'https {t:%Y-%m-%dT%H:%M:%S}.{n % 1000:03d}000Z app/my-loadbalancer/50dc6c495c0c9188 {host}:{40000 + n % 20000} '
            f'10.0.0.1:80 0.000 0.{1 + n % 9:03d} 0.000 {status} {status} {300 + n % 700} {size} '
            f'"{method} https://www.example.com:443{target} {version}" "Mozilla/5.0 (X11; Linux x86_64)" '
            f'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 '
            f'"Root=1-58337262-36d228ad5d99923122bbe354" "www.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/12345678" '
            f'0 {t:%Y-%m-%dT%H:%M:%S}.000000Z "forward" "-" "-" "10.0.0.1:80" "{status}" "-" "-"\n')


def csv(r, t, n):
    host, _, method, target, version, status, size = r
    path = '"' + target.replace('"', '""') + '"' if ("," in target or '"' in target) else target
    return f"{t:%Y-%m-%dT%H:%M:%SZ},{host},{method},{path},{status},{size}\n"


def json_line(r, t, n):
    host, _, method, target, version, status, size = r
    request = f"{method} {target} {version}".replace("\\", "\\\\").replace('"', '\\"')
    return (f'{{"time_iso8601":"{t:%Y-%m-%dT%H:%M:%S}+00:00","remote_addr":"{host}","request":"{request}",'
            f'"status":{status},"body_bytes_sent":{size},"http_user_agent":"Mozilla/5.0 (X11; Linux x86_64)"}}\n')


def logfmt(r, t, n):
    host, _, method, target, version, status, size = r
    path = '"' + target.replace('"', '\\"') + '"' if (" " in target or '"' in target) else target
    return f"time={t:%Y-%m-%dT%H:%M:%SZ} level=info host={host} method={method} path={path} status={status} bytes={size}\n"


source, work = sys.argv[1], sys.argv[2]
lines_of = requests(source)
for name, copies, line, header in [
    ("iis-big.log", 300, iis, "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2008-02-24 06:08:59\n"
     "#Fields: date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
     "cs-version cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken\n"),
    ("alb.log", 100, alb, ""),
    ("csv-100mb.csv", 220, csv, "time,host,method,path,status,bytes\n"),
    ("nginx.json", 100, json_line, ""),
    ("app.logfmt", 100, logfmt, ""),
]:
    write(os.path.join(work, name), copies, lines_of, line, header)
