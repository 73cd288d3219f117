#!/usr/bin/env bash
# Load test of the running server with wrk: the authorization_code exchange, the refresh_token
# grant with rotation, and GET /oauth/info. Starts the fat jar on a fresh MariaDB database (or
# the embedded H2 with BENCH_DB=h2), sets up a client and a customer with curl, pre-generates
# the single-use codes and refresh tokens, runs each scenario (a short warm-up, then the
# measured run) and prints wrk's figures; the server is stopped and the database dropped on exit.
#
#   bash bench/wrk/run.sh                               # MariaDB at 127.0.0.1:3306, every scenario
#   BENCH_DB=h2 SCENARIOS=info bash bench/wrk/run.sh    # /oauth/info on the embedded H2
#
# Settings (environment): DURATION (measured seconds per scenario, 20), WARMUP (seconds, 10),
# THREADS (2), CONNECTIONS (8), CODES (codes for the measured exchange, 12000) and WARMUP_CODES
# (3000), together at most 20000 so making them stays bounded, SCENARIOS ("token refresh info";
# refresh needs token), PORT (18080), BENCH_DB (mariadb or h2), JAR
# (bootstrap/target/connect-oauth.jar, built when missing).
# Each RESULT line ends with cpu_others: the share of the machine's CPU that processes other than
# the server, MariaDB and wrk took during the run; figures are only comparable when it is low.
# Exit status 1 when a measured run had a non-2xx answer, a socket error or a timeout.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
SCRIPTS=$ROOT/bench/wrk

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
CODES=${CODES:-12000}
WARMUP_CODES=${WARMUP_CODES:-3000}
SCENARIOS=${SCENARIOS:-token refresh info}
PORT=${PORT:-18080}
BENCH_DB=${BENCH_DB:-mariadb}
JAR=${JAR:-$ROOT/bootstrap/target/connect-oauth.jar}

BASE=http://127.0.0.1:$PORT
REDIRECT_URI=http://127.0.0.1/callback
REDIRECT_URI_FORM=http%3A%2F%2F127.0.0.1%2Fcallback
# The verifier and S256 challenge of RFC 7636 Appendix B: the server hashes it on every exchange
# all the same, and a fixed pair keeps the script free of an openssl dependency.
CODE_VERIFIER=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk
CODE_CHALLENGE=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM
# Codes live 60 s by default; the pool is used minutes after it is made, so the maximum.
CODE_TTL_SECONDS=600

die() { echo "ERROR: $*" >&2; exit 2; }
has_scenario() { [[ " $SCENARIOS " == *" $1 "* ]]; }

[[ $DURATION =~ ^[1-9][0-9]*$ && $WARMUP =~ ^[0-9]+$ && $THREADS =~ ^[1-9][0-9]*$ ]] \
  || die "DURATION, WARMUP and THREADS must be whole numbers"
[[ $CONNECTIONS =~ ^[1-9][0-9]*$ && $CONNECTIONS -ge $THREADS ]] || die "CONNECTIONS must be a whole number >= THREADS"
[[ $CODES =~ ^[1-9][0-9]*$ && $WARMUP_CODES =~ ^[1-9][0-9]*$ ]] || die "CODES and WARMUP_CODES must be whole numbers"
(( CODES + WARMUP_CODES <= 20000 )) || die "CODES + WARMUP_CODES is capped at 20000 (pool generation stays bounded)"
for s in $SCENARIOS; do
  [[ $s == token || $s == refresh || $s == info ]] || die "unknown scenario '$s' (token, refresh, info)"
done
if has_scenario refresh && ! has_scenario token; then
  die "the refresh scenario uses the refresh tokens the token scenario answers: add token to SCENARIOS"
fi
[[ $BENCH_DB == mariadb || $BENCH_DB == h2 ]] || die "BENCH_DB must be mariadb or h2"
for tool in wrk curl; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y $tool)"
done
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT on 127.0.0.1 is taken: set PORT"
fi

# --- JDK 21+, the newest under /usr/lib/jvm (as .ci/run picks it) ----------------------------
best_major=0
for dir in /usr/lib/jvm/*/; do
  dir=${dir%/}
  [ -x "$dir/bin/java" ] || continue
  version=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$dir/release" 2>/dev/null | head -n 1)
  if [ "${version:-0}" -ge 21 ] && [ "$version" -gt "$best_major" ]; then
    JAVA_HOME=$dir best_major=$version
  fi
done
[ "$best_major" -ge 21 ] || die "no JDK 21+ under /usr/lib/jvm"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

if [ ! -f "$JAR" ]; then
  echo "==> Building $JAR"
  mvn -B -q package -DskipTests
fi

# --- Machine ------------------------------------------------------------------------------------
echo "==> $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM," \
  "Java $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)," \
  "load average$(uptime | sed 's/.*load average//')"
echo "==> jar $JAR, work tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "==> wrk -t$THREADS -c$CONNECTIONS, warm-up ${WARMUP}s then ${DURATION}s per scenario: $SCENARIOS"

WORK=$(mktemp -d /tmp/connect-bench.XXXXXX)
DB_NAME=connect_bench_$$
SERVER_PID=
SERVER_LOG=$WORK/server.log

mariadb_root() { mariadb -uroot -h127.0.0.1 --protocol=tcp "$@"; }

cleanup() {
  local status=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
  fi
  if [ "$BENCH_DB" = mariadb ]; then
    mariadb_root -e "DROP DATABASE IF EXISTS $DB_NAME" || echo "WARNING: could not drop database $DB_NAME" >&2
  fi
  if [ "$status" -ne 0 ] && [ -f "$SERVER_LOG" ]; then
    echo "--- last lines of the server log" >&2
    tail -n 30 "$SERVER_LOG" >&2
  fi
  # The work folder holds the client secret, API keys and token pools: never left behind.
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- Server ---------------------------------------------------------------------------------------
ADMIN_KEY="ck_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
server_env=(
  CONNECT_HTTP_HOST=127.0.0.1
  CONNECT_HTTP_PORT="$PORT"
  CONNECT_BOOTSTRAP_ADMIN_EMAIL=admin@bench.invalid
  CONNECT_BOOTSTRAP_ADMIN_API_KEY="$ADMIN_KEY"
  # The per-client token limit would otherwise answer 429 to the benchmark's single client.
  CONNECT_TOKEN_RATE_LIMIT_PER_MINUTE=10000000
  CONNECT_CODE_TTL_SECONDS=$CODE_TTL_SECONDS
  # Metrics are not scraped here: any free admin port, so a second run on the machine cannot clash.
  CONNECT_ADMIN_PORT=0
)
if [ "$BENCH_DB" = mariadb ]; then
  command -v mariadb >/dev/null || die "the mariadb client is missing"
  mariadb_root -e "CREATE DATABASE $DB_NAME" || die "cannot create database $DB_NAME at 127.0.0.1:3306 as root"
  echo "==> MariaDB $(mariadb_root -N -e 'select version()'), database $DB_NAME," \
    "innodb_flush_log_at_trx_commit=$(mariadb_root -N -e 'select @@innodb_flush_log_at_trx_commit')"
  # A key-encryption key made for the run: the signing keys are sealed with it in the database.
  server_env+=(CONNECT_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME" CONNECT_DB_USER=root
    CONNECT_KEK="$(head -c 32 /dev/urandom | base64)")
else
  echo "==> embedded H2 in $WORK/data"
  server_env+=(CONNECT_DATA_DIR="$WORK/data")
fi

env "${server_env[@]}" "$JAVA_HOME/bin/java" -jar "$JAR" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
started=$SECONDS
until curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; do
  kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during start"
  (( SECONDS - started < 120 )) || die "the server was not ready within 120 s"
  sleep 0.5
done
echo "==> server ready in $((SECONDS - started)) s"

# --- Data -----------------------------------------------------------------------------------------
# A string field of a flat JSON answer (ids, secrets and tokens are never escaped).
json_field() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p"; }

api_post() {
  curl -fsS -X POST "$BASE$1" -H "ACCESSTOKEN: $ADMIN_KEY" -H 'Content-Type: application/json' -d "$2"
}

client_json=$(api_post /api/v1/clients \
  "{\"name\":\"wrk bench\",\"redirect_uris\":[\"$REDIRECT_URI\"],\"scopes\":[\"connect\"],\"type\":\"confidential\"}")
CLIENT_ID=$(json_field client_id <<<"$client_json")
CLIENT_SECRET=$(json_field client_secret <<<"$client_json")
account_json=$(api_post /api/v1/accounts '{"email":"customer@bench.invalid","name":"Bench Customer"}')
CUSTOMER_KEY=$(json_field api_key <<<"$account_json")
[ -n "$CLIENT_ID" ] && [ -n "$CLIENT_SECRET" ] && [ -n "$CUSTOMER_KEY" ] || die "client or account setup failed"
BASIC="Basic $(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w 0)"
AUTHORIZE_URL="$BASE/oauth/authorize?response_type=code&client_id=$CLIENT_ID&redirect_uri=$REDIRECT_URI_FORM&scope=connect&code_challenge=$CODE_CHALLENGE&code_challenge_method=S256"
echo "==> confidential client and customer account created"

# --- wrk ------------------------------------------------------------------------------------------
FAILED=()
SUMMARY=()

CLK_TCK=$(getconf CLK_TCK)
CORES=$(nproc)
# MariaDB counts as ours when the server uses it (other clients of it then count as ours too).
MARIADB_PID=
[ "$BENCH_DB" = mariadb ] && MARIADB_PID=$(pidof mariadbd || true)
# CPU ticks: the whole machine's busy time; one process's; this shell's finished children (wrk).
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
process_ticks() { { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null || echo; } | awk '{print $12 + $13 + 0}'; }
children_ticks() { sed 's/.*) //' "/proc/$$/stat" | awk '{print $14 + $15}'; }
our_ticks() {
  local mariadb=0
  [ -n "$MARIADB_PID" ] && mariadb=$(process_ticks "$MARIADB_PID")
  echo $(( $(process_ticks "$SERVER_PID") + $(children_ticks) + mariadb ))
}

# run_wrk <label> <measured|warm-up|pool> <script> <duration s> <url> [wrk options...] -- [script args...]
run_wrk() {
  local label=$1 kind=$2 script=$3 duration=$4 url=$5
  shift 5
  local options=() out=$WORK/$label.txt
  while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  local machine_before ours_before started_ns
  machine_before=$(machine_ticks) ours_before=$(our_ticks) started_ns=$(date +%s%N)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${duration}s" --timeout 10s --latency "${options[@]}" \
    -s "$SCRIPTS/$script" "$url" -- "$@" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed ($label)"; }
  local capacity=$(( ($(date +%s%N) - started_ns) * CLK_TCK * CORES / 1000000000 ))
  local others=$(( $(machine_ticks) - machine_before - $(our_ticks) + ours_before ))
  local result
  result=$(grep '^RESULT ' "$out" || true)
  [ -n "$result" ] || { cat "$out" >&2; die "wrk printed no RESULT line ($label)"; }
  result="$result cpu_others=$(( others < 0 ? 0 : others * 100 / (capacity > 0 ? capacity : 1) ))%"
  if [ "$kind" = measured ]; then
    echo "--- $label"
    grep -v '^Running ' "$out"
    SUMMARY+=("${result#RESULT }")
  else
    echo "    $kind $label: ${result#RESULT }"
    grep '^FIRST_ERROR ' "$out" || true
  fi
  if [[ $result != *" non2xx=0 connect_errors=0 read_errors=0 write_errors=0 timeouts=0 "* ]]; then
    FAILED+=("$label")
  fi
}

lines() { cat "$@" 2>/dev/null | wc -l; }

if has_scenario token; then
  per_thread=$(( (CODES + WARMUP_CODES + THREADS - 1) / THREADS ))
  echo "==> generating $((CODES + WARMUP_CODES)) authorization codes (GET /oauth/authorize, API form)"
  started=$SECONDS
  run_wrk authorize-pool pool authorize.lua 300 "$AUTHORIZE_URL" \
    -H "ACCESSTOKEN: $CUSTOMER_KEY" -H 'Accept: application/json' -- "$WORK/codes" "$per_thread"
  cat "$WORK"/codes.* >"$WORK/codes"
  made=$(lines "$WORK/codes")
  echo "    $made codes in $((SECONDS - started)) s"
  (( made > WARMUP_CODES )) || die "only $made codes were made"
  head -n "$WARMUP_CODES" "$WORK/codes" >"$WORK/codes-warm"
  tail -n +"$((WARMUP_CODES + 1))" "$WORK/codes" >"$WORK/codes-run"
  codes_made_at=$SECONDS

  token_options=(-H "Authorization: $BASIC" -H 'Content-Type: application/x-www-form-urlencoded')
  if (( WARMUP > 0 )); then
    run_wrk token-warmup warm-up token.lua "$WARMUP" "$BASE/oauth/token" "${token_options[@]}" -- \
      "$WORK/codes-warm" "$THREADS" "$REDIRECT_URI_FORM" "$CODE_VERIFIER" "$WORK/refresh-warm"
  fi
  run_wrk token measured token.lua "$DURATION" "$BASE/oauth/token" "${token_options[@]}" -- \
    "$WORK/codes-run" "$THREADS" "$REDIRECT_URI_FORM" "$CODE_VERIFIER" "$WORK/refresh-run"
  (( SECONDS - codes_made_at < CODE_TTL_SECONDS )) \
    || echo "WARNING: codes outlived their ${CODE_TTL_SECONDS}s lifetime: expect invalid_grant errors" >&2
fi

if has_scenario refresh; then
  cat "$WORK"/refresh-run.* >"$WORK/refresh-pool-run"
  echo "==> $(lines "$WORK/refresh-pool-run") refresh tokens, each from its own grant, from the measured exchange"
  if (( WARMUP > 0 )); then
    cat "$WORK"/refresh-warm.* >"$WORK/refresh-pool-warm"
    run_wrk refresh-warmup warm-up refresh.lua "$WARMUP" "$BASE/oauth/token" "${token_options[@]}" -- \
      "$WORK/refresh-pool-warm" "$THREADS"
  fi
  run_wrk refresh measured refresh.lua "$DURATION" "$BASE/oauth/token" "${token_options[@]}" -- \
    "$WORK/refresh-pool-run" "$THREADS"
fi

if has_scenario info; then
  code=$(curl -fsS "$AUTHORIZE_URL" -H "ACCESSTOKEN: $CUSTOMER_KEY" -H 'Accept: application/json' | json_field code)
  access_token=$(curl -fsS -H "Authorization: $BASIC" -d grant_type=authorization_code -d "code=$code" \
    -d "redirect_uri=$REDIRECT_URI_FORM" -d "code_verifier=$CODE_VERIFIER" "$BASE/oauth/token" | json_field access_token)
  [ -n "$access_token" ] || die "could not get an access token for /oauth/info"
  info_options=(-H "Authorization: Bearer $access_token")
  if (( WARMUP > 0 )); then
    run_wrk info-warmup warm-up info.lua "$WARMUP" "$BASE/oauth/info" "${info_options[@]}" --
  fi
  run_wrk info measured info.lua "$DURATION" "$BASE/oauth/info" "${info_options[@]}" --
fi

echo "==> summary ($BENCH_DB, wrk -t$THREADS -c$CONNECTIONS; load average$(uptime | sed 's/.*load average//'))"
for line in "${SUMMARY[@]}"; do echo "    $line"; done
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "ERROR: runs with non-2xx answers or socket errors: ${FAILED[*]} (their figures do not count)" >&2
  exit 1
fi
