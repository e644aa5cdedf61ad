using System.Linq.Expressions;
using LogLinq.Language.Syntax;
using Sprache;

namespace LogLinq.Language;

/// <summary>
/// The values given for a query's <c>$parameters</c>, as text, typed when the compiler sees where each
/// is used: <c>path == $file</c> makes <c>$file</c> text, <c>bytes &gt; $size</c> an integer (where
/// <c>1MB</c> is allowed), <c>time &gt; $since</c> a timestamp.
/// </summary>
internal sealed class ParameterValues(IReadOnlyDictionary<string, string> values, string queryText)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>The value of <paramref name="parameter"/> as a constant of type <paramref name="type"/>, or of the type its text reads as when null.</summary>
    /// <exception cref="QueryException">No value was given, or the value is not of that type.</exception>
    public ConstantExpression Bind(ParameterSyntax parameter, Type? type)
    {
        if (!values.TryGetValue(parameter.Name, out string? text))
        {
            throw new QueryException($"no value given for parameter ${parameter.Name}", parameter.Span, queryText);
        }

        _used.Add(parameter.Name);
        object? value = type is null ? Infer(text) : Convert(text, type);
        if (type is not null && value is null)
        {
            throw new QueryException(
                $"${parameter.Name} is used as {ValueTypes.Describe(type)} here, but its value '{text}' is not one",
                parameter.Span,
                queryText);
        }

        return Expression.Constant(value, type ?? value?.GetType() ?? typeof(string));
    }

    /// <summary>The names of the parameters the query uses.</summary>
    public IReadOnlyCollection<string> Used => _used;

    /// <summary>The names that were given a value but appear nowhere in the query.</summary>
    public IEnumerable<string> Unused => values.Keys.Where(name => !_used.Contains(name)).Order(StringComparer.Ordinal);

    private static object? Infer(string text) =>
        LiteralGrammar.Literal.End().TryParse(text) is { WasSuccessful: true } literal ? literal.Value ?? text : text;

    private static object? Convert(string text, Type type)
    {
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(DateTimeOffset))
        {
            return LiteralGrammar.Timestamp.End().TryParse(text) is { WasSuccessful: true } time ? time.Value : null;
        }

        if (type == typeof(bool))
        {
            return text.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };
        }

        string number = text.Trim();
        bool negative = number.StartsWith('-');
        object? quantity = LiteralGrammar.Quantity.End().TryParse(negative ? number[1..] : number) is { WasSuccessful: true } q ? q.Value : null;
        return (quantity, type) switch
        {
            (long n, _) when type == typeof(long) => negative ? -n : n,
            (long n, _) when type == typeof(int) && n <= int.MaxValue => negative ? -(int)n : (int)n,
            (long n, _) when type == typeof(double) => negative ? -(double)n : (double)n,
            (double d, _) when type == typeof(double) => negative ? -d : d,
            (TimeSpan d, _) when type == typeof(TimeSpan) => negative ? -d : d,
            _ => null,
        };
    }
}
