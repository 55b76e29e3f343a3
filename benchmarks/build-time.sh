#!/usr/bin/env bash
# Build time of a consumer project with the whole synthetic product (300 operations) against one with one operation.
# Usage: bash benchmarks/build-time.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet run -c Release --project "$repo/benchmarks/VodGen.Benchmarks" -- write-synthetic-spec "$work/synth.json" >/dev/null

consumer() { # name spec-file
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/VodGen.Generator/build/VodGen.props" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImportDirectoryBuildProps>false</ImportDirectoryBuildProps></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/runtime/VodGen.Runtime/VodGen.Runtime.csproj" />
    <ProjectReference Include="$repo/generator/VodGen.Generator/VodGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <AdditionalFiles Include="$2" VodGenSpec="true" />
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

consumer one "$repo/specs/RefreshUploadVideo.json"
consumer large "$work/synth.json"
echo "| consumer | compile after an edit (s), 3 runs |"
echo "| --- | --- |"
echo "| one operation (RefreshUploadVideo) | $(seconds one) $(seconds one) $(seconds one) |"
echo "| 300 operations (synthetic product) | $(seconds large) $(seconds large) $(seconds large) |"
