using System.Reflection;

namespace LogLinq.Query.Planning;

/// <summary>
/// A generic method whose type arguments are known only at run time (the type a selector returns),
/// as a delegate to call like any other: <c>MakeGenericMethod</c> and <c>CreateDelegate</c>.
/// </summary>
// Not Activator.CreateInstance or MethodInfo.Invoke: from their second call on the same method they
// emit a stub with Reflection.Emit, compiled at full optimisation, and a plain query loaded the
// Emit assemblies for nothing else.
internal static class GenericFactory
{
    /// <summary>The static method <paramref name="name"/> of <paramref name="owner"/> for <paramref name="typeArguments"/>, as a <typeparamref name="TDelegate"/>.</summary>
    public static TDelegate Of<TDelegate>(Type owner, string name, params Type[] typeArguments)
        where TDelegate : Delegate =>
        owner.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(typeArguments).CreateDelegate<TDelegate>();
}
