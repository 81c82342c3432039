#!/usr/bin/env bash
# Runs nbf's whole JMH suite, each figure beside its baseline in the same run, and writes
#   benchmarks/results/<group>.json   JMH JSON, one file per figure group
#   benchmarks/results/<group>.log    JMH's console output
#   benchmarks/results/summary.md     the tables of docs/BENCHMARKS.md with PASS / MISS
#
# Usage (from anywhere; the root reactor must have been installed: mvn -B install -DskipTests):
#   benchmarks/run.sh                 the full suite, about 30 minutes on 2 cores
#   benchmarks/run.sh routing guard   only these groups (the summary still reads every JSON file present)
#   benchmarks/run.sh --smoke         every benchmark once, minimal (checks the suite runs; numbers mean nothing),
#                                     into benchmarks/results/smoke/
#   benchmarks/run.sh --no-build ...  skip building benchmarks.jar
#   benchmarks/run.sh --list          the groups and their JMH options
# Environment: MVN_ARGS (extra Maven options for the build, e.g. -o), JMH_ARGS (appended to every JMH run),
#              JAVA (the java command).
# Run it on an otherwise idle machine: other load shows up in every figure, most of all in the 2-thread one.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
JAVA="${JAVA:-java}"
JAR="$here/target/benchmarks.jar"
out="$here/results"
smoke=0
build=1
list=0
groups=()
for a in "$@"; do
  case "$a" in
    --smoke) smoke=1 ;;
    --no-build) build=0 ;;
    --list) list=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "unknown option $a" >&2; exit 2 ;;
    *) groups+=("$a") ;;
  esac
done

# group | JMH benchmark regex | options of the full run
# Per-call groups: 2 forks x (warm-up + 5 x 1 s measurement), with -prof gc (allocation per call); the guarded
# groups warm up longer (SmallRye Fault Tolerance's call path takes seconds of JIT to settle). The thread group
# runs 4 forks: its forks differ by up to 1.7x (JIT and memory layout), more than its iterations do. The scale
# group warms up for 15 s: after installing 10,000 bundles the JVM spends seconds collecting and compiling,
# which starved the first iterations of a 5 s warm-up (337 ns/op, then 28 to 33 ns/op once settled).
PER_CALL="-f 2 -wi 5 -w 1s -i 5 -r 1s"
GUARDED="-f 2 -wi 10 -w 1s -i 5 -r 1s"
SPEC=(
  'cdi|\.CdiCallBenchmark\.|'"$GUARDED -t 1 -prof gc"
  'cdi-2t|\.CdiCallBenchmark\.|'"$GUARDED -t 2 -prof gc"
  'routing|\.RoutingBenchmark\.|'"$PER_CALL -prof gc"
  'guard|\.GuardBenchmark\.|'"$GUARDED -prof gc"
  'slowcall|\.SlowCallBenchmark\.|'"$GUARDED -prof gc"
  'threads|\.ThreadScalingBenchmark\.|-f 4 -wi 10 -w 1s -i 5 -r 1s'
  'scale|\.BundleCountBenchmark\.routed|-f 1 -wi 15 -w 1s -i 5 -r 1s -prof gc'
  'scale-select|\.BundleCountBenchmark\.select|-f 1 -wi 5 -w 1s -i 5 -r 1s -p bundles=10,10000'
  'switch|\.VersionSwitchBenchmark\.|'"$PER_CALL"
  'lifecycle-warm|\.BundleLifecycleBenchmark\.installAndStart$|-f 2 -wi 100 -i 200'
  'lifecycle-cold|\.BundleLifecycleBenchmark\.|-f 10 -wi 0 -i 1'
  'memory|\.BundleMemoryBenchmark\.|-f 2 -wi 1 -i 3'
  'leak|\.BundleLeakBenchmark\.|-f 2 -wi 0 -i 2'
  'hotswap|\.HotSwapBenchmark\.|-f 2 -wi 2 -i 3'
)
# The smoke run: one fork, one short iteration each, fewer bundles in the scale group.
smoke_options() {
  case "$1" in
    lifecycle-cold) echo "-f 2 -wi 0 -i 1" ;;
    lifecycle-warm) echo "-f 1 -wi 2 -i 3" ;;
    memory|leak|hotswap) echo "-f 1 -wi 0 -i 1" ;;
    scale) echo "-f 1 -wi 1 -w 200ms -i 1 -r 200ms -p bundles=10,1000 -prof gc" ;;
    scale-select) echo "-f 1 -wi 1 -w 200ms -i 1 -r 200ms -p bundles=10,1000" ;;
    routing|guard|slowcall) echo "-f 1 -wi 1 -w 200ms -i 1 -r 200ms -prof gc" ;;
    *) echo "-f 1 -wi 1 -w 200ms -i 1 -r 200ms" ;;
  esac
}

if [ "$list" = 1 ]; then
  for s in "${SPEC[@]}"; do IFS='|' read -r g sel opts <<<"$s"; printf '%-15s %-45s %s\n' "$g" "$sel" "$opts"; done
  exit 0
fi

if [ "$smoke" = 1 ]; then out="$here/results/smoke"; fi
mkdir -p "$out"

if [ "$build" = 1 ]; then
  echo "== building $JAR"
  mvn -B -q ${MVN_ARGS:-} -f "$here/pom.xml" package -DskipTests; echo
fi
[ -f "$JAR" ] || { echo "no $JAR; build it: mvn -B -f benchmarks/pom.xml package -DskipTests" >&2; exit 1; }

selected() {
  [ "${#groups[@]}" = 0 ] && return 0
  for g in "${groups[@]}"; do [ "$g" = "$1" ] && return 0; done
  return 1
}

# JMH allows one run per machine at a time (/tmp/jmh.lock): wait for another run to finish.
run_jmh() {
  local log="$1"; shift
  while true; do
    set +e
    "$JAVA" -jar "$JAR" "$@" 2>&1 | tee "$log"
    local rc=${PIPESTATUS[0]}
    set -e
    if grep -q "Unable to acquire the JMH lock" "$log"; then
      echo "== another JMH run holds /tmp/jmh.lock; retrying in 30 s"; sleep 30; continue
    fi
    return "$rc"
  done
}

start=$(date +%s)
failed=()
for s in "${SPEC[@]}"; do
  IFS='|' read -r g sel opts <<<"$s"
  selected "$g" || continue
  if [ "$smoke" = 1 ]; then opts="$(smoke_options "$g")"; fi
  echo "== $g: $sel $opts ${JMH_ARGS:-}"
  # shellcheck disable=SC2086
  if ! run_jmh "$out/$g.log" "$sel" $opts ${JMH_ARGS:-} -rf json -rff "$out/$g.json"; then
    failed+=("$g")
  fi
done
echo "== benchmarks took $(( ($(date +%s) - start) / 60 )) min"

"$JAVA" -cp "$JAR" io.nbf.bench.Summary "$out"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "== failed groups: ${failed[*]} (see their .log)" >&2
  exit 1
fi
