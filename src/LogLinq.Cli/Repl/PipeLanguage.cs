namespace LogLinq.Cli.Repl;

/// <summary>
/// The hook behind <c>Query("...")</c> and <c>#q</c>: compiles pipe-language text to a query over the
/// session's logs. The language lives on its own branch; until it is merged the hook says so.
/// </summary>
internal static class PipeLanguage
{
    /// <summary>
    /// The compiler. Wiring the language in is this one line, e.g.
    /// <c>(text, context) =&gt; QueryCompiler.Compile(text, new QueryOptions { DefaultGlobs = context.DefaultGlobs,
    /// Source = context.Source, Parameters = context.Parameters }).AsQueryable()</c>.
    /// </summary>
    public static Func<string, PipeQueryContext, IQueryable> Compile { get; } = NotInThisBuild;

    private static IQueryable NotInThisBuild(string text, PipeQueryContext context) =>
        throw new NotSupportedException("the pipe language is not in this build yet");
}
