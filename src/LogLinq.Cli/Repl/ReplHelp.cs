namespace LogLinq.Cli.Repl;

/// <summary>The text <c>#help</c> prints.</summary>
internal static class ReplHelp
{
    /// <summary>The help, for a session over <paramref name="globs"/>.</summary>
    public static string Text(IReadOnlyList<string> globs) =>
        $$"""
        C# over web-server logs. Type an expression to see its value; a query is run when it is shown.
        A submission goes on over several lines until it is complete (end a line with '.' to continue a chain).

        Globals
          logs                      the records of {{string.Join(" ", globs)}}, as IQueryable<LogRecord>
          Logs("glob", ...)         the records of other files
          Query("pipe query")       a pipe-language query, as an IQueryable to go on with in C#
          Show(value, rows: 20)     print a value as results are printed, with more or fewer rows
          Params                    the --set key=value parameters
          Options                   how logs reads its files, for LogSource.Open(glob, Options with { ... })

        LogRecord: Host Ident User Time Method Path Protocol Status Bytes Referrer UserAgent VirtualHost Duration File LineNumber
        Imported: {{string.Join(", ", ScriptSession.Imports)}}

        Commands
          #help                     this text
          #q <pipe query>           run a pipe-language query
          #explain <expression>     how a query would run (pushed-down filters, workers, aggregates), reading nothing
          #load <file.csx>          run a C# script in this session
          #exit                     leave (or Ctrl-D)

        Keys: Tab completes, Up and Down recall earlier submissions, Ctrl-C stops a running query
        (a second Ctrl-C ends loglinq) or clears the line being typed.
        """;
}
