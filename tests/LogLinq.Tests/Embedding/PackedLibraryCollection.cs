namespace LogLinq.Tests.Embedding;

/// <summary>The tests that share one <see cref="PackedLibrary"/>, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedLibraryCollection : ICollectionFixture<PackedLibrary>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed library";
}
