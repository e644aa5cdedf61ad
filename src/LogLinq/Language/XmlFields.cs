using System.Linq.Expressions;
using System.Reflection;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Language;

/// <summary>
/// The fields a query over <c>from ... as xml(element)</c> can name: the children (and attributes) of
/// the first such element in the files, learnt by reading up to its end tag when the query is compiled,
/// then <c>file</c> and <c>line</c>. Every field is text, null where a record lacks it; next to a
/// number it is read as one (<see cref="AsNumber"/>).
/// </summary>
internal static class XmlFields
{
    private static readonly MethodInfo TextMethod = typeof(XmlFields).GetMethod(nameof(Text))!;
    private static readonly MethodInfo NumberMethod = typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Number))!;

    /// <summary>The records of <paramref name="source"/> with the fields of the first <paramref name="element"/> in <paramref name="globs"/>.</summary>
    /// <param name="source">The query's source, <c>LogSource.Xml(globs, element)</c>.</param>
    /// <param name="globs">Its files.</param>
    /// <param name="element">Its elements' name.</param>
    /// <param name="options">Whose counters count the bytes read to learn the fields, and whose token cancels it.</param>
    /// <exception cref="Sources.LogSourceException">No file matches, or the XML is malformed before the first element ends.</exception>
    public static Relation Records(Expression source, IReadOnlyList<string> globs, string element, LogSourceOptions options)
    {
        // Only the first element is read, and the file is closed again, before anything else happens.
        GenericRecord? first = LogSource.XmlRecords(globs, element, options).FirstOrDefault();
        ParameterExpression r = Expression.Parameter(typeof(GenericRecord), "r");
        var columns = new List<Column>();
        foreach (string name in first?.Keys ?? [])
        {
            string column = ColumnName(name);
            if (!columns.Any(c => c.Name == column))
            {
                columns.Add(new Column(column, r, Expression.Call(TextMethod, r, Expression.Constant(name))));
            }
        }

        // The data's own names come first: a child called <line> hides the line number.
        if (!columns.Any(c => c.Name == "file"))
        {
            columns.Add(new Column("file", r, Expression.Property(r, nameof(GenericRecord.File))));
        }

        if (!columns.Any(c => c.Name == "line"))
        {
            columns.Add(new Column("line", r, Expression.Property(r, nameof(GenericRecord.LineNumber))));
        }

        return new Relation(source, typeof(GenericRecord), columns, IsRecords: true)
        {
            FieldsNote = first is null ? $"no <{element}> element was found in {Words.Both([.. globs])} to learn the fields from" : null,
        };
    }

    /// <summary>The value of the field <paramref name="name"/>: a child's text, or null where the record has no such child.</summary>
    public static string? Text(GenericRecord record, string name) =>
        record.TryGetValue(name, out object? value) ? value as string : null;

    /// <summary>Whether <paramref name="e"/> reads a field of an XML record: text that a number next to it makes a number.</summary>
    public static bool IsField(Expression e) => e is MethodCallExpression call && call.Method == TextMethod;

    /// <summary>A field of an XML record read as a number (null where its text is not one); any other expression as it is.</summary>
    public static Expression AsNumber(Expression e) => IsField(e) ? Expression.Call(NumberMethod, e) : e;

    /// <summary>The name a query writes for an XML name: what a name of the language cannot hold ('-', '.') becomes '_'.</summary>
    private static string ColumnName(string xmlName) =>
        string.Create(xmlName.Length, xmlName, static (chars, name) =>
        {
            for (int i = 0; i < name.Length; i++)
            {
                chars[i] = char.IsAsciiLetterOrDigit(name[i]) ? name[i] : '_';
            }
        });
}
