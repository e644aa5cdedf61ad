using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// A custom log format: a regular expression whose named groups are the fields of a
/// <see cref="GenericRecord"/>, and a converter for each field that should not stay a string.
/// A map is immutable: <see cref="Convert{T}"/> returns a new one, so a map can be shared freely.
/// <code>
/// var map = FieldMap.FromRegex(@"^(?&lt;host&gt;\S+) (?&lt;status&gt;\d{3}) (?&lt;bytes&gt;\d+|-)$")
///     .Convert("status", int.Parse)
///     .Convert("bytes", s => s == "-" ? 0L : long.Parse(s));
/// </code>
/// </summary>
public sealed class FieldMap
{
    private readonly int[] _groups;
    private readonly GenericRecord.Layout _layout;
    private readonly Func<string, object?>?[] _converters;

    private FieldMap(Regex pattern, int[] groups, GenericRecord.Layout layout, Func<string, object?>?[] converters)
    {
        Pattern = pattern;
        _groups = groups;
        _layout = layout;
        _converters = converters;
    }

    /// <summary>The expression each line is matched against.</summary>
    public Regex Pattern { get; }

    /// <summary>The field names, from the pattern's named groups in the order they appear.</summary>
    public IReadOnlyList<string> Fields => _layout.Names;

    /// <summary>
    /// A map whose fields are the named groups of <paramref name="pattern"/>. The expression is
    /// compiled and culture-invariant on top of <paramref name="options"/>, since it runs once per line.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is invalid or has no named group.</exception>
    public static FieldMap FromRegex([StringSyntax(StringSyntaxAttribute.Regex)] string pattern, RegexOptions options = RegexOptions.None)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return FromRegex(new Regex(pattern, options | RegexOptions.Compiled | RegexOptions.CultureInvariant));
    }

    /// <summary>
    /// A map whose fields are the named groups of <paramref name="pattern"/>, used as given (give it a
    /// match timeout to guard against patterns that backtrack badly).
    /// </summary>
    /// <exception cref="ArgumentException">The pattern has no named group.</exception>
    public static FieldMap FromRegex(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);

        // Unnamed groups are numbered and stay out of the record: they are there for grouping.
        string[] names = [.. pattern.GetGroupNames().Where(name => !char.IsAsciiDigit(name[0]))];
        if (names.Length == 0)
        {
            throw new ArgumentException($"the pattern has no named groups, so no fields: name them like (?<status>\\d+) in {pattern}", nameof(pattern));
        }

        int[] groups = [.. names.Select(pattern.GroupNumberFromName)];
        return new FieldMap(pattern, groups, new GenericRecord.Layout(names), new Func<string, object?>?[names.Length]);
    }

    /// <summary>
    /// A map like this one whose field <paramref name="field"/> is converted by
    /// <paramref name="converter"/> (replacing any converter it had). A converter that throws makes
    /// its line malformed. A group that did not take part in the match is null and is not converted.
    /// </summary>
    /// <exception cref="ArgumentException">No field has that name; the message lists those that do.</exception>
    public FieldMap Convert<T>(string field, Func<string, T> converter)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(converter);
        int index = Array.IndexOf(_layout.Names, field);
        if (index < 0)
        {
            throw new ArgumentException($"the pattern has no group named '{field}' (fields: {string.Join(", ", _layout.Names)})", nameof(field));
        }

        Func<string, object?>?[] converters = [.. _converters];
        converters[index] = value => converter(value);
        return new FieldMap(Pattern, _groups, _layout, converters);
    }

    /// <summary>The pattern.</summary>
    public override string ToString() => Pattern.ToString();

    /// <summary>Matches one line; on <see cref="LineResult.Malformed"/>, <paramref name="error"/> says why.</summary>
    internal LineResult Parse(in LogLine line, out GenericRecord? record, out string? error)
    {
        record = null;
        error = null;
        if (line.Bytes.Span.TrimStart(" \t"u8).IsEmpty)
        {
            return LineResult.Skipped;
        }

        Match match;
        try
        {
            match = Pattern.Match(line.ToString());
        }
        catch (RegexMatchTimeoutException)
        {
            error = $"the custom pattern took longer than {Pattern.MatchTimeout} on this line";
            return LineResult.Malformed;
        }

        if (!match.Success)
        {
            error = "does not match the custom pattern";
            return LineResult.Malformed;
        }

        object?[] values = new object?[_groups.Length];
        for (int i = 0; i < _groups.Length; i++)
        {
            Group group = match.Groups[_groups[i]];
            if (!group.Success)
            {
                continue;
            }

            string value = group.Value;
            Func<string, object?>? convert = _converters[i];
            if (convert is null)
            {
                values[i] = value;
                continue;
            }

            try
            {
                values[i] = convert(value);
            }
            catch (Exception e)
            {
                // Any exception: the converter is the caller's code, and a bad value is a bad line.
                error = $"field '{_layout.Names[i]}': cannot convert {ErrorText.Quote(value)}: {e.Message}";
                return LineResult.Malformed;
            }
        }

        record = new GenericRecord(_layout, values, line.File, line.Number);
        return LineResult.Record;
    }
}
