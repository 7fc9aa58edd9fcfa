#!/usr/bin/env bash
# Runs the whole comparison and writes benchmarks/RESULTS.md:
#   1. cost of one logging call (JMH, -prof gc, 1 and 2 threads), every appender
#   2. application-thread latency at a steady 20,000 calls/s, every appender
#   3. end to end: 1,000,000 events through Mixlog and through loki4j to loopback receivers
#   (steps 2, 3, 5 and 6 also run Mixlog with a spool directory, mixlog-logback-spool, beside the default)
#   4. CPU of an idle Mixlog appender over 10 s
#   5. a 60 s outage at 2,000 calls/s, Mixlog with and without a spool
#   6. the work behind the call: CPU per event of the appender's threads and of the rest of the process,
#      10 s and 40 s after a 50,000-call warm-up, at 20,000 and 2,000 calls/s, every asynchronous appender
#      (and Mixlog with gzip off, and on the JDK's HttpClient and HttpURLConnection in place of its own
#      client), three runs of each; the report takes each window's median run (section 7 compares the clients)
#   7. a fleet of 4, 16 and 64 services sharing one project's budget (2,500 events/s on a loopback stand-in), offered
#      1.5 times the budget for 20 s, with rate control and per batch (about 6 minutes); drawn in benchmarks/fleet.png
#
# Usage (from anywhere; about 80 minutes on 2 cores, 60 of them in step 6):
#   benchmarks/run.sh
# A one-minute smoke run with short settings, written to benchmarks/target/RESULTS-quick.md:
#   BENCH_QUICK=1 benchmarks/run.sh
# Some steps again, keeping the other steps' results from the last run (after a step failed, was cut
# short or ran on a busy machine):
#   BENCH_STEPS="2 6" benchmarks/run.sh
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JVM_OPTS=(-Xmx2g)
# Step 2 times single calls: its JVMs touch the whole heap at start, as latency-sensitive services are
# run, so that the kernel's first mapping of each fresh heap page (about 10 us on a virtual machine,
# once every few calls while G1 grows the heap) does not land in the calls it times.
LATENCY_JVM_OPTS=(-Xms2g -XX:+AlwaysPreTouch)
EXTRA_JVM_OPTS=()
OUT="$BENCH_DIR/target/results"

LOGBACK_CASES="mixlog-logback mixlog-logback-spool logstash-disruptor logback-async loki4j logback-none"
LOG4J2_CASES="mixlog-log4j2 log4j2-async-json log4j2-all-async log4j2-none"

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  JMH_ARGS=(1 1 1 1); LATENCY_RATE=20000; LATENCY_WARMUP=1; LATENCY_SECONDS=2
  E2E_EVENTS=100000; E2E_WARMUP=20000; IDLE_SECONDS=2; OUTAGE_SECONDS=5; BG_WARMUP=5000; BG_WINDOWS=2,4; BG_RATES="20000 2000"; BG_RUNS=${BG_RUNS:-1}
  FLEET_SECONDS=5
  REPORT="$BENCH_DIR/target/RESULTS-quick.md"
else
  JMH_ARGS=(3 2 5 2); LATENCY_RATE=20000; LATENCY_WARMUP=5; LATENCY_SECONDS=10
  E2E_EVENTS=1000000; E2E_WARMUP=1000000; IDLE_SECONDS=10; OUTAGE_SECONDS=60; BG_WARMUP=50000; BG_WINDOWS=10,40; BG_RATES="20000 2000"; BG_RUNS=${BG_RUNS:-3}
  FLEET_SECONDS=20
  REPORT="$BENCH_DIR/RESULTS.md"
fi

step() { printf '\n== %s (%s, load average %s)\n' "$1" "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
# Busy share of the machine's CPUs over one second, in percent (from /proc/stat).
busy_percent() {
  local _ user nice system idle iowait irq softirq steal total1 idle1
  read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
  total1=$((user + nice + system + idle + iowait + irq + softirq + steal)); idle1=$((idle + iowait))
  sleep 1
  read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
  total1=$((user + nice + system + idle + iowait + irq + softirq + steal - total1))
  echo $((100 * (total1 - (idle + iowait - idle1)) / (total1 > 0 ? total1 : 1)))
}
# Before each measurement, waits while other work keeps the machine busy, for at most
# BENCH_QUIET_WAIT seconds over the whole run (default 180), so that builds or tests running
# elsewhere skew fewer numbers.
QUIET_BUDGET=${BENCH_QUIET_WAIT:-180}
MAX_BUSY=0
WAITED=0
await_quiet() {
  local busy waited=0
  while true; do
    busy=$(busy_percent)
    [ "$busy" -le 15 ] || [ "$QUIET_BUDGET" -le 0 ] && break
    [ "$waited" = 0 ] && echo "   (machine $busy% busy with other work; waiting up to ${QUIET_BUDGET}s)"
    waited=$((waited + 2))
    QUIET_BUDGET=$((QUIET_BUDGET - 2))
    sleep 1
  done
  [ "$waited" -gt 0 ] && echo "   (waited ${waited}s)"
  [ "$busy" -gt "$MAX_BUSY" ] && MAX_BUSY=$busy
  WAITED=$((WAITED + waited))
  return 0
}
FAILED=()
# Runs one measurement; a failure is reported and the run goes on (the report shows n/a).
attempt() {
  local name=$1
  shift
  await_quiet
  if ! "$@"; then
    FAILED+=("$name")
    echo "!! $name failed; see the logs in $OUT"
  fi
}

step "building"
(cd "$ROOT" && mvn -q -B -DskipTests install)
mvn -q -B -f "$BENCH_DIR/pom.xml" package
CP_LOGBACK="$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath-logback.txt")"
CP_LOG4J2="$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath-log4j2.txt")"
ALL_STEPS="1 2 3 4 5 6 7"
STEPS=$(echo ${BENCH_STEPS:-$ALL_STEPS})
# whether step $1 runs in this invocation
runs_step() { [[ " $STEPS " == *" $1 "* ]]; }
if [ "$STEPS" = "$ALL_STEPS" ]; then
  rm -rf "$OUT"
  KEPT=""
else
  [ -f "$OUT/environment.properties" ] || { echo "BENCH_STEPS=\"$STEPS\" needs the results of a whole run in $OUT"; exit 1; }
  KEPT=" (other steps kept from: $(sed -n 's/^command=//p' "$OUT/environment.properties"), $(sed -n 's/^date=//p' "$OUT/environment.properties"))"
fi
mkdir -p "$OUT"

step "starting the loopback receivers"
# the receivers end with this script (trap below); their own limit only catches a script killed hard
rm -f "$OUT/receivers.properties"
"$JAVA" -Xmx512m -cp "$CP_LOGBACK" dev.mixlog.benchmarks.receiver.ReceiverServer \
  "$OUT/receivers.properties" 14400 >"$OUT/receivers.log" 2>&1 &
RECEIVERS=$!
trap 'kill "$RECEIVERS" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  [ -f "$OUT/receivers.properties" ] && break
  sleep 0.1
done
url() { sed -n "s/^$1=//p" "$OUT/receivers.properties" | sed 's/\\//g'; }
PROPS=(-Dmixlog.bench.mixpanelUrl="$(url mixpanelUrl)" -Dmixlog.bench.lokiUrl="$(url lokiUrl)"
       -Dmixlog.bench.statsUrl="$(url statsUrl)" -Dmixlog.bench.spoolDir="$OUT/spool")
echo "receivers: $(url mixpanelUrl) (Mixpanel), $(url lokiUrl) (Loki)"

bench() {
  local classpath=$1
  shift
  rm -rf "$OUT/spool"
  "$JAVA" "${JVM_OPTS[@]}" ${EXTRA_JVM_OPTS[@]+"${EXTRA_JVM_OPTS[@]}"} "${PROPS[@]}" -cp "$classpath" "$@"
}
classpath_of() { case "$1" in mixlog-log4j2 | log4j2-*) echo "$CP_LOG4J2" ;; *) echo "$CP_LOGBACK" ;; esac; }

if runs_step 1; then
  step "1/7 cost of one call (JMH)"
  for family in LOGBACK LOG4J2; do
    [ "$family" = LOGBACK ] && classpath=$CP_LOGBACK || classpath=$CP_LOG4J2
    log="$OUT/jmh-$(echo "$family" | tr 'A-Z' 'a-z').log"
    attempt "JMH $family" bench "$classpath" dev.mixlog.benchmarks.jmh.CallCostSuite "$family" "$OUT" "${JMH_ARGS[@]}" \
      >"$log" 2>&1
    grep -E '^CallCostBenchmark\.purchase +' "$log" | grep -v ':' || true
  done
fi

if runs_step 2; then
  step "2/7 latency at a steady $LATENCY_RATE calls/s"
  EXTRA_JVM_OPTS=("${LATENCY_JVM_OPTS[@]}")
  for c in $LOGBACK_CASES $LOG4J2_CASES; do
    attempt "latency $c" bench "$(classpath_of "$c")" dev.mixlog.benchmarks.latency.PacedLatency "$c" "$OUT/latency-$c.properties" \
      "$LATENCY_RATE" "$LATENCY_WARMUP" "$LATENCY_SECONDS" 2>>"$OUT/latency.log"
  done
  EXTRA_JVM_OPTS=()
fi

if runs_step 3; then
  step "3/7 end to end, $E2E_EVENTS events"
  for c in mixlog-logback mixlog-logback-spool loki4j; do
    attempt "end to end $c" bench "$CP_LOGBACK" dev.mixlog.benchmarks.endtoend.EndToEnd "$c" \
      "$OUT/e2e-$c.properties" "$E2E_EVENTS" "$E2E_WARMUP" 2>>"$OUT/e2e.log"
  done
fi

if runs_step 4; then
  step "4/7 idle for $IDLE_SECONDS s"
  for c in mixlog-logback mixlog-log4j2; do
    attempt "idle $c" bench "$(classpath_of "$c")" dev.mixlog.benchmarks.idle.IdleCost "$c" \
      "$OUT/idle-$c.properties" "$IDLE_SECONDS" 2>>"$OUT/idle.log"
  done
fi

if runs_step 5; then
  step "5/7 a $OUTAGE_SECONDS s outage at 2,000 calls/s"
  for c in mixlog-logback mixlog-logback-spool; do
    attempt "outage $c" bench "$CP_LOGBACK" dev.mixlog.benchmarks.latency.OutageLatency "$c" \
      "$OUT/outage-$c.properties" 2000 "$OUTAGE_SECONDS" 2>>"$OUT/outage.log"
  done
fi

if runs_step 6; then
  step "6/7 the work behind the call, windows of $BG_WINDOWS s after $BG_WARMUP calls, $BG_RUNS runs of each"
  # the runs of one case are spread over the step, so a passing disturbance of the machine touches one run, not all
  for run in $(seq 1 "$BG_RUNS"); do
    for rate in $BG_RATES; do
      for c in mixlog-logback mixlog-logback-spool mixlog-logback-gzip-off mixlog-logback-jdk-httpclient mixlog-logback-urlconnection \
          logstash-disruptor logback-async loki4j mixlog-log4j2 log4j2-async-json log4j2-all-async; do
        attempt "background CPU $c $rate/s, run $run" bench "$(classpath_of "$c")" dev.mixlog.benchmarks.latency.BackgroundCpu "$c" \
          "$OUT/background-$c-$rate-run$run.properties" "$rate" "$BG_WARMUP" "$BG_WINDOWS" 2>>"$OUT/background.log"
      done
    done
  done
fi

if runs_step 7; then
  step "7/7 a fleet sharing one project's budget, $FLEET_SECONDS s of logging at 1.5 times 2,500 events/s"
  for services in 4 16 64; do
    for mode in rate-control per-batch; do
      attempt "fleet $mode $services" bench "$CP_LOGBACK" dev.mixlog.benchmarks.fleet.FleetRun "$mode" "$services" \
        "$OUT/fleet-$mode-$services.properties" 2500 1.5 "$FLEET_SECONDS" 2>>"$OUT/fleet.log"
    done
  done
  "$JAVA" -Djava.awt.headless=true -cp "$CP_LOGBACK" dev.mixlog.benchmarks.fleet.FleetPlot "$OUT" \
    "$([ "${BENCH_QUICK:-0}" = 1 ] && echo "$BENCH_DIR/target/fleet-quick.png" || echo "$BENCH_DIR/fleet.png")"
fi

step "writing $REPORT"
libraries() {
  tr ':' '\n' <"$BENCH_DIR/target/classpath-$1.txt" | sed 's|.*/||; s|\.jar$||' \
    | grep -E "$2" | paste -sd ',' | sed 's/,/, /g'
}
{
  echo "command=$([ -n "$KEPT" ] && echo "BENCH_STEPS=\"$STEPS\" ")benchmarks/run.sh$([ "${BENCH_QUICK:-0}" = 1 ] && echo ' (BENCH_QUICK=1)')$KEPT"
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc=$(nproc)"
  echo "cpuModel=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "os=$(uname -sr)"
  echo "jdk=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p') ($("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.name = //p'))"
  echo "jvmOptions=${JVM_OPTS[*]} (every benchmark JVM; JMH forks inherit them); step 2 adds ${LATENCY_JVM_OPTS[*]}"
  echo "libraries=$(libraries logback 'logback-classic|logstash|loki|jmh-core|disruptor|jackson-core-2'), $(libraries log4j2 'log4j-(core|slf4j2|layout)')"
  echo "revision=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
  echo "jmhSettings=1 fork, ${JMH_ARGS[0]} warm-up x ${JMH_ARGS[1]} s, ${JMH_ARGS[2]} measurement x ${JMH_ARGS[3]} s, -prof gc"
  echo "latencyRate=$LATENCY_RATE"
  echo "latencyWarmupSeconds=$LATENCY_WARMUP"
  echo "latencySeconds=$LATENCY_SECONDS"
  echo "e2eEvents=$E2E_EVENTS"
  echo "e2eWarmupEvents=$E2E_WARMUP"
  echo "idleSeconds=$IDLE_SECONDS"
  echo "backgroundWarmupCalls=$BG_WARMUP"
  echo "backgroundWindows=$BG_WINDOWS"
  echo "backgroundRates=$(echo $BG_RATES | tr ' ' ',')"
  echo "backgroundRuns=$BG_RUNS"
  echo "otherWork=at most ${MAX_BUSY}% of the CPUs busy with other work just before a measurement started (waited ${WAITED} s for it to finish)"
} >"$OUT/environment.properties"
"$JAVA" -cp "$CP_LOGBACK" dev.mixlog.benchmarks.report.ResultsReport "$OUT" "$REPORT"
echo "wrote $REPORT"
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "!! failed: ${FAILED[*]}"
  exit 1
fi
