namespace LogLinq.Sources;

/// <summary>STUB — replaced by the sources branch.</summary>
public static class LogFileOpener
{
    /// <summary>stub</summary>
    public static Stream Open(string path, ReadCounters? counters = null)
    {
        counters?.FileOpened();
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
    }
}
