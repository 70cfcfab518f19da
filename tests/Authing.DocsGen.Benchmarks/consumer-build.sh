#!/usr/bin/env bash
# Goal 3 of issue 7: `dotnet build` of a consumer project that runs the generator over N synthetic pages, against the same
# project with the generated sources checked in (generator removed). Several alternating runs per N; prints the median,
# min and max wall-clock time and the compiler (Csc task) time of each, and the ratio of the medians. Goal: <= 1.10x.
#
#   tests/Authing.DocsGen.Benchmarks/consumer-build.sh            # N = 100 and 600, 7 runs each
#   PAGES="600" RUNS=5 COMPILERS=server tests/Authing.DocsGen.Benchmarks/consumer-build.sh
#
# COMPILERS (default "server process") says how csc runs: `server` = a compiler server of this script's own
# (UseSharedCompilation=true, its own SharedCompilationId), warm between builds, as on a developer machine; `process` =
# a new csc process per build (UseSharedCompilation=false, what this machine's environment and CI set), so the
# generator is loaded and JIT-compiled anew in every build.
#
# Each timed build is `dotnet build --no-restore --no-incremental` (a full recompile of the consumer; project references
# are not involved: both consumers reference the runtime DLL, and A the generator DLLs, as a package would give them).
# MSBuild runs without node reuse and any compiler server is this script's own, so no build process started by anyone
# else on the machine is involved (and a `nice -n -15` on this script reaches every process it times). The first build
# of each project (restore, server start) is not timed. Work files go to $WORK (default: a new folder under /tmp).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
pages_list="${PAGES:-100 600}"
runs="${RUNS:-7}"
work="${WORK:-$(mktemp -d /tmp/authing-consumer-build.XXXXXX)}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
compilers="${COMPILERS:-server process}"
build_flags=(-nodeReuse:false -p:UseSharedCompilation=true -p:SharedCompilationId="authing-consumer-build-$$")

echo "Building the generator, the runtime and the corpus writer (Release)..." >&2
dotnet build "$repo/generator/Authing.DocsGen.Generator/Authing.DocsGen.Generator.csproj" -c Release -v quiet -nologo >&2
dotnet build "$repo/generator/Authing.DocsGen.Runtime/Authing.DocsGen.Runtime.csproj" -c Release -v quiet -nologo >&2
dotnet build "$here/Authing.DocsGen.Benchmarks.csproj" -c Release -v quiet -nologo >&2

# The generator as a package would ship it: its DLL next to Markdig and Scriban (copied, so a rebuild elsewhere cannot
# change it mid-run).
mkdir -p "$work/analyzer" "$work/lib"
cp "$repo/generator/Authing.DocsGen.Generator/bin/Release/netstandard2.0/"{Authing.DocsGen.Generator.dll,Markdig.Signed.dll,Scriban.Signed.dll} "$work/analyzer/"
cp "$repo/generator/Authing.DocsGen.Runtime/bin/Release/net8.0/Authing.DocsGen.Runtime.dll" "$work/lib/"
props="$repo/generator/Authing.DocsGen.Generator/build/Authing.DocsGen.props"
versions="$repo/Directory.Packages.props"
version_of() { sed -n "s/.*Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$versions"; }

write_project() { # $1 = folder, $2 = with-generator|checked-in
  local dir="$1" kind="$2"
  mkdir -p "$dir"
  cat >"$dir/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
    <AssemblyName>Consumer</AssemblyName>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
    <NoWarn>\$(NoWarn);ADG003;ADG010;ADG014</NoWarn>
    <AuthingDocsGenNamespace>Authing.Sdk</AuthingDocsGenNamespace>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$work/lib/Authing.DocsGen.Runtime.dll" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection.Abstractions" Version="$(version_of Microsoft.Extensions.DependencyInjection.Abstractions)" />
    <PackageReference Include="Microsoft.Extensions.Http" Version="$(version_of Microsoft.Extensions.Http)" />
    <PackageReference Include="Microsoft.Extensions.Options" Version="$(version_of Microsoft.Extensions.Options)" />
    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="$(version_of Microsoft.Extensions.Logging.Abstractions)" />
  </ItemGroup>
EOF
  if [[ "$kind" == with-generator ]]; then
    cat >>"$dir/Consumer.csproj" <<EOF
  <ItemGroup>
    <Analyzer Include="$work/analyzer/Authing.DocsGen.Generator.dll;$work/analyzer/Markdig.Signed.dll;$work/analyzer/Scriban.Signed.dll" />
    <AdditionalFiles Include="docs/**/*.md" />
  </ItemGroup>
  <Import Project="$props" />
</Project>
EOF
  else
    cat >>"$dir/Consumer.csproj" <<EOF
  <!-- Generated/ holds what the generator wrote for the same pages: compiled like any source. -->
</Project>
EOF
  fi
  cat >"$dir/Usage.cs" <<'EOF'
namespace Consumer
{
    public static class Usage
    {
        public static System.Type Client => typeof(Authing.Sdk.ManagementClient);
    }
}
EOF
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minmax() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }

# One timed build: prints "wall_ms csc_ms generator_ms". The compiler's own report (ReportAnalyzer, in a detailed file
# log, for both projects alike) gives the time spent in AuthingDocsGenerator inside csc: the generator's exact share,
# whatever the noise in the rest of the build.
timed_build() {
  local dir="$1" log start end csc generator
  log="$(mktemp)"
  start=$(date +%s%N)
  dotnet build "$dir/Consumer.csproj" "${build_flags[@]}" --no-restore --no-incremental -nologo -clp:PerformanceSummary -v minimal \
    -p:ReportAnalyzer=true "-flp:verbosity=detailed;logfile=$log.detailed" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  end=$(date +%s%N)
  csc=$(awk '/Task Performance Summary/ { t = 1 } t && $3 == "Csc" { print $1; exit }' "$log")
  generator=$(awk '$NF == "Authing.DocsGen.AuthingDocsGenerator" { printf "%d", $1 * 1000; exit }' "$log.detailed")
  rm -f "$log" "$log.detailed"
  echo "$(( (end - start) / 1000000 )) ${csc:-0} ${generator:-0}"
}

results=()
for n in $pages_list; do
  a="$work/n$n/with-generator" b="$work/n$n/checked-in"
  rm -rf "$work/n$n"
  write_project "$a" with-generator
  write_project "$b" checked-in
  dotnet "$here/bin/Release/net10.0/Authing.DocsGen.Benchmarks.dll" corpus "$n" "$a/docs" >&2

  # The generated sources, emitted by one build of A, become B's checked-in sources.
  dotnet build "$a/Consumer.csproj" "${build_flags[@]}" -nologo -v quiet -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/n$n/emitted" >&2
  mkdir -p "$b/Generated"
  cp -r "$work/n$n/emitted/Authing.DocsGen.Generator/Authing.DocsGen.AuthingDocsGenerator/." "$b/Generated/"
  files=$(find "$b/Generated" -name '*.cs' | wc -l)
  dotnet build "$b/Consumer.csproj" "${build_flags[@]}" -nologo -v quiet >&2

  for compiler in $compilers; do
    if [[ "$compiler" == server ]]; then
      build_flags=(-nodeReuse:false -p:UseSharedCompilation=true -p:SharedCompilationId="authing-consumer-build-$$")
      timed_build "$a" >/dev/null; timed_build "$b" >/dev/null # start and warm the server
    else
      build_flags=(-nodeReuse:false -p:UseSharedCompilation=false)
    fi
    wall_a=() wall_b=() csc_a=() csc_b=() gen_a=()
    for ((i = 1; i <= runs; i++)); do
      read -r w c g < <(timed_build "$a"); wall_a+=("$w"); csc_a+=("$c"); gen_a+=("$g")
      read -r w c g < <(timed_build "$b"); wall_b+=("$w"); csc_b+=("$c")
      echo "N=$n $compiler run $i: with generator ${wall_a[-1]} ms (Csc ${csc_a[-1]}, generator ${gen_a[-1]}), checked in ${wall_b[-1]} ms (Csc ${csc_b[-1]})" >&2
    done
    ma=$(printf '%s\n' "${wall_a[@]}" | median) mb=$(printf '%s\n' "${wall_b[@]}" | median)
    ca=$(printf '%s\n' "${csc_a[@]}" | median) cb=$(printf '%s\n' "${csc_b[@]}" | median)
    ga=$(printf '%s\n' "${gen_a[@]}" | median)
    results+=("$(printf '| %s | %s | %s | %s (%s) | %s (%s) | %.2fx | %s / %s | %.2fx | %s (%s) | %.2fx |' "$n" "$files" "$compiler" \
      "$ma" "$(printf '%s\n' "${wall_a[@]}" | minmax)" "$mb" "$(printf '%s\n' "${wall_b[@]}" | minmax)" \
      "$(awk -v a="$ma" -v b="$mb" 'BEGIN { print a / b }')" "$ca" "$cb" "$(awk -v a="$ca" -v b="$cb" 'BEGIN { print (b > 0 ? a / b : 0) }')" \
      "$ga" "$(printf '%s\n' "${gen_a[@]}" | minmax)" "$(awk -v g="$ga" -v b="$mb" 'BEGIN { print (b + g) / b }')")")
  done
done

printf '\n| N pages | generated files | csc | with generator: wall median (min-max) ms | checked in: wall median (min-max) ms | wall ratio | Csc task median, with / checked in, ms | Csc ratio | generator inside csc: median (min-max) ms | (checked-in wall + generator) / checked-in wall |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
printf '%s\n' "${results[@]}"
echo "(work files: $work)" >&2
