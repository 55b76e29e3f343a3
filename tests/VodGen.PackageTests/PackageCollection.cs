namespace VodGen.PackageTests;

/// <summary>One pack of the packages for every test class that consumes them.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed packages";
}
