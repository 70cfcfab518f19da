#!/usr/bin/env bash
# The one command for issue 7's measurements (docs/benchmarks.md holds the results and how to read them):
#
#   tests/Authing.DocsGen.Benchmarks/run-benchmarks.sh
#
# 1. BenchmarkDotNet, Release, in process (this repository's Directory.Build.props and central package versions get in
#    the way of BenchmarkDotNet's generated out-of-process project), one launch, 6 warm-up and 15 measured iterations:
#    generator cold vs Markdig (goal 1), one-page edit vs cold (goal 2), per-stage attribution, JSON and client calls
#    (goal 4). Results: $OUT/results/*-report-github.md.
# 2. Peak memory of one cold generator run at N = 600, each in a fresh process (/usr/bin/time -v and the process's own
#    figures), next to Markdig alone and to a process that only builds the corpus.
# 3. The consumer build comparison (goal 3): consumer-build.sh (skip with SKIP_CONSUMER=1).
#
# On a shared machine, run it as `nice -n -15 tests/Authing.DocsGen.Benchmarks/run-benchmarks.sh` (as root) so that other
# processes disturb the measurements less; docs/benchmarks.md was measured that way.
#
# Environment: FILTER (BenchmarkDotNet --filter, default '*'), OUT (default BenchmarkDotNet.Artifacts at the repository
# root, which git ignores), PAGES and RUNS for consumer-build.sh.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${OUT:-$repo/BenchmarkDotNet.Artifacts}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$here/Authing.DocsGen.Benchmarks.csproj" -c Release -nologo -v quiet
bench=(dotnet "$here/bin/Release/net10.0/Authing.DocsGen.Benchmarks.dll")

echo "== Machine"
echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
dotnet --version

echo "== BenchmarkDotNet"
"${bench[@]}" --filter "${FILTER:-*}" --inProcess --launchCount 1 --warmupCount 6 --iterationCount 15 \
  --artifacts "$out" --exporters github

echo "== Peak memory, one cold run at N = 600 (fresh process each)"
for mode in none markdig generator; do
  log="$(mktemp)"
  /usr/bin/time -v "${bench[@]}" peak-memory 600 "$mode" 2>"$log"
  echo "   max RSS (/usr/bin/time -v): $(awk -F: '/Maximum resident set size/ { printf "%.1f MB", $2 / 1024 }' "$log")"
  rm -f "$log"
done

if [[ "${SKIP_CONSUMER:-0}" != 1 ]]; then
  echo "== Consumer build"
  "$here/consumer-build.sh"
fi
