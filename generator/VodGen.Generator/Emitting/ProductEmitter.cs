using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits the product's service class: code, version and the regional endpoint table; and a module initializer that
/// tells the runtime which operations the assembly has, so that configuration naming one can be checked at start.
/// </summary>
internal static class ProductEmitter
{
    public static string Emit(ProductSource source)
    {
        var product = source.Product;
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + product.Namespace);
        writer.WriteLine("/// <summary>Facts about the " + XmlDoc.Escape(product.Product) + " API (" + XmlDoc.Escape(product.Version) + ") taken from its spec files.</summary>");
        writer.WriteGeneratedAttributes();
        writer.Open(product.Accessibility + " static partial class " + product.ServiceClassName);
        writer.WriteLine("/// <summary>The product code.</summary>");
        writer.WriteLine("public const string Product = " + Literals.String(product.Product) + ";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The API version.</summary>");
        writer.WriteLine("public const string Version = " + Literals.String(product.Version) + ";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The regional endpoints the spec lists.</summary>");
        writer.WriteLine("public static global::VodGen.GeneratedCode.VodEndpointTable Endpoints { get; } = new(Product, new global::System.Collections.Generic.KeyValuePair<string, string>[]");
        writer.WriteLine("{");
        foreach (var endpoint in product.Endpoints)
        {
            writer.WriteLine("\tnew(" + Literals.String(endpoint.RegionId) + ", " + Literals.String(endpoint.Host) + "),");
        }

        writer.WriteLine("});");
        writer.Close();
        writer.WriteLine();

        // The extension class is declared in part by every operation's file; attributes that may appear once go here.
        writer.WriteGeneratedAttributes();
        writer.WriteLine(product.Accessibility + " static partial class " + OperationNames.ExtensionsClass(product));
        writer.WriteLine("{");
        writer.WriteLine("}");
        writer.WriteLine();
        writer.WriteGeneratedAttributes();
        writer.Open("file static class " + product.ServiceClassName + "Registration");
        writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.WriteLine("internal static void Register()");
        writer.WriteLine("\t=> global::VodGen.GeneratedCode.VodOperationCatalog.Register(new string[]");
        writer.WriteLine("\t{");
        foreach (var name in source.Operations)
        {
            writer.WriteLine("\t\t" + Literals.String(name) + ",");
        }

        writer.WriteLine("\t});");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
