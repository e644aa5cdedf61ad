using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using LogLinq.Cli.Commands;
using LogLinq.Cli.Terminal;
using Microsoft.CodeAnalysis;

namespace LogLinq.Cli.Repl;

/// <summary>
/// Compile and run-time errors of a submission, each on one line with where it happened as
/// <c>line:column</c> (prefixed by the file for a script), the shape editors and compilers use.
/// </summary>
internal static class ErrorText
{
    /// <summary>The file name given to REPL submissions, so that stack frames can be told apart; never shown.</summary>
    public const string ReplFile = "(repl)";

    /// <summary><c>[file:]line:column: error CS0103: message</c>, and a hint where one helps (<see cref="CompileHint"/>).</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
        string where = span.IsValid ? Where(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1) : "";
        string severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        string hint = CompileHint.For(diagnostic) is { } said ? $"; {said}" : "";
        return $"{where}{severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}{hint}";
    }

    /// <summary>
    /// <c>[file:]line:column: error: message</c> for an exception thrown by a submission, placed at
    /// the innermost line of script code on its stack; an error of the logs themselves (a missing
    /// file, a corrupt archive) is told as the command would tell it, any other with its type.
    /// </summary>
    public static string Describe(Exception exception)
    {
        exception = Unwrap(exception);
        string message = RuntimeErrors.IsExpected(exception)
            ? RuntimeErrors.Describe(exception)
            : VisibleText.Of($"{exception.GetType().Name}: {exception.Message}");
        return $"{ScriptPosition(exception)}error: {message}";
    }

    /// <summary>The exception that says what went wrong, out of the wrappers reflection and tasks put around it.</summary>
    public static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    break;
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    exception = aggregate.InnerExceptions[0];
                    break;
                default:
                    return exception;
            }
        }
    }

    private static string ScriptPosition(Exception exception)
    {
        foreach (StackFrame frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            string? file = frame.GetFileName();
            int line = frame.GetFileLineNumber();
            if (line > 0 && file is not null && IsScript(frame))
            {
                return Where(file, line, frame.GetFileColumnNumber());
            }
        }

        return "";
    }

    // Submissions are compiled into dynamic assemblies whose names Roslyn starts with "ℛ*".
    private static bool IsScript(StackFrame frame) =>
        frame.GetMethod()?.Module.Assembly.GetName().Name?.StartsWith("ℛ*", StringComparison.Ordinal) == true;

    private static string Where(string path, int line, int column)
    {
        string file = path.Length == 0 || path == ReplFile ? "" : $"{Relative(path)}:";
        return column > 0 ? $"{file}{line}:{column}: " : $"{file}{line}: ";
    }

    private static string Relative(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
