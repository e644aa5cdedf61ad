using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using LogLinq.Query;

namespace LogLinq.Tests.Embedding;

/// <summary>What <c>dotnet pack src/LogLinq</c> gives: the library, its XML docs for every public member, a README.</summary>
[Collection(PackedLibraryCollection.Name)]
public sealed class PackageTests(PackedLibrary package)
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    [Fact]
    public void The_package_is_LogLinq_with_the_core_assembly_its_docs_and_a_readme()
    {
        package.Entries().Should().Contain(["lib/net10.0/LogLinq.Core.dll", "lib/net10.0/LogLinq.Core.xml", "README.md"]);

        XElement metadata = XDocument.Parse(package.Read("LogLinq.nuspec")).Root!.Element(Nuspec + "metadata")!;
        metadata.Element(Nuspec + "id")!.Value.Should().Be("LogLinq");
        metadata.Element(Nuspec + "readme")!.Value.Should().Be("README.md");
        metadata.Element(Nuspec + "description")!.Value.Should().NotBeNullOrWhiteSpace();
        metadata.Descendants(Nuspec + "dependency").Select(d => d.Attribute("id")!.Value)
            .Should().BeEquivalentTo("SharpCompress", "Sprache", "System.IO.Hashing", "ZstdSharp.Port");
        package.Read("README.md").Should().Contain("LogSource.Open");
    }

    [Fact]
    public void Every_public_type_and_member_has_docs_in_the_package()
    {
        HashSet<string> documented = [.. XDocument.Parse(package.Read("lib/net10.0/LogLinq.Core.xml"))
            .Descendants("member").Select(m => m.Attribute("name")!.Value)];

        var missing = new List<string>();
        foreach (Type type in typeof(LogSource).Assembly.GetExportedTypes())
        {
            string name = type.FullName!.Replace('+', '.');
            if (!documented.Contains($"T:{name}"))
            {
                missing.Add($"T:{name}");
            }

            foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (Id(name, member) is { } id && !documented.Any(d => d == id || d.StartsWith(id + "(", StringComparison.Ordinal) || d.StartsWith(id + "``", StringComparison.Ordinal)))
                {
                    missing.Add(id);
                }
            }
        }

        missing.Should().BeEmpty();
    }

    /// <summary>The start of a member's documentation id, or null for what the compiler wrote and nobody documents.</summary>
    private static string? Id(string type, MemberInfo member)
    {
        // An enum's value__ is a special-name field that holds the value: nothing to document.
        if (member.IsDefined(typeof(CompilerGeneratedAttribute)) || member is MethodInfo { IsSpecialName: true } || member is FieldInfo { IsSpecialName: true }
            || member is TypeInfo || member.Name is "Deconstruct" or "EqualityContract")
        {
            return null;
        }

        // A record's Equals(T) and ToString come from the compiler but carry no attribute saying so.
        if (member is MethodInfo method && method.DeclaringType!.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null
            && method.Name is "Equals" or "GetHashCode" or "ToString" or "<Clone>$")
        {
            return null;
        }

        return member switch
        {
            ConstructorInfo => $"M:{type}.#ctor",
            MethodInfo => $"M:{type}.{member.Name}",
            PropertyInfo => $"P:{type}.{member.Name}",
            FieldInfo => $"F:{type}.{member.Name}",
            EventInfo => $"E:{type}.{member.Name}",
            _ => null,
        };
    }
}
