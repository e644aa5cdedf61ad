using System.Runtime.CompilerServices;

namespace LogLinq.Cli.Repl;

/// <summary>Types named as C# writes them (<c>IQueryable&lt;LogRecord&gt;</c>), not as reflection does.</summary>
internal static class TypeNames
{
    /// <summary>The C# name of <paramref name="type"/>, without namespaces.</summary>
    public static string Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Of(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Of(type.GetElementType()!) + "[]";
        }

        if (IsAnonymous(type))
        {
            return "anonymous type";
        }

        if (!type.IsGenericType)
        {
            return Keyword(type) ?? type.Name;
        }

        string[] arguments = [.. type.GetGenericArguments().Select(Of)];
        if (type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
        {
            return $"({string.Join(", ", arguments)})";
        }

        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick < 0 ? name : name[..tick])}<{string.Join(", ", arguments)}>";
    }

    /// <summary>Whether <paramref name="type"/> is a C# anonymous type.</summary>
    public static bool IsAnonymous(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        && type.Name.Contains("AnonymousType", StringComparison.Ordinal);

    private static string? Keyword(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "bool",
        TypeCode.Byte => "byte",
        TypeCode.Char => "char",
        TypeCode.Decimal => "decimal",
        TypeCode.Double => "double",
        TypeCode.Int16 => "short",
        TypeCode.Int32 => "int",
        TypeCode.Int64 => "long",
        TypeCode.SByte => "sbyte",
        TypeCode.Single => "float",
        TypeCode.String => "string",
        TypeCode.UInt16 => "ushort",
        TypeCode.UInt32 => "uint",
        TypeCode.UInt64 => "ulong",
        _ => type == typeof(object) ? "object" : null,
    };
}
