using LogLinq.Language;

namespace LogLinq.Cli.Repl;

/// <summary>
/// The hook behind <c>Query("...")</c> and <c>#q</c>: compiles pipe-language text to a query over the
/// session's logs, so the two languages mix.
/// </summary>
internal static class PipeLanguage
{
    /// <summary>The compiler: pipe-language text to a query whose rows are lazy (<see cref="CompiledQuery.AsQueryable"/>).</summary>
    public static Func<string, PipeQueryContext, CompiledQuery> Compile { get; } = (text, context) =>
        QueryCompiler.Compile(text, new QueryOptions
        {
            DefaultGlobs = context.DefaultGlobs,
            Source = context.Source,
            Parameters = context.Parameters,

            // Standard input is the REPL's own (its commands, or a script's text): from - cannot have it.
            StandardInput = null,
        });
}
