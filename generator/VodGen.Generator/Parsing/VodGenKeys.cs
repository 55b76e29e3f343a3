namespace VodGen.Generator.Parsing;

/// <summary>
/// Whether an operation entry carries VodGen's own keys (<c>x-vodgen-*</c>) anywhere in it. Such an entry is a
/// VodGen spec, written to be taken as it is; an entry without any is official metadata, to which what VodGen knows
/// about the product is added (see Knowledge/).
/// </summary>
internal static class VodGenKeys
{
    public const string Prefix = "x-vodgen-";

    public static bool AnyIn(JsonTreeNode node)
    {
        switch (node)
        {
            case JsonObjectNode owner:
                foreach (var property in owner.Properties)
                {
                    if (property.NameStartsWith(Prefix) || AnyIn(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArrayNode array:
                foreach (var item in array.Items)
                {
                    if (AnyIn(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
