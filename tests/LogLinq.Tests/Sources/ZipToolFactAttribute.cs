namespace LogLinq.Tests.Sources;

/// <summary>A fact that needs Info-ZIP's <c>zip</c> command; skipped, not passed, where it is missing.</summary>
internal sealed class ZipToolFactAttribute : FactAttribute
{
    public ZipToolFactAttribute()
    {
        if (!IsAvailable)
        {
            Skip = "zip is not installed";
        }
    }

    public static bool IsAvailable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, "zip")));
}
