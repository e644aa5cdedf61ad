namespace LogLinq.Cli.Repl;

/// <summary>How results are drawn: plain for pipes and files, with colour and clipped cells on a terminal.</summary>
/// <param name="Colour">Whether ANSI colour may be written.</param>
/// <param name="MaxCellWidth">The widest a table cell may be before it is clipped; null to never clip.</param>
internal sealed record DisplayStyle(bool Colour, int? MaxCellWidth)
{
    /// <summary>For a pipe or a file: every character of every value, no escape sequences.</summary>
    public static DisplayStyle Plain { get; } = new(Colour: false, MaxCellWidth: null);

    /// <summary>For a person at a terminal; colour unless NO_COLOR is set.</summary>
    public static DisplayStyle Terminal { get; } =
        new(Colour: string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")), MaxCellWidth: 60);

    /// <summary><paramref name="text"/> in bold, when colour is on.</summary>
    public string Bold(string text) => Colour ? $"\e[1m{text}\e[22m" : text;

    /// <summary><paramref name="text"/> dimmed, when colour is on.</summary>
    public string Dim(string text) => Colour ? $"\e[2m{text}\e[22m" : text;

    /// <summary><paramref name="text"/> in red, for an error on stderr, when colour is on and stderr is a terminal too.</summary>
    public string Error(string text) => Colour && !Console.IsErrorRedirected ? $"\e[31m{text}\e[39m" : text;
}
