using Xunit.Abstractions;
using Xunit.Sdk;

namespace OktaBaton.Pester.Tests;

/// <summary>Marks the method that runs one Pester test; <see cref="PesterTestDiscoverer"/> makes one case per It.</summary>
[XunitTestCaseDiscoverer("OktaBaton.Pester.Tests.PesterTestDiscoverer", "OktaBaton.Pester.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class PesterTestAttribute : FactAttribute;

/// <summary>
/// One test case per discovered Pester test, the key as its argument, in one test collection per file: xunit
/// runs collections side by side, so the files selected for a run (all, or a --filter's) run in parallel.
/// </summary>
public sealed class PesterTestDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var collections = new Dictionary<string, ITestMethod>(StringComparer.Ordinal);
        foreach (var key in PesterDiscovery.Keys())
        {
            var file = key == PesterDiscovery.FailedKey ? key : PesterRecord.FileOf(key);
            if (!collections.TryGetValue(file, out var method))
            {
                var collection = new TestCollection(testMethod.TestClass.TestCollection.TestAssembly, collectionDefinition: null, "Pester " + file);
                method = new TestMethod(new TestClass(collection, testMethod.TestClass.Class), testMethod.Method);
                collections[file] = method;
            }

            yield return new PesterTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), method, key);
        }
    }
}

/// <summary>Named by its whole Pester path ("tests/pester/file > Describe > It"), never cut short as theory arguments are.</summary>
public sealed class PesterTestCase : XunitTestCase
{
    [Obsolete("For deserialization only")]
    public PesterTestCase()
    {
    }

    public PesterTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string key)
        : base(sink, display, options, method, [key])
    {
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        "tests/pester/" + (string)TestMethodArguments[0];
}
