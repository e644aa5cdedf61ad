using System.Reflection;
using LogLinq.Records;
using Microsoft.CodeAnalysis;

namespace LogLinq.Cli.Repl;

/// <summary>
/// A hint after a compiler error that comes from the pipe language's habits or the session's own
/// names, which C#'s message alone does not say how to fix: <c>r.status</c> (the property is
/// <c>Status</c>), <c>Logs.Count()</c> (the records are <c>logs</c>; <c>Logs("glob")</c> opens others).
/// </summary>
internal static class CompileHint
{
    private const string MemberMissing = "CS1061";
    private const string MethodAsValue = "CS0119";
    private const string NameMissing = "CS0103";

    // The session's values whose names a slip of case or a missing 's' gets wrong.
    private static readonly string[] Globals = ["logs", nameof(ReplGlobals.Params), nameof(ReplGlobals.Options)];

    /// <summary>The hint for <paramref name="diagnostic"/>, or null when C#'s message says enough.</summary>
    public static string? For(Diagnostic diagnostic)
    {
        string name = SourceText(diagnostic);
        if (name.Length == 0)
        {
            return null;
        }

        return diagnostic.Id switch
        {
            MemberMissing when ReceiverIs(diagnostic, nameof(LogRecord)) => RecordProperty(name) is { } property ? $"did you mean '{property}'?" : null,
            MethodAsValue when name == nameof(ReplGlobals.Logs) => "the session's records are 'logs'; Logs(\"glob\") reads other files",
            NameMissing => SessionGlobal(name) is { } global ? $"did you mean '{global}'?" : null,
            _ => null,
        };
    }

    private static string SourceText(Diagnostic diagnostic) =>
        diagnostic.Location is { IsInSource: true, SourceTree: { } tree } location
            ? tree.GetText().ToString(location.SourceSpan)
            : "";

    // CS1061's message starts with the receiver's type: 'LogRecord' does not contain a definition for ...
    private static bool ReceiverIs(Diagnostic diagnostic, string type) =>
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith($"'{type}'", StringComparison.Ordinal);

    // The pipe language's fields are lower case (status, bytes); a record's properties are not.
    private static string? RecordProperty(string name) =>
        typeof(LogRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name)
            .FirstOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase) && p != name);

    private static string? SessionGlobal(string name) =>
        Globals.FirstOrDefault(g => g.Equals(name, StringComparison.OrdinalIgnoreCase) || g.Equals(name + "s", StringComparison.OrdinalIgnoreCase));
}
