using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace VodGen.Runtime.Tests;

/// <summary>What users see of the runtime, and what is only for generated code.</summary>
public class PublicSurfaceTests
{
    private static readonly Type[] Exported = typeof(VodClient).Assembly.GetExportedTypes();

    [Fact]
    public void Every_type_generated_code_calls_is_hidden_from_IntelliSense()
    {
        var forGeneratedCode = Exported.Where(t => t.Namespace == "VodGen.GeneratedCode" && !t.IsNested).ToList();

        Assert.True(forGeneratedCode.Count >= 15, "the generated-code namespace holds the operation types, readers and writers");
        Assert.All(forGeneratedCode, t => Assert.True(
            t.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never,
            $"{t.FullName} is for generated code and must be [EditorBrowsable(Never)]"));
    }

    // What users touch, reviewed: adding a public type outside the generated-code namespace means adding it here.
    private static readonly string[] UserFacing =
    [
        "VodGen.VodClient", "VodGen.VodClientOptions", "VodGen.VodRetryOptions", "VodGen.VodSignatureVersion", "VodGen.VodTelemetry",
        "VodGen.IVodCredentialsProvider", "VodGen.IVodCredentialSource", "VodGen.VodCredentials", "VodGen.StaticCredentialsProvider",
        "VodGen.EnvironmentCredentialsProvider", "VodGen.CliProfileCredentialsProvider", "VodGen.IniFileCredentialsProvider", "VodGen.DefaultCredentialsChain",
        "VodGen.VodException", "VodGen.VodServiceException", "VodGen.VodProtocolException", "VodGen.VodThrottledException", "VodGen.VodOutcomeUnknownException",
        "VodGen.VodResponseTooLargeException", "VodGen.VodRegionNotListedException", "VodGen.VodUnreachableException", "VodGen.VodErrorCode", "VodGen.VodGatewayErrors",
        "VodGen.Throttling.VodThrottlingOptions", "VodGen.Throttling.VodThrottlingMode", "VodGen.Throttling.VodLocalRateLimiter",
        "VodGen.Throttling.VodRateLimitKey",
        "VodGen.Validation.VodLengthAttribute", "VodGen.Validation.VodPatternAttribute", "VodGen.Validation.VodRangeAttribute",
        "VodGen.Validation.VodItemCountAttribute", "VodGen.Validation.VodAllowedValuesAttribute",
        "VodGen.Credentials.VodTemporaryCredentials", "VodGen.Credentials.VodCredentialsException", "VodGen.Credentials.RefreshingCredentialsProvider",
        "VodGen.Credentials.EcsRamRoleCredentialsProvider", "VodGen.Credentials.EcsRamRoleOptions", "VodGen.Credentials.CredentialsUriProvider",
        "VodGen.Credentials.StsRoleOptions", "VodGen.Credentials.OidcRoleOptions", "VodGen.Credentials.OidcRoleCredentialsProvider",
        "VodGen.Credentials.RamRoleArnOptions", "VodGen.Credentials.RamRoleArnCredentialsProvider",
    ];

    [Fact]
    public void Outside_the_generated_code_namespace_only_the_reviewed_types_are_public()
    {
        var public_ = Exported.Where(t => t.Namespace != "VodGen.GeneratedCode" && !t.IsNested).Select(t => t.FullName!).Order(StringComparer.Ordinal);

        Assert.Equal(UserFacing.Order(StringComparer.Ordinal), public_);
    }

    // The surface users learn and the release promises to keep: the frozen baseline plus what was added since, outside
    // the generated-code namespace (which may change in any release). Growing past a budget means reviewing it. The
    // credential sources (VodGen.Credentials: providers with their options) have a budget of their own.
    [Fact]
    public void The_runtimes_user_facing_API_stays_within_its_budget_of_about_200_lines()
    {
        var lines = ApiLines().Where(line => !line.Contains("VodGen.Credentials.", StringComparison.Ordinal)).ToList();

        Assert.InRange(lines.Count, 150, 205);
    }

    [Fact]
    public void The_credential_sources_stay_within_their_budget()
        => Assert.InRange(ApiLines().Count(line => line.Contains("VodGen.Credentials.", StringComparison.Ordinal)), 20, 80);

    private static IEnumerable<string> ApiLines()
    {
        var folder = Path.Combine(RepositoryRoot(), "runtime", "VodGen.Runtime");
        return new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(folder, file)))
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.Contains("VodGen.GeneratedCode", StringComparison.Ordinal));
    }

    [Fact]
    public void Signing_and_request_building_are_not_public()
    {
        Assert.DoesNotContain(Exported, t => t.Namespace is "VodGen.Signing" or "VodGen.Transport" or "VodGen.Security" or "VodGen.Pipeline" or "VodGen.Pipeline.Steps");
    }

    [Theory]
    [InlineData("VodGen.Runtime", "VodGen")]
    [InlineData("VodGen.Upload", "VodGen.Upload")]
    [InlineData("VodGen.Extensions.DependencyInjection", "VodGen")]
    [InlineData("VodGen.Runtime.Redis", "VodGen.Redis")]
    [InlineData("VodGen.Server", "VodGen.Server")]
    [InlineData("VodGen.AspNetCore", "VodGen.AspNetCore")]
    public void Every_file_declares_the_namespace_of_its_folder(string project, string rootNamespace)
    {
        var folder = Path.Combine(RepositoryRoot(), "runtime", project);
        var declared = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (File: Path.GetRelativePath(folder, file), Declared: Regex.Match(File.ReadAllText(file), @"^namespace ([\w.]+)", RegexOptions.Multiline).Groups[1].Value))
            .Where(f => f.Declared.Length > 0)
            .ToList();
        var wrong = declared
            .Select(f => (f.File, f.Declared, Expected: string.Join(".", new[] { rootNamespace }.Concat(Path.GetDirectoryName(f.File)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)))))
            .Where(f => f.Declared != f.Expected)
            .Select(f => $"{f.File}: {f.Declared}, expected {f.Expected}")
            .ToList();

        Assert.True(declared.Count >= 2, $"only {declared.Count} files of {project} declare a namespace; the check reads nothing");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string RepositoryRoot([CallerFilePath] string source = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));
}
