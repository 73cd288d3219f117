#!/usr/bin/env bash
# Where a start goes, from process start to the first 200 of /health/ready, on the embedded H2 as
# the README runs the server (bin/connect-oauth, its JVM options and its AOT cache):
#
#   bash bench/start-profile.sh          # JAR=bootstrap/target/connect-oauth.jar, built when missing
#
#  1. starts the jar once on a throwaway H2 folder, which migrates it (and, the first time for a
#     jar, makes its AOT cache);
#  2. starts it twice more on that folder with async-profiler as an agent (tools.profiler:
#     async-profiler, fetched into the local Maven repository; JFR would not do: it changes which
#     classes load from the AOT cache), once sampling CPU and once wall-clock time;
#  3. prints the timeline (launcher, JVM created, ready), the CPU of each thread, and where the
#     main thread's time went: the frame of ours nearest to each sample and the library method it
#     called. The samples of the main thread after ready (waiting for the shutdown) are left out.
# With the profiler attached a start takes a few tenths of a second longer than without.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# shellcheck source=bin/jdk.sh
. "$ROOT/bin/jdk.sh"
select_jdk
JAR=${JAR:-$ROOT/bootstrap/target/connect-oauth.jar}
[ -f "$JAR" ] || (mvn -B -q package -DskipTests)
PORT=${PORT:-18099}
PROFILER_VERSION=4.2

mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" >/dev/null
WORK=$(mktemp -d "${TMPDIR:-/tmp}/connect-start-profile.XXXXXX")
SERVER_PID=""
cleanup() {
  [ -z "$SERVER_PID" ] || { kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT
(cd "$WORK" && "$JAVA_HOME/bin/jar" xf \
  "$HOME/.m2/repository/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION.jar" \
  linux-x64/libasyncProfiler.so)

# start <extra JVM options>: one start to ready and its stop; sets READY_MS and STARTED_NS. The
# options go in JDK_JAVA_OPTIONS, which the java launcher adds to the launcher's own options.
start() {
  STARTED_NS=$(date +%s%N)
  env CONNECT_OAUTH_JAR="$JAR" CONNECT_DATA_DIR="$WORK/data" CONNECT_HTTP_HOST=127.0.0.1 CONNECT_HTTP_PORT="$PORT" \
    CONNECT_ADMIN_HOST=127.0.0.1 CONNECT_ADMIN_PORT=0 JDK_JAVA_OPTIONS="$1" \
    "$ROOT/bin/connect-oauth" >"$WORK/log" 2>&1 &
  SERVER_PID=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/log" >&2; echo "the server exited during start" >&2; exit 1; }
    sleep 0.01
  done
  READY_MS=$(( ($(date +%s%N) - STARTED_NS) / 1000000 ))
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

agent="-agentpath:$WORK/linux-x64/libasyncProfiler.so=start,interval=1ms,threads,collapsed"
start ""
echo "==> first start (migrates $WORK/data): ready in $READY_MS ms"
start "$agent,event=cpu,file=$WORK/cpu.txt -Xlog:startuptime:file=$WORK/vm.log:time"
created=$(sed -n 's/^\[\([^]]*\)\].*Create VM.*/\1/p' "$WORK/vm.log")
genesis=$(sed -n 's/^\[\([^]]*\)\].*Genesis.*/\1/p' "$WORK/vm.log")
echo "==> CPU profile start: ready in $READY_MS ms; JVM created at $created, launcher started at $(date -u -d "@${STARTED_NS:0:10}.${STARTED_NS:10:3}" +%H:%M:%S.%3N) (UTC); the AOT cache mapped by $genesis"
start "$agent,event=wall,file=$WORK/wall.txt"
echo "==> wall-clock profile start: ready in $READY_MS ms"

echo
echo "CPU ms by thread (1 ms samples):"
awk '{ n = $NF; split($0, f, ";"); t = f[1]; sub(/ tid=[0-9]+\]$/, "", t); sub(/^\[/, "", t); sub(/-?[0-9]+$/, "", t)
       ms[t] += n } END { for (t in ms) printf "%8d  %s\n", ms[t], t }' "$WORK/cpu.txt" | sort -rn | head -12

echo
echo "Main thread until ready, wall-clock ms: our nearest frame > the method it called (top 25):"
awk '/^\[main tid=/ && !/Main\.serve;java\/util\/concurrent\/CountDownLatch\.await/ {
       n = $NF; sub(/ [0-9]+$/, ""); k = split($0, f, ";"); ours = ""; callee = ""
       for (i = 2; i <= k; i++) if (f[i] ~ /^dev\/connect\//) { ours = f[i]; callee = (i < k) ? f[i + 1] : "(itself)" }
       if (ours == "") { ours = "(no frame of ours)"; callee = f[2] }
       sub(/^dev\/connect\/oauth\//, "", ours); total += n; ms[ours " > " callee] += n }
     END { for (s in ms) printf "%8d  %s\n", ms[s], s; printf "%8d  (total)\n", total }' "$WORK/wall.txt" \
  | sort -rn | head -26
