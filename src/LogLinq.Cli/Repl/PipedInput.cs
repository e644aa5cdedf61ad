namespace LogLinq.Cli.Repl;

/// <summary>Submissions read from a pipe or a file: lines gathered until they make a complete submission.</summary>
internal static class PipedInput
{
    /// <summary>
    /// The submissions in <paramref name="reader"/>, read lazily, one at a time, so each runs before
    /// the next is read. Text left incomplete at the end is given as it is, to be told what is missing.
    /// </summary>
    public static IEnumerable<string> Submissions(TextReader reader)
    {
        var pending = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (pending.Count == 0 && string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            pending.Add(line);
            string text = string.Join('\n', pending);
            if (ReplDirective.IsComplete(text))
            {
                pending.Clear();
                yield return text;
            }
        }

        if (pending.Count > 0)
        {
            yield return string.Join('\n', pending);
        }
    }
}
