namespace VodGen.Generator;

/// <summary>Names of the pipeline steps, so tests can check which steps ran and why.</summary>
internal static class TrackingNames
{
    public const string Parsed = nameof(Parsed);
    public const string Options = nameof(Options);
    public const string Merged = nameof(Merged);
    public const string Products = nameof(Products);
    public const string Operations = nameof(Operations);
    public const string SharedTypes = nameof(SharedTypes);

    public const string BoundOperations = nameof(BoundOperations);

    public const string BoundSharedTypes = nameof(BoundSharedTypes);

    public const string Namespaces = nameof(Namespaces);
    public const string HelpPage = nameof(HelpPage);
    public const string FileDiagnostics = nameof(FileDiagnostics);
    public const string MergeDiagnostics = nameof(MergeDiagnostics);
    public const string UploadSupport = nameof(UploadSupport);
    public const string RuntimeCheck = nameof(RuntimeCheck);

    public const string RuntimeReference = nameof(RuntimeReference);
    public const string Uploads = nameof(Uploads);
    public const string BoundUploads = nameof(BoundUploads);
}
