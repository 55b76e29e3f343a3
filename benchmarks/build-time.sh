#!/usr/bin/env bash
# Incremental build time of consumer projects after touching one C# file: the same project without the generator
# (the baseline), with one operation, with the VOD-scale product (186 official entries on one line, as official
# files are published), the VOD-scale product's types and properties alone as plain sources (no method bodies: the
# least a typed client of those operations compiles), the synthetic product (300 operations), and the specs-project
# pattern: the VOD-scale specs in a class library of their own, and the application (measured) referencing it. Each is
# built 3 times; the medians and their ratio to the baseline are printed as a Markdown table.
# Usage: bash benchmarks/build-time.sh            (uses the compiler server, as a developer's machine does)
#        VODGEN_NO_SERVER=1 bash benchmarks/build-time.sh   (a new compiler process per build, as CI runs it)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shared="true"
if [ "${VODGEN_NO_SERVER:-}" = "1" ]; then shared="false"; fi
dotnet build -c Release "$repo/benchmarks/VodGen.Benchmarks" >/dev/null
dotnet run -c Release --no-build --project "$repo/benchmarks/VodGen.Benchmarks" -- write-synthetic-spec "$work/synth.json" >/dev/null
dotnet run -c Release --no-build --project "$repo/benchmarks/VodGen.Benchmarks" -- write-vod-spec "$work/vod.json" >/dev/null
# The floor: the VOD-scale product's generated types and properties with every method body removed, as plain sources.
dotnet run -c Release --no-build --project "$repo/benchmarks/VodGen.Benchmarks" -- write-generated vod-one-line "$work/floor-sources" --declarations-only >/dev/null

consumer() { # name spec-file (empty: no generator at all) [directory of sources to compile as the project's own] [project to reference]
  mkdir -p "$work/$1"
  if [ -n "${3:-}" ]; then cp "$3"/*.cs "$work/$1/"; fi
  local generator=""
  if [ -n "${4:-}" ]; then generator="<ProjectReference Include=\"$4\" />"; fi
  if [ -n "$2" ]; then
    generator="<ProjectReference Include=\"$repo/generator/VodGen.Generator/VodGen.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <AdditionalFiles Include=\"$2\" VodGenSpec=\"true\" />"
  fi
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/VodGen.Generator/build/VodGen.props" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImportDirectoryBuildProps>false</ImportDirectoryBuildProps><UseSharedCompilation>$shared</UseSharedCompilation></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/runtime/VodGen.Runtime/VodGen.Runtime.csproj" />
    $generator
  </ItemGroup>
</Project>
XML
  echo 'public static class Marker { }' > "$work/$1/Marker.cs"
  dotnet restore "$work/$1" >/dev/null
  dotnet build "$work/$1" --no-restore >/dev/null   # builds the referenced projects once
}

seconds() { # project
  local start end
  touch "$work/$1/Marker.cs"
  start=$(date +%s.%N)
  dotnet build "$work/$1" --no-restore --no-dependencies >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }

consumer none ""
consumer one "$repo/specs/RefreshUploadVideo.json"
consumer vod "$work/vod.json"
consumer floor "" "$work/floor-sources"
consumer large "$work/synth.json"
# The specs-project pattern: the specs compiled once in a library; the application's own edits leave them alone.
consumer specs "$work/vod.json"
consumer app "" "" "$work/specs/specs.csproj"
seconds none >/dev/null   # warm the compiler server (when used) on a neutral build
base=""
echo "| consumer (compiler server: $shared) | build after an edit, 3 runs (s) | median | × without the generator |"
echo "| --- | --- | ---: | ---: |"
for pair in "none:without the generator" "one:one operation (RefreshUploadVideo)" "vod:VOD-scale product, one line (186 operations)" "floor:its types and properties only, no method bodies (floor, plain sources)" "large:synthetic product (300 operations)" "app:VOD-scale specs in a project of their own; the application after its edit"; do
  name="${pair%%:*}"; label="${pair#*:}"
  a=$(seconds "$name"); b=$(seconds "$name"); c=$(seconds "$name")
  m=$(median "$a" "$b" "$c")
  if [ -z "$base" ]; then base="$m"; fi
  printf '| %s | %.2f, %.2f, %.2f | %.2f | %.2f |\n' "$label" "$a" "$b" "$c" "$m" "$(echo "$m / $base" | bc -l)"
done
