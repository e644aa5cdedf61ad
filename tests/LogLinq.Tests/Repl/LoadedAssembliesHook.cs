// Not in a namespace, and named StartupHook: the runtime's rules for a startup hook.

/// <summary>
/// A startup hook (<c>DOTNET_STARTUP_HOOKS</c>) that the tests put into a <c>loglinq</c> process to
/// learn which assemblies it loaded: when the process exits, the names are written one a line to the
/// file named by <see cref="OutputVariable"/>. It lives in the test assembly so that the CLI carries no
/// code for it; the runtime loads this one type and nothing else of the tests.
/// </summary>
internal static class StartupHook
{
    /// <summary>The environment variable naming the file to write.</summary>
    public const string OutputVariable = "LOGLINQ_TEST_LOADED_ASSEMBLIES";

    /// <summary>Called by the runtime before <c>Main</c>.</summary>
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(OutputVariable) is not { Length: > 0 } path)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(path, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?"));
    }
}
