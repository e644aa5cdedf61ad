namespace LogLinq.Tests.Cli;

/// <summary>
/// What the shell, not LogLinq, says about the sample log <c>data/access-log</c>, so the CLI is checked
/// against numbers it had no part in. Each value was derived with the command in its comment (run at
/// the repository root, LC_ALL=C for sorting) and pasted here. The sample log is in the Common format,
/// one request per line, ten space-separated fields, bytes last.
/// </summary>
internal static class SampleLogFacts
{
    /// <summary>The sample log, relative to the repository root.</summary>
    public const string SampleLog = "data/access-log";

    /// <summary>The plain (uncompressed) copies of the sample log under data/.</summary>
    public static readonly string[] PlainCopies = ["data/access-log", "data/www/bar/access-log", "data/www/foo/access-log"];

    /// <summary>
    /// The files under data/ that <c>data/**/access-log*</c> matches: the three plain copies and two
    /// gzip and two bzip2 copies, every one the same log once decompressed:
    /// <c>md5sum data/access-log data/www/*/access-log; for f in data/www/foo/*.gz; do zcat $f | md5sum; done;
    /// for f in data/www/bar/*.bz2; do bzcat $f | md5sum; done</c> all print 0404c3884a205c66f826dbb1e604e707.
    /// </summary>
    public const int CopiesUnderData = 7;

    /// <summary><c>wc -l &lt; data/access-log</c> (every line is well formed: <c>awk '{print NF}' | sort | uniq -c</c> gives 10 only).</summary>
    public const long Records = 7298;

    /// <summary><c>awk '{s+=($NF=="-"?0:$NF)} END {printf "%d\n", s}' data/access-log</c></summary>
    public const long TotalBytes = 230741830;

    /// <summary><c>awk '$NF!="-" &amp;&amp; $NF+0&gt;1000000' data/access-log | wc -l</c></summary>
    public const long OverOneMegabyte = 27;

    /// <summary><c>awk '$NF!="-" &amp;&amp; $NF+0&gt;m {m=$NF+0; p=$7} END {print p, m}' data/access-log</c></summary>
    public const string LargestPath = "/dynamic/ffcache.zip";

    /// <summary>See <see cref="LargestPath"/>.</summary>
    public const long LargestBytes = 4919642;

    /// <summary><c>awk '{print $1}' data/access-log | sort -u | wc -l</c></summary>
    public const int UniqueHosts = 1353;

    /// <summary>
    /// <c>awk '$9==200 {print $7}' data/access-log | sort | uniq -c | awk '{print $1, $2}' | sort -k1,1nr -k2,2 | head -10</c>
    /// (the 11th has 88, so no tie at the cut).
    /// </summary>
    public static readonly (string Path, long Count)[] TopDownloads =
    [
        ("/ply/", 562),
        ("/ply/bookplug.gif", 405),
        ("/cgi-bin/wiki.pl", 299),
        ("/ply/ply.html", 262),
        ("/robots.txt", 190),
        ("/", 188),
        ("/cgi-bin/wiki.pl?SwigFaq/SharedLibraries", 132),
        ("/cgi-bin/wiki.pl?SwigFaq", 124),
        ("/ply/ply-2.3.tar.gz", 112),
        ("/ply/example.html", 100),
    ];

    /// <summary><c>awk '$9==404 {print $7}' data/access-log | sort -u</c> (130 paths)</summary>
    public static readonly string[] BrokenDocuments =
    [
        "/02WorkingWithData.pdf",
        "/06FilesAndText.pdf",
        "/07Functional.pdf",
        "/Doc/index.html",
        "/PLYTalk.pdf",
        "/Perl98/swigperl.htm",
        "/Py96/python96.html",
        "/Py97/beazley.html",
        "/Python2001/python.html",
        "/README",
        "/Tcl96/tcl96.html",
        "/Tcl98/TclChap.html",
        "/TclChap.html",
        "/about",
        "/assign1.html",
        "/assign2.html",
        "/assign3.html",
        "/assign4.html",
        "/assign5.html",
        "/beazley.html",
        "/cartage/index.html",
        "/consulting",
        "/cv",
        "/diet.html",
        "/dynamic/Lecture8/",
        "/dynamic/assign1",
        "/dynamic/assign2",
        "/dynamic/assign3",
        "/dynamic/assign4",
        "/dynamic/assign5",
        "/dynamic/dowstocks",
        "/dynamic/index",
        "/dynamic/lecture8",
        "/dynamic/lecture8/",
        "/dynamic/sd",
        "/dynamic/smackdown",
        "/dynamic/soln1",
        "/dynamic/soln12_1.html",
        "/dynamic/syllabus",
        "/example.html",
        "/exec.html",
        "/favicon.gif",
        "/favicon.ico",
        "/index",
        "/old/",
        "/old/cource18.html",
        "/old/index.html",
        "/papers/Perl98/swigperl",
        "/papers/Py96/python96",
        "/papers/Py97/beazley",
        "/papers/Python2001/python",
        "/papers/Tcl96/tcl96",
        "/papers/Tcl98/TclChap",
        "/papers/TclChap.html",
        "/papers/beazley.html",
        "/papers/python.html",
        "/papers/python96.html",
        "/papers/swigperl.htm",
        "/papers/tcl96.html",
        "/per",
        "/photos/u505/",
        "/photos/u505/pages/IMG_1484.htm",
        "/photos/u505/pages/IMG_1490.htm",
        "/photos/u505/pages/IMG_1492.htm",
        "/photos/u505/pages/IMG_1500.htm",
        "/photos/u505/pages/IMG_1502.htm",
        "/photos/u505/pages/IMG_1508.htm",
        "/photos/u505/pages/IMG_1510.htm",
        "/photos/u505/pages/IMG_1514.htm",
        "/photos/u505/pages/IMG_1516.htm",
        "/photos/u505/pages/IMG_1517.htm",
        "/photos/u505/pages/IMG_1522.htm",
        "/photos/u505/pages/IMG_1524.htm",
        "/photos/u505/pages/IMG_1530.htm",
        "/photos/u505/pages/IMG_1538.htm",
        "/photos/u505/pages/IMG_1543.htm",
        "/photos/wind/ThumbnailFrame.htm",
        "/photos/wind/index.htm",
        "/photos/wind/pages/IMG_1253.htm",
        "/photos/wind/pages/IMG_1255.htm",
        "/photos/wind/pages/IMG_1256.htm",
        "/photos/wind/pages/IMG_1258.htm",
        "/photos/wind/pages/IMG_1262.htm",
        "/photos/wind/pages/IMG_1267.htm",
        "/photos/wind/pages/IMG_1270.htm",
        "/photos/wind/pages/IMG_1274.htm",
        "/photos/wind/pages/IMG_1277.htm",
        "/photos/wind/pages/IMG_1278.htm",
        "/photos/wind/pages/IMG_1282.htm",
        "/photos/wind/pages/IMG_1295.htm",
        "/photos/wind/pages/IMG_1298.htm",
        "/photos/wind/pages/IMG_1304.htm",
        "/photos/wind/pages/IMG_1309.htm",
        "/photos/wind/pages/IMG_1321.htm",
        "/photos/wind/pages/IMG_1327.htm",
        "/photos/wind/pages/IMG_1329.htm",
        "/photos/wind/pages/IMG_1330.htm",
        "/photos/wind/pages/IMG_1331.htm",
        "/ply.html",
        "/ply/example",
        "/ply/ply",
        "/ply/support",
        "/publications",
        "/python/consulting.html",
        "/python/per_secrets.html",
        "/python/python.html",
        "/python/tutorial/beazley_advanced_python/Slides/SLIDE127.HTM",
        "/python96.html",
        "/sitemap.html",
        "/smackdown.py",
        "/software",
        "/soln1.html",
        "/support.html",
        "/swigperl.htm",
        "/swigperl.pdf",
        "/swill/Doc/index",
        "/swill/about.html",
        "/swill/consulting.html",
        "/swill/exec",
        "/swill/index",
        "/swill/software.html",
        "/swill/training.html",
        "/swill/writing.html",
        "/syllabus.html",
        "/sysop",
        "/tcl96.html",
        "/tenure/trip3.html",
        "/training",
        "/video/MVI_1516.AVI",
        "/writing",
    ];

    /// <summary><c>awk '$7=="/robots.txt" {print $1}' data/access-log | sort -u</c> (84 hosts)</summary>
    public static readonly string[] RobotsHosts =
    [
        "122.152.129.53",
        "124.104.101.239",
        "131.107.0.112",
        "193.252.149.15",
        "193.252.149.16",
        "193.47.80.43",
        "202.160.180.70",
        "202.179.180.45",
        "202.179.180.52",
        "202.179.180.53",
        "202.179.180.54",
        "204.111.252.233",
        "205.196.222.10",
        "207.176.224.242",
        "207.176.224.244",
        "208.36.144.7",
        "209.9.228.166",
        "216.145.11.94",
        "222.122.236.43",
        "38.98.120.84",
        "38.99.13.122",
        "38.99.44.101",
        "61.135.190.54",
        "61.135.219.5",
        "61.247.217.34",
        "61.247.217.37",
        "64.124.85.71",
        "64.124.85.74",
        "64.124.85.75",
        "64.124.85.80",
        "64.34.145.194",
        "64.34.145.201",
        "65.214.44.29",
        "65.214.45.101",
        "65.214.45.114",
        "65.214.45.129",
        "65.54.165.36",
        "65.54.99.91",
        "65.55.104.13",
        "65.55.104.157",
        "65.55.208.116",
        "65.55.208.117",
        "65.55.208.118",
        "65.55.208.119",
        "65.55.208.120",
        "65.55.208.121",
        "65.55.208.122",
        "65.55.208.123",
        "65.55.208.124",
        "65.55.212.77",
        "65.55.232.14",
        "65.55.232.15",
        "65.55.235.161",
        "66.249.65.37",
        "67.195.44.107",
        "67.195.44.110",
        "67.202.49.172",
        "67.228.97.106",
        "67.78.34.166",
        "68.142.212.161",
        "69.36.158.68",
        "70.90.215.85",
        "71.6.151.80",
        "72.20.109.37",
        "72.36.114.239",
        "74.6.19.115",
        "74.6.22.143",
        "74.6.22.150",
        "74.6.25.20",
        "74.6.26.171",
        "74.6.8.73",
        "77.91.224.13",
        "77.91.224.3",
        "80.202.87.9",
        "80.30.226.4",
        "80.91.229.6",
        "80.93.56.177",
        "81.52.143.15",
        "81.52.143.16",
        "82.99.30.64",
        "84.104.43.5",
        "85.124.22.177",
        "87.194.30.240",
        "88.131.106.15",
    ];
}
