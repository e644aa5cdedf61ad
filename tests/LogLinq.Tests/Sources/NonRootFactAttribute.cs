namespace LogLinq.Tests.Sources;

/// <summary>
/// A fact about Unix permissions, which only means something for an unprivileged user: root reads
/// files and directories whatever their permissions, so such a test run as root (or on Windows) is
/// skipped, not passed.
/// </summary>
internal sealed class NonRootFactAttribute : FactAttribute
{
    public NonRootFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix permissions only";
        }
        else if (Environment.UserName == "root")
        {
            Skip = "permissions are not enforced for root";
        }
    }
}
