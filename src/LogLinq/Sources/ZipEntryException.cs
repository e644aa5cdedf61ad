namespace LogLinq.Sources;

/// <summary>
/// One file in a zip archive cannot be read: its data is damaged, encrypted, or compressed by a
/// method .NET does not decode. A format error like a decoder's <see cref="InvalidDataException"/>
/// (which is sealed, so this cannot be one), that <see cref="DecompressionGuardStream"/> turns into
/// a <see cref="LogSourceException"/> naming the archive and, from this, the file in it.
/// </summary>
internal sealed class ZipEntryException(string entry, string problem, Exception? innerException = null)
    : Exception($"{entry}: {problem}", innerException)
{
    /// <summary>The file's name in the archive.</summary>
    public string Entry { get; } = entry;

    /// <summary>What is wrong with it, for the user: a few words, no file named.</summary>
    public string Problem { get; } = problem;
}
