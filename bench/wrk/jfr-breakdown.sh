#!/usr/bin/env bash
# Where the CPU of a JFR recording went, by library: each execution sample counts for the
# innermost frame of its stack that belongs to a known library (JDK frames count for the library
# that called them, except the JDK's cryptography, which is a category of its own), or "jdk/other"
# when none does. Then the waits JFR recorded above its thresholds (socket reads, parks, monitor
# entries), with their count and total time.
#
#   bash bench/wrk/jfr-breakdown.sh recording.jfr
#
# run.sh calls it for each workload with PROFILE=1. Needs the JDK's jfr tool on the PATH.
set -euo pipefail
file=${1:?usage: jfr-breakdown.sh recording.jfr}

jfr print --stack-depth 64 --events jdk.ExecutionSample "$file" | awk '
  function category(frame) {
    if (frame ~ /^(sun\.security|java\.security|javax\.crypto|com\.nimbusds|org\.bouncycastle)\./) return "crypto (ES256 signing, SHA-256, JCA)"
    if (frame ~ /^com\.mysql\./) return "JDBC driver (mysql-connector-j)"
    if (frame ~ /^org\.h2\./) return "H2 engine"
    if (frame ~ /^org\.jooq\./) return "jOOQ (SQL rendering, mapping)"
    if (frame ~ /^com\.zaxxer\./) return "HikariCP"
    if (frame ~ /^org\.flywaydb\./) return "Flyway"
    if (frame ~ /^(io\.micrometer|io\.opentelemetry|io\.vertx\.micrometer|io\.vertx\.tracing)\./) return "metrics and tracing"
    if (frame ~ /^(com\.fasterxml|io\.vertx\.core\.json)\./) return "JSON"
    if (frame ~ /^(io\.netty|io\.vertx)\./) return "Vert.x and Netty (HTTP)"
    if (frame ~ /^dev\.connect\./) return "Connect OAuth code"
    if (frame ~ /^(ch\.qos|org\.slf4j)\./) return "logging"
    return ""
  }
  /^jdk\.ExecutionSample/ { in_stack = 0; found = ""; next }
  /stackTrace = \[/ { in_stack = 1; next }
  in_stack && /^[[:space:]]*\]/ {
    in_stack = 0
    samples++
    counts[found == "" ? "JDK only (no library frame on the stack)" : found]++
    next
  }
  in_stack && found == "" {
    frame = $1
    c = category(frame)
    if (c != "") found = c
  }
  END {
    if (samples == 0) { print "    no execution samples"; exit }
    printf "    CPU samples: %d\n", samples
    for (c in counts) printf "    %6.1f%%  %s\n", counts[c] * 100 / samples, c | "sort -rn"
  }'

jfr print --events jdk.SocketRead,jdk.ThreadPark,jdk.JavaMonitorEnter,jdk.JavaMonitorWait "$file" | awk '
  /^jdk\./ { type = $1 }
  /^[[:space:]]*duration = / {
    value = $3; unit = $4
    ms = (unit == "s") ? value * 1000 : (unit == "us") ? value / 1000 : (unit == "ns") ? value / 1000000 : value
    count[type]++; total[type] += ms
  }
  END {
    for (t in count) printf "    waits %-22s %6d events above threshold, %10.0f ms in all\n", t, count[t], total[t]
  }'
