using System.Collections.Immutable;
using System.Text;
using LogLinq.Query;
using LogLinq.Records;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace LogLinq.Cli.Repl;

/// <summary>
/// A chain of C# submissions over one <see cref="ReplGlobals"/>: each is compiled against the state
/// the previous ones left (their variables, usings and functions), run, and its value displayed.
/// A submission that does not compile leaves the state as it was; one that throws keeps what it
/// declared before throwing, as in csi.
/// </summary>
internal sealed class ScriptSession
{
    /// <summary>The namespaces every submission starts with.</summary>
    public static readonly IReadOnlyList<string> Imports = ["System", "System.Linq", "LogLinq.Query", "LogLinq.Records"];

    /// <summary>How submissions are parsed: as script, so a final expression without ';' is a value.</summary>
    public static readonly CSharpParseOptions ParseOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    private readonly ValueDisplay _display;
    private readonly SessionCancellation _cancellation;
    private readonly Task<ScriptState<object>> _started;
    private ScriptState<object>? _state;

    /// <summary>Starts compiling the empty first submission, which loads Roslyn, in the background.</summary>
    public ScriptSession(ReplGlobals globals, ValueDisplay display, SessionCancellation cancellation)
    {
        _display = display;
        _cancellation = cancellation;

        // Loading and warming the compiler takes most of a second: let it overlap with reading the
        // first input (or with a person typing it).
        _started = Task.Run(() => CSharpScript.RunAsync<object>("", Options(ErrorText.ReplFile), globals, typeof(ReplGlobals)));
    }

    /// <summary>The names of the variables the submissions so far have declared, for completion.</summary>
    public IEnumerable<string> VariableNames =>
        _state?.Variables.Select(v => v.Name).Distinct(StringComparer.Ordinal) ?? [];

    /// <summary>Whether <paramref name="code"/> is a whole submission, or needs more lines.</summary>
    public static bool IsComplete(string code) =>
        SyntaxFactory.IsCompleteSubmission(CSharpSyntaxTree.ParseText(code, ParseOptions));

    /// <summary>Compiles and runs <paramref name="code"/>, then shows its value, if it has one.</summary>
    /// <param name="code">The submission.</param>
    /// <param name="file">The file it came from, for positions in errors; <see cref="ErrorText.ReplFile"/> for typed input.</param>
    /// <param name="rows">How many rows of a sequence to show.</param>
    public async Task<SubmissionOutcome> RunAsync(string code, string file, int rows = ValueDisplay.DefaultRows)
    {
        (Script<object>? script, ITypeSymbol? resultType, bool hasValue) = await CompileAsync(code, file);
        if (script is null)
        {
            return SubmissionOutcome.CompileError;
        }

        (ScriptState<object>? state, SubmissionOutcome outcome) = await RunCompiledAsync(script);
        if (state is null || outcome != SubmissionOutcome.Succeeded || !hasValue)
        {
            return outcome;
        }

        try
        {
            _display.Write(Console.Out, state.ReturnValue, rows, TupleNames(resultType), _cancellation.Token);
            return SubmissionOutcome.Succeeded;
        }
        catch (Exception e)
        {
            return Report(e);
        }
    }

    /// <summary>
    /// Shows how the query <paramref name="expression"/> would run without running it: a query is
    /// explained as it is; a query ending in one operator that gives a value (<c>logs.Count()</c>)
    /// is explained as <c>LogSource.Explain(logs, q =&gt; q.Count())</c>.
    /// </summary>
    public async Task<SubmissionOutcome> ExplainAsync(string expression)
    {
        (Script<object>? script, ITypeSymbol? resultType, bool hasValue) = await CompileAsync(expression, ErrorText.ReplFile);
        if (script is null)
        {
            return SubmissionOutcome.CompileError;
        }

        if (!hasValue)
        {
            return Usage("#explain needs an expression, such as #explain logs.Where(r => r.Status == 404)");
        }

        if (resultType?.AllInterfaces.Any(i => i.ToDisplayString() == "System.Linq.IQueryable") == true
            || resultType?.ToDisplayString() == "System.Linq.IQueryable")
        {
            // Evaluating a query only builds it; nothing is read.
            (ScriptState<object>? state, SubmissionOutcome outcome) = await RunCompiledAsync(script);
            return state is null || outcome != SubmissionOutcome.Succeeded ? outcome : Print(() => ExplainQuery((IQueryable)state.ReturnValue));
        }

        if (ScalarQueryAsExplain(expression) is not { } rewritten)
        {
            return Usage("#explain shows how a query runs: give it a query, or a query followed by one operator such as .Count()");
        }

        (Script<object>? explain, _, _) = await CompileAsync(rewritten, ErrorText.ReplFile, quiet: true);
        if (explain is null)
        {
            return Usage("#explain shows how a query over logs runs; this value is not one");
        }

        (ScriptState<object>? explained, SubmissionOutcome explainOutcome) = await RunCompiledAsync(explain);
        return explained is null || explainOutcome != SubmissionOutcome.Succeeded ? explainOutcome : Print(() => (string)explained.ReturnValue);
    }

    /// <summary>The options every submission is compiled with.</summary>
    public static ScriptOptions Options(string file) =>
        ScriptOptions.Default
            .WithReferences(typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(Queryable).Assembly,
                typeof(Console).Assembly, typeof(LogRecord).Assembly, typeof(ReplGlobals).Assembly)
            .WithImports(Imports)
            .WithLanguageVersion(LanguageVersion.Latest)
            // Debug code and debug information, so that a run-time error can say which statement threw:
            // optimised code maps a throw in a submission's top-level statements to no line. The work
            // of a query is done by LogLinq, which is optimised whatever the script is.
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithFilePath(file);

    private async Task<(Script<object>? Script, ITypeSymbol? ResultType, bool HasValue)> CompileAsync(string code, string file, bool quiet = false)
    {
        ScriptState<object> state = _state ??= await _started;
        Script<object> script = state.Script.ContinueWith(code, Options(file));
        ImmutableArray<Diagnostic> errors = [.. script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error)];
        if (!errors.IsEmpty)
        {
            if (!quiet)
            {
                foreach (Diagnostic error in errors)
                {
                    WriteError(ErrorText.Describe(error));
                }
            }

            return (null, null, false);
        }

        (ITypeSymbol? resultType, bool hasValue) = ResultType(script.GetCompilation());
        return (script, resultType, hasValue);
    }

    /// <summary>
    /// The type of the submission's value: a final expression without ';' that is not void. Read
    /// from the semantic model, since Roslyn keeps its own answer to this internal.
    /// </summary>
    private static (ITypeSymbol? Type, bool HasValue) ResultType(Compilation compilation)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax { Members: [.., GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }] }
            || !statement.SemicolonToken.IsMissing)
        {
            return (null, false);
        }

        ITypeSymbol? type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return (type, type?.SpecialType != SpecialType.System_Void);
    }

    private async Task<(ScriptState<object>? State, SubmissionOutcome Outcome)> RunCompiledAsync(Script<object> script)
    {
        try
        {
            ScriptState<object> state = await script.RunFromAsync(_state!, catchException: _ => true, _cancellation.Token);
            _state = state;
            return state.Exception is { } exception ? (state, Report(exception)) : (state, SubmissionOutcome.Succeeded);
        }
        catch (Exception e)
        {
            return (null, Report(e));
        }
    }

    private SubmissionOutcome Report(Exception exception)
    {
        if (ErrorText.Unwrap(exception) is OperationCanceledException)
        {
            WriteError(_cancellation.IsCancellationRequested
                ? "interrupted"
                : "error: this query was made before an earlier Ctrl-C and stays cancelled; make it again from logs");
            return _cancellation.IsCancellationRequested ? SubmissionOutcome.Cancelled : SubmissionOutcome.RuntimeError;
        }

        WriteError(ErrorText.Describe(exception));
        return SubmissionOutcome.RuntimeError;
    }

    private SubmissionOutcome Print(Func<string> text)
    {
        try
        {
            Console.Out.WriteLine(text());
            return SubmissionOutcome.Succeeded;
        }
        catch (Exception e)
        {
            return Report(e);
        }
    }

    private SubmissionOutcome Usage(string message)
    {
        WriteError($"error: {message}");
        return SubmissionOutcome.CompileError;
    }

    private void WriteError(string message) => Console.Error.WriteLine(_display.Style.Error(message));

    /// <summary><c>LogSource.Explain</c> for a query whose element type is known only at run time.</summary>
    private static string ExplainQuery(IQueryable query)
    {
        Type element = query.ElementType;
        return (string)typeof(LogSource).GetMethods()
            .Single(m => m.Name == nameof(LogSource.Explain) && m.GetParameters().Length == 1)
            .MakeGenericMethod(element)
            .Invoke(null, [query])!;
    }

    /// <summary>
    /// <c>receiver.Operator(args)</c> as <c>LogSource.Explain(receiver, q =&gt; q.Operator(args))</c>,
    /// or null when the expression is not a call on a receiver.
    /// </summary>
    private static string? ScalarQueryAsExplain(string expression)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(expression, ParseOptions).GetRoot();
        if (root.Members is not [GlobalStatementSyntax { Statement: ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } }]
            || call.Expression is not MemberAccessExpressionSyntax member)
        {
            return null;
        }

        const string Parameter = "__query";
        return $"global::LogLinq.Query.LogSource.Explain({member.Expression}, {Parameter} => {Parameter}.{member.Name}{call.ArgumentList})";
    }

    /// <summary>The names the compiler knows for a tuple's elements, which the value at run time has lost.</summary>
    private static string[]? TupleNames(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return [.. tuple.TupleElements.Select(e => e.Name)];
        }

        ITypeSymbol? element = type?.AllInterfaces.Append(type as INamedTypeSymbol)
            .FirstOrDefault(i => i?.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            ?.TypeArguments[0];
        return element is INamedTypeSymbol { IsTupleType: true } elementTuple
            ? [.. elementTuple.TupleElements.Select(e => e.Name)]
            : null;
    }
}
