using System.Collections;
using System.Reflection;
using LogLinq.Records;

namespace LogLinq.Cli.Repl;

/// <summary>
/// How values of one type become named cells: a record's fields, a tuple's or an anonymous type's
/// members, a pair's key and value; a scalar is one cell under no header.
/// </summary>
internal sealed class ColumnSet
{
    // What a table of records shows: enough to recognise a request on one line. A record on its
    // own shows every field.
    private static readonly string[] RecordTableColumns =
        [nameof(LogRecord.Time), nameof(LogRecord.Host), nameof(LogRecord.Method), nameof(LogRecord.Path), nameof(LogRecord.Status), nameof(LogRecord.Bytes)];

    private readonly Type _type;
    private readonly Func<object, object?>[] _getters;

    private ColumnSet(Type type, IReadOnlyList<string>? names, Func<object, object?>[] getters)
    {
        _type = type;
        Names = names;
        _getters = getters;
    }

    /// <summary>The column headers; null for a single column of plain values, which needs none.</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>How many cells a row has.</summary>
    public int Count => _getters.Length;

    /// <summary>
    /// Whether a value of <paramref name="type"/> is shown as named fields rather than as itself:
    /// records, tuples, pairs, anonymous types and plain classes; not a type that says what it is
    /// through its own <see cref="object.ToString"/>.
    /// </summary>
    public static bool IsComposite(Type type)
    {
        if (ValueText.IsScalar(type) || type == typeof(object) || type.IsArray)
        {
            return false;
        }

        if (type == typeof(LogRecord) || type == typeof(GenericRecord) || IsTuple(type) || IsPair(type)
            || GroupingKey(type) is not null || TypeNames.IsAnonymous(type) || IsRecord(type))
        {
            return true;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type) || type.IsInterface || type.IsAbstract)
        {
            return false;
        }

        MethodInfo toString = type.GetMethod(nameof(ToString), Type.EmptyTypes)!;
        bool describesItself = toString.DeclaringType != typeof(object) && toString.DeclaringType != typeof(ValueType);
        return !describesItself && Members(type).Any();
    }

    /// <summary>The columns for a table of <paramref name="elementType"/>, the static type of its rows.</summary>
    /// <param name="elementType">The rows' type as the query declares it.</param>
    /// <param name="first">The first row, whose own type is used when the declared one says little (object).</param>
    /// <param name="tupleNames">The names the compiler gave a tuple's elements, which the runtime type has lost.</param>
    public static ColumnSet ForTable(Type elementType, object? first, IReadOnlyList<string>? tupleNames)
    {
        Type type = elementType == typeof(object) || elementType.IsInterface && GroupingKey(elementType) is null
            ? first?.GetType() ?? elementType
            : elementType;
        return type == typeof(LogRecord) ? Properties(type, RecordTableColumns) : For(type, first, tupleNames);
    }

    /// <summary>The fields of one composite value, every one of them.</summary>
    public static ColumnSet ForFields(object value, IReadOnlyList<string>? tupleNames) =>
        For(value.GetType(), value, tupleNames);

    /// <summary>The cells of <paramref name="row"/>; a row of another type fills the first cell with its text.</summary>
    public object?[] Cells(object? row)
    {
        object?[] cells = new object?[_getters.Length];
        if (row is null || !_type.IsInstanceOfType(row))
        {
            cells[0] = row;
            return cells;
        }

        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = _getters[i](row);
        }

        return cells;
    }

    private static ColumnSet For(Type type, object? sample, IReadOnlyList<string>? tupleNames)
    {
        if (sample is object?[] cells && tupleNames is { } names && names.Count == cells.Length)
        {
            // A pipe query's row: its cells under the query's column names.
            return new ColumnSet(type, [.. names], [.. Enumerable.Range(0, names.Count).Select(i => (Func<object, object?>)(row => ((object?[])row)[i]))]);
        }

        if (!IsComposite(type))
        {
            return new ColumnSet(typeof(object), null, [row => row]);
        }

        if (type == typeof(GenericRecord))
        {
            string[] keys = sample is GenericRecord record ? [.. record.Keys] : [];
            return new ColumnSet(
                type,
                keys,
                [.. keys.Select(key => (Func<object, object?>)(row => ((GenericRecord)row).TryGetValue(key, out object? v) ? v : null))]);
        }

        if (IsTuple(type))
        {
            return Tuple(type, tupleNames);
        }

        if (GroupingKey(type) is not null)
        {
            PropertyInfo key = type.GetInterfaces().Append(type)
                .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IGrouping<,>))
                .GetProperty("Key")!;
            return new ColumnSet(
                type,
                ["Key", "Count"],
                [key.GetValue, row => ((IEnumerable)row).Cast<object?>().LongCount()]);
        }

        return Properties(type, names: null);
    }

    private static ColumnSet Properties(Type type, string[]? names)
    {
        MemberInfo[] members = [.. Members(type).Where(m => names is null || names.Contains(m.Name, StringComparer.Ordinal))];
        if (names is not null)
        {
            members = [.. names.Select(name => members.First(m => m.Name == name))];
        }

        return new ColumnSet(
            type,
            [.. members.Select(m => m.Name)],
            [.. members.Select(Getter)]);
    }

    private static ColumnSet Tuple(Type type, IReadOnlyList<string>? tupleNames)
    {
        // Elements past the seventh live in a nested tuple, Rest.
        var getters = new List<Func<object, object?>>();
        Func<object, object?> path = row => row;
        for (Type current = type; ;)
        {
            FieldInfo[] items = [.. current.GetFields().Where(f => f.Name.StartsWith("Item", StringComparison.Ordinal)).OrderBy(f => f.Name.Length).ThenBy(f => f.Name, StringComparer.Ordinal)];
            Func<object, object?> outer = path;
            foreach (FieldInfo item in items)
            {
                getters.Add(row => outer(row) is { } inner ? item.GetValue(inner) : null);
            }

            FieldInfo? rest = current.GetField("Rest");
            if (rest is null || !IsTuple(rest.FieldType))
            {
                break;
            }

            path = row => outer(row) is { } inner ? rest.GetValue(inner) : null;
            current = rest.FieldType;
        }

        string[] names = tupleNames is { } given && given.Count == getters.Count
            ? [.. given]
            : [.. Enumerable.Range(1, getters.Count).Select(i => $"Item{i}")];
        return new ColumnSet(type, names, [.. getters]);
    }

    private static IEnumerable<MemberInfo> Members(Type type)
    {
        foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance))
        {
            if (member is PropertyInfo { CanRead: true } property && property.GetIndexParameters().Length == 0
                && property.GetMethod!.IsPublic && property.Name != "EqualityContract")
            {
                yield return member;
            }
            else if (member is FieldInfo)
            {
                yield return member;
            }
        }
    }

    private static Func<object, object?> Getter(MemberInfo member) => member switch
    {
        PropertyInfo property => property.GetValue,
        FieldInfo field => field.GetValue,
        _ => throw new ArgumentException($"not a property or field: {member}", nameof(member)),
    };

    private static bool IsTuple(Type type) =>
        type.IsValueType && type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true;

    private static bool IsPair(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);

    // The compiler gives every record class and record struct a PrintMembers(StringBuilder) for its ToString.
    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(System.Text.StringBuilder)]) is not null;

    private static Type? GroupingKey(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IGrouping<,>))
            ?.GetGenericArguments()[0];
}
