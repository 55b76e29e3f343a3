#!/usr/bin/env bash
# Incremental build time of consumer projects after touching one C# file, built as users build them: from VodGen
# packages packed here (into a feed of this run's own). The consumers: an application that references the runtime
# package alone (the baseline); with one operation; with the VOD-scale product (186 official entries on one line, as
# official files are published); the VOD-scale product's generated types and properties alone as plain sources (no
# method bodies: the least a typed client of those operations compiles; the floor); the synthetic product (300
# operations); and the specs-project pattern: the VOD-scale specs in a class library of their own that references
# VodGen, and the application (measured) that references that library. The consumers build in alternating rounds
# (VODGEN_ROUNDS, 5 by default); the medians and their ratio to the baseline are printed as a Markdown table.
# Usage: bash benchmarks/build-time.sh            (uses the compiler server, as a developer's machine does)
#        VODGEN_NO_SERVER=1 bash benchmarks/build-time.sh   (a new compiler process per build, as CI runs it)
#        VODGEN_REPORT_ANALYZERS=1 bash benchmarks/build-time.sh   (and the time of each analyzer and generator in the VOD-scale build)
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

# The packages, packed from a copy of the sources (the repository's own build output stays as it is) with a version
# of their own, into a feed that the consumers use beside the machine's own package sources.
version="0.0.0-buildtime"
# A packages folder of the run's own: the machine's cache would serve an earlier run's packages of the same version.
export NUGET_PACKAGES="$work/nuget-packages"
mkdir -p "$work/src" "$work/feed"
for item in Directory.Build.props Directory.Packages.props nuget.config generator runtime specs docs artifacts; do
  if [ -e "$repo/$item" ]; then cp -r "$repo/$item" "$work/src/"; fi
done
find "$work/src" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
for project in runtime/VodGen.Runtime/VodGen.Runtime.csproj generator/VodGen.Package/VodGen.Package.csproj; do
  dotnet pack "$work/src/$project" -c Release -o "$work/feed" -p:Version="$version" >/dev/null
done
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="buildtime-feed" value="$work/feed" /></packageSources></configuration>
XML

consumer() { # name package [spec file] [directory of sources to compile as the project's own] [project to reference] [library]
  mkdir -p "$work/$1"
  local items="<PackageReference Include=\"$2\" Version=\"$version\" />"
  if [ -n "${3:-}" ]; then mkdir -p "$work/$1/specs"; cp "$3" "$work/$1/specs/"; fi
  if [ -n "${4:-}" ]; then cp "$4"/*.cs "$work/$1/"; fi
  if [ -n "${5:-}" ]; then items="<ProjectReference Include=\"$5\" />"; fi
  local output="Exe" marker='public static class Marker { public static void Main() { } }'
  if [ -n "${6:-}" ]; then output="Library"; marker='public static class Marker { }'; fi
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>$output</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><UseSharedCompilation>$shared</UseSharedCompilation></PropertyGroup>
  <ItemGroup>$items</ItemGroup>
</Project>
XML
  echo "$marker" > "$work/$1/Marker.cs"
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

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

consumer none VodGen.Runtime
consumer one VodGen "$repo/specs/RefreshUploadVideo.json"
consumer vod VodGen "$work/vod.json"
consumer floor VodGen.Runtime "" "$work/floor-sources"
consumer large VodGen "$work/synth.json"
# The specs-project pattern: the specs compiled once in a library; the application's own edits leave them alone.
consumer specs VodGen "$work/vod.json" "" "" library
consumer app VodGen "" "" "$work/specs/specs.csproj"
seconds none >/dev/null   # warm the compiler server (when used) on a neutral build
# Rounds in which every consumer builds once, so that the machine's drift over minutes touches them alike.
rounds="${VODGEN_ROUNDS:-5}"
names=(none one vod floor large app)
labels=("the runtime package only (baseline)" "one operation (RefreshUploadVideo)" "VOD-scale product, one line (186 operations)" "its types and properties only, no method bodies (floor, plain sources)" "synthetic product (300 operations)" "VOD-scale specs in a library of their own; the application after its edit")
declare -A times
for ((round = 0; round < rounds; round++)); do
  for name in "${names[@]}"; do times[$name]="${times[$name]:-} $(seconds "$name")"; done
done
base=$(median ${times[none]})
echo "| consumer (packages; compiler server: $shared; $rounds alternating rounds) | builds after an edit (s) | median | × the baseline |"
echo "| --- | --- | ---: | ---: |"
for i in "${!names[@]}"; do
  name="${names[$i]}"
  m=$(median ${times[$name]})
  printf '| %s | %s | %.2f | %.2f |\n' "${labels[$i]}" "$(printf '%.2f ' ${times[$name]} | sed 's/ $//; s/ /, /g')" "$m" "$(echo "$m / $base" | bc -l)"
done
printf '\nVOD-scale consumer ÷ floor: %.2f\n' "$(echo "$(median ${times[vod]}) / $(median ${times[floor]})" | bc -l)"

# Analyzer and generator time by analyzer in the VOD-scale consumer, from one more build after an edit.
if [ "${VODGEN_REPORT_ANALYZERS:-}" = "1" ]; then
  touch "$work/vod/Marker.cs"
  echo
  echo "VOD-scale consumer, one build after an edit with -p:ReportAnalyzer=true (seconds, % of its kind):"
  dotnet build "$work/vod" --no-restore --no-dependencies -p:ReportAnalyzer=true -v:d 2>&1 \
    | grep -E "Total (analyzer|generator) execution time|^ +[0-9]+\.[0-9]+ +[0-9]+ +[A-Za-z]" | sed -E 's/^ +//' | head -12
fi
