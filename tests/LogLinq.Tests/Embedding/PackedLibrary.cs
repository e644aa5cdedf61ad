using System.IO.Compression;
using System.Text.Json;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Embedding;

/// <summary>
/// The LogLinq package, packed once for the embedding tests into a temporary folder with a version
/// of its own (so that NuGet's cache of another build's package can never stand in for it). Packed
/// from the library the test run has just built; removed, with NuGet's extracted copy, afterwards.
/// </summary>
public sealed class PackedLibrary : IAsyncLifetime
{
    /// <summary>The folder holding the package: a local package source.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"loglinq-package-{Guid.NewGuid():N}");

    /// <summary>The version it was packed as.</summary>
    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    /// <summary>The .nupkg file.</summary>
    public string PackagePath => Path.Combine(Folder, $"LogLinq.{Version}.nupkg");

    /// <summary>NuGet's global packages folder, learnt from a restore of a consumer, to remove this version from it.</summary>
    public string? GlobalPackagesFolder { get; set; }

    /// <summary>Packs the library: <c>dotnet pack src/LogLinq</c>, as its README says.</summary>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);

        // --no-build: the test run has just built the library in this configuration, and building it
        // again under another version would rewrite the assembly other tests have loaded.
        LoglinqProcess.Result pack = await DotnetCli.RunAsync(
            ["pack", Path.Combine("src", "LogLinq", "LogLinq.csproj"), "--no-build", "-c", DotnetCli.Configuration,
                "-o", Folder, $"-p:Version={Version}"],
            LoglinqProcess.RepoRoot,
            TimeSpan.FromSeconds(120));
        if (pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"dotnet pack failed:\n{pack}");
        }
    }

    /// <summary>The text of <paramref name="entry"/> in the package.</summary>
    public string Read(string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath);
        ZipArchiveEntry found = zip.GetEntry(entry) ?? throw new FileNotFoundException($"no {entry} in {PackagePath}");
        using var reader = new StreamReader(found.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The names of the package's entries.</summary>
    public IReadOnlyList<string> Entries()
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>Learns NuGet's global packages folder from a consumer's restore, for clean-up.</summary>
    public void LearnGlobalPackagesFolder(string projectAssetsJson)
    {
        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(projectAssetsJson));
        GlobalPackagesFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().FirstOrDefault().Name;
    }

    /// <summary>Removes the package and NuGet's extracted copy of this version.</summary>
    public Task DisposeAsync()
    {
        Delete(Folder);
        if (GlobalPackagesFolder is { Length: > 0 } global)
        {
            Delete(Path.Combine(global, "loglinq", Version.ToLowerInvariant()));
        }

        return Task.CompletedTask;
    }

    private static void Delete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning.
        }
    }
}
