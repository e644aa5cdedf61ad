namespace LogLinq.Tests.Core;

/// <summary>
/// Answers for data/access-log worked out by hand on the shell, pinned as constants:
/// <code>
/// wc -lc data/access-log                                          # 7298 651619
/// awk '{s+=$NF} END{print s}' data/access-log                     # 230741830 ("-" counts as 0)
/// awk '$9==404{print $7}' data/access-log | sort -u | wc -l       # 130
/// awk '$NF>1000000' data/access-log | wc -l                       # 27
/// awk '{print $NF, $7}' data/access-log | sort -n | tail -1       # 4919642 /dynamic/ffcache.zip
/// awk '{print $1}' data/access-log | sort -u | wc -l              # 1353
/// awk '$7=="/robots.txt"{print $1}' data/access-log | sort -u | wc -l   # 84
/// awk '$7=="/ply/ply-2.3.tar.gz"' data/access-log | wc -l         # 115
/// awk '{print $7}' data/access-log | sort | uniq -c | sort -rn | head -5
/// </code>
/// </summary>
internal static class SampleAnswers
{
    public const int Lines = 7298;
    public const long FileBytes = 651619;
    public const long TotalBytes = 230_741_830;
    public const int NotFoundDocuments = 130;
    public const int OverOneMillionBytes = 27;
    public const string LargestPath = "/dynamic/ffcache.zip";
    public const long LargestBytes = 4_919_642;
    public const int UniqueHosts = 1353;
    public const int RobotsHosts = 84;
    public const int PlyDownloads = 115;

    public static readonly (string Path, int Count)[] Top5 =
    [
        ("/favicon.ico", 1877),
        ("/ply/", 623),
        ("/ply/bookplug.gif", 426),
        ("/cgi-bin/wiki.pl", 388),
        ("/ply/ply.html", 309),
    ];
}
