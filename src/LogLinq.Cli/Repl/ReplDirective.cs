namespace LogLinq.Cli.Repl;

/// <summary>
/// A line for the REPL itself rather than for C#: <c>#help</c>, <c>#q</c>, <c>#explain</c>,
/// <c>#load</c>, <c>#exit</c>. Other lines starting with '#' (<c>#r</c>, <c>#nullable</c>) go to Roslyn.
/// </summary>
/// <param name="Name">The directive, with its '#'.</param>
/// <param name="Argument">The rest of the text, trimmed.</param>
internal sealed record ReplDirective(string Name, string Argument)
{
    /// <summary>Shows what the REPL offers.</summary>
    public const string Help = "#help";

    /// <summary>Runs a pipe-language query.</summary>
    public const string PipeQuery = "#q";

    /// <summary>Shows how a query would run.</summary>
    public const string Explain = "#explain";

    /// <summary>Runs a .csx file in the session.</summary>
    public const string Load = "#load";

    /// <summary>Ends the session.</summary>
    public const string Exit = "#exit";

    /// <summary>Every directive, for completion.</summary>
    public static readonly IReadOnlyList<string> Names = [Help, PipeQuery, Explain, Load, Exit];

    /// <summary>The directive <paramref name="text"/> starts with, or null when it is C#.</summary>
    public static ReplDirective? Parse(string text)
    {
        string trimmed = text.TrimStart();
        foreach (string name in Names)
        {
            if (trimmed.StartsWith(name, StringComparison.Ordinal)
                && (trimmed.Length == name.Length || char.IsWhiteSpace(trimmed[name.Length])))
            {
                return new ReplDirective(name, trimmed[name.Length..].Trim());
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is ready to run: a directive when its argument is (an
    /// expression to explain may go on over several lines), C# when Roslyn says the submission is
    /// complete, and blank text always (it is skipped).
    /// </summary>
    public static bool IsComplete(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        return Parse(text) is { } directive
            ? directive.Name != Explain || directive.Argument.Length == 0 || ScriptSession.IsComplete(directive.Argument)
            : ScriptSession.IsComplete(text);
    }
}
