namespace LogLinq.Cli.Query;

/// <summary>The <c>--set name=value</c> options, as the parameter values of a query.</summary>
internal static class ParameterAssignments
{
    /// <summary>The values by name, or the problems with the assignments in words.</summary>
    public static (Dictionary<string, string> Values, List<string> Problems) Parse(IEnumerable<string> assignments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (string assignment in assignments)
        {
            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? assignment : assignment[..equals].TrimStart('$');
            if (equals <= 0 || !IsName(name))
            {
                problems.Add($"--set takes name=value, as --set file=/ply/ply-2.3.tar.gz, not '{assignment}'.");
            }
            else if (!values.TryAdd(name, assignment[(equals + 1)..]))
            {
                problems.Add($"--set gives {name} a value twice.");
            }
        }

        return (values, problems);
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
