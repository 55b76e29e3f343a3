using BenchmarkDotNet.Running;
using VodGen.Benchmarks;

// dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- limiter-accuracy   (the 10 s accuracy measurement)
// dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- upload-throughput  (upload vs raw PUTs, alternating pairs)
// dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- whole-call-profile [--modes] [--only TEXT] [ROUNDS]  (a call's time, step by step)
// DOTNET_TieredCompilation=0 dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- profile-generation vod-one-line  (where generation time goes; also vod-published-size, synthetic-300)
// dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- parse-ratio [BLOCKS]  (generated reader / JsonDocument.Parse, alternating blocks)
// dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- profile-compile vod-one-line [ROUNDS] [--only TEXT]  (what each kind of generated body costs the compiler)
// dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- profile-analyzers vod-one-line SDK/Sdks/Microsoft.NET.Sdk/analyzers [--every-analyzer]  (CA2252 and CA1856/CA1857 on generated code)
// dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- write-generated vod-one-line DIR [--declarations-only]
// dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- --filter '*'       (BenchmarkDotNet suites)
if (args.Length == 2 && args[0] is "write-synthetic-spec" or "write-vod-spec")
{
    // The products the generation benchmarks measure, for benchmarks/build-time.sh.
    await File.WriteAllTextAsync(args[1], GenerationBenchmarks.SpecOf(args[0] == "write-vod-spec" ? "vod-one-line" : "synthetic-300"));
    return 0;
}

if (args.Length == 2 && args[0] == "profile-generation")
{
    return ProfileGeneration.Run(Console.Out, args[1]);
}

if (args.Length is 1 or 2 && args[0] == "parse-ratio")
{
    return ParseRatio.Run(Console.Out, args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 41);
}

if (args.Length >= 2 && args[0] == "profile-compile")
{
    var only = Array.IndexOf(args, "--only") is var at and > 0 && at + 1 < args.Length ? args[at + 1] : null;
    var rounds = args.Length > 2 && int.TryParse(args[2], out var r) ? r : 5;
    return ProfileCompile.Run(Console.Out, args[1], rounds, only);
}

if (args.Length is 3 or 4 && args[0] == "profile-analyzers")
{
    return await ProfileAnalyzers.RunAsync(Console.Out, args[1], args[2], everyAnalyzer: args.Length == 4 && args[3] == "--every-analyzer");
}

if (args.Length is 3 or 4 && args[0] == "write-generated")
{
    // The sources generated for a product, to read what the output is made of; with --declarations-only, bodies
    // removed (the floor that benchmarks/build-time.sh builds).
    return ProfileGeneration.WriteSources(args[1], args[2], declarationsOnly: args.Length == 4 && args[3] == "--declarations-only");
}

if (args.Length > 0 && args[0] == "limiter-accuracy")
{
    var limits = args.Skip(1).Select(int.Parse).ToArray();
    return await LimiterAccuracy.RunAsync(Console.Out, limits: limits);
}

if (args.Length > 0 && args[0] == "upload-throughput")
{
    return await UploadThroughput.RunAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 9);
}

if (args.Length > 0 && args[0] == "whole-call-profile")
{
    var only = Array.IndexOf(args, "--only") is var at and > 0 && at + 1 < args.Length ? args[at + 1] : null;
    var rounds = args.Skip(1).Where(a => a != "--modes" && a != "--only" && a != only).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(15).First();
    return await WholeCallProfile.RunAsync(Console.Out, modesOnly: args.Contains("--modes"), rounds, only);
}

BenchmarkSwitcher.FromAssembly(typeof(LimiterBenchmarks).Assembly).Run(args);
return 0;
