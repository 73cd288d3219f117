#!/usr/bin/env bash
# The server under load: every workload of the throughput issue, driven with wrk on a token store
# pre-filled to a chosen size, in one run that prints one table.
#
#   bash bench/wrk/run.sh                              # MariaDB at 127.0.0.1:3306, 10,000 stored tokens
#   ROWS=1000000 bash bench/wrk/run.sh                 # a million access and a million refresh tokens
#   BENCH_DB=h2 bash bench/wrk/run.sh                  # the embedded H2
#   PROFILE=1 WORKLOADS="info introspect" bash bench/wrk/run.sh   # a JFR per workload, hot methods printed
#
# What one run does, all on 127.0.0.1:
#  1. starts the fat jar on a fresh database (MariaDB: connect_bench_<pid>; H2: a temporary data
#     folder), which migrates the schema; registers a confidential client and a customer with curl;
#     stops the server;
#  2. fills the token tables through SQL (never HTTP): ROWS grants, each with an access and a
#     refresh token of the shape the server wrote before its keys started with the time
#     (random-looking ids, SHA-256 hashes of unknown token strings, expiries spread over the next
#     hour and 30 days), and mints the single-use authorization codes of the exchange as the server
#     makes them now (a grant and a code row per code, ids and keys led by their order, PKCE S256,
#     the code strings known to the script and kept in its work folder only);
#  3. starts the server again on the migrated, filled schema and times it from process start to
#     the first 200 of /health/ready ("start to ready");
#  4. drives each workload with wrk (a warm-up, then the measured run): health (GET /health/live,
#     the framework ceiling), client_credentials, client_credentials_reference (the same for a
#     client whose access tokens are reference tokens), introspect (one access token), info (GET
#     /oauth/info with one access token), exchange (the authorization_code grant with the minted
#     codes), refresh (rotation of the refresh tokens the measured exchange answered);
#  5. reads the server's resident memory (VmRSS) after the load and prints the table.
#
# No code or refresh token is ever sent twice: each wrk thread takes its own share of the pool and
# a pool that runs out ends the run (ended_early, the rate covers the time really run). Every
# answer outside 2xx is counted (an introspection answering "active": false too), and the script
# exits 1 when a measured run had one, a socket error or a timeout. cpu_others is the share of the
# machine's CPU that processes other than the server, MariaDB and wrk took during the run: figures
# are only comparable when it is low. On exit, even a failed one, the server is stopped, the
# database dropped and the work folder (client secret, keys, codes, tokens, recordings) deleted.
#
# Settings (environment): ROWS (stored grants with one access and one refresh token each; 10000,
# 100000 or 1000000), DURATION (measured seconds per workload, 15), WARMUP (seconds, 20), THREADS
# (2), CONNECTIONS (32), CODES (codes for the measured exchange, 40000) and WARMUP_CODES (40000),
# WORKLOADS ("health client_credentials introspect info exchange refresh"; refresh needs
# exchange), PORT (18080), BENCH_DB (mariadb or h2), JAR (bootstrap/target/connect-oauth.jar,
# built when missing), LAUNCHER (bin: bin/connect-oauth, the way the README runs the server, with
# its JVM options and its AOT cache, made at the first start; java: plain java -jar with the JVM's
# own defaults), JAVA_OPTS (replaces the JVM options; with -XX:NativeMemoryTracking=summary
# the memory per area is printed after the load), DB_URL_PARAMS (appended to the MariaDB JDBC URL,
# to compare driver settings: "?useServerPrepStmts=true"), PROFILE (1: a JFR recording per measured
# workload, its CPU by library (jfr-breakdown.sh), waits and hot methods printed), PROFILE_DIR
# (where to keep the recordings; by default they are deleted with the work folder).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
SCRIPTS=$ROOT/bench/wrk

ROWS=${ROWS:-10000}
DURATION=${DURATION:-15}
# 20 s: on two cores shared with wrk and MariaDB the JIT needs that long to finish compiling the
# token path (client_credentials: 1,247 req/s during a 20 s warm-up, 2,364 right after it).
WARMUP=${WARMUP:-20}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
CODES=${CODES:-40000}
# Enough for the whole warm-up: the exchange's warm-up ends when its codes run out, and with
# 15,000 it ended after 10 s, its JIT still compiling through the measured run (the compiler
# threads took 10-20 % of a core there, and the server's CPU per exchange varied by half).
WARMUP_CODES=${WARMUP_CODES:-40000}
WORKLOADS=${WORKLOADS:-health client_credentials client_credentials_reference introspect info exchange refresh}
PORT=${PORT:-18080}
BENCH_DB=${BENCH_DB:-mariadb}
JAR=${JAR:-$ROOT/bootstrap/target/connect-oauth.jar}
LAUNCHER=${LAUNCHER:-bin}
JAVA_OPTS=${JAVA_OPTS:-}
PROFILE=${PROFILE:-0}
PROFILE_DIR=${PROFILE_DIR:-}

BASE=http://127.0.0.1:$PORT
REDIRECT_URI=http://127.0.0.1/callback
REDIRECT_URI_FORM=http%3A%2F%2F127.0.0.1%2Fcallback
# The verifier and S256 challenge of RFC 7636 Appendix B: the server hashes it on every exchange
# all the same, and a fixed pair keeps the script free of an openssl dependency.
CODE_VERIFIER=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk
CODE_CHALLENGE=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM
# Minted codes live the longest the server allows (10 min, as AuthorizationCode checks on every
# read): the exchange starts about (WARMUP + DURATION) x 4 s after they are minted.
CODE_LIFETIME_SECONDS=600

die() { echo "ERROR: $*" >&2; exit 2; }
has_workload() { [[ " $WORKLOADS " == *" $1 "* ]]; }
# field <result line> <name>: one name=value of a RESULT line.
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1 "; }

[[ $ROWS =~ ^[0-9]+$ ]] && (( ROWS <= 10000000 )) || die "ROWS must be a whole number up to 10000000"
[[ $LAUNCHER == bin || $LAUNCHER == java ]] || die "LAUNCHER must be bin or java"
[[ $DURATION =~ ^[1-9][0-9]*$ && $WARMUP =~ ^[0-9]+$ && $THREADS =~ ^[1-9][0-9]*$ ]] \
  || die "DURATION, WARMUP and THREADS must be whole numbers"
[[ $CONNECTIONS =~ ^[1-9][0-9]*$ && $CONNECTIONS -ge $THREADS ]] || die "CONNECTIONS must be a whole number >= THREADS"
[[ $CODES =~ ^[1-9][0-9]*$ && $WARMUP_CODES =~ ^[1-9][0-9]*$ ]] || die "CODES and WARMUP_CODES must be whole numbers"
(( CODES + WARMUP_CODES <= 1000000 )) || die "CODES + WARMUP_CODES is capped at 1000000"
for w in $WORKLOADS; do
  [[ " health client_credentials client_credentials_reference introspect info exchange refresh " == *" $w "* ]] \
    || die "unknown workload '$w' (health client_credentials client_credentials_reference introspect info exchange refresh)"
done
if has_workload refresh && ! has_workload exchange; then
  die "the refresh workload uses the refresh tokens the exchange answers: add exchange to WORKLOADS"
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
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
echo "==> $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM," \
  "Java $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)," \
  "load average $(load_average)"
echo "==> jar $JAR (started with $LAUNCHER${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}), work tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "==> $BENCH_DB, $ROWS stored grants (an access and a refresh token each), wrk -t$THREADS -c$CONNECTIONS," \
  "warm-up ${WARMUP}s then ${DURATION}s per workload: $WORKLOADS"

WORK=$(mktemp -d /tmp/connect-bench.XXXXXX)
[ -z "$PROFILE_DIR" ] || mkdir -p "$PROFILE_DIR" || die "cannot make PROFILE_DIR $PROFILE_DIR"
DB_NAME=connect_bench_$$
SERVER_PID=
SERVER_LOG=$WORK/server.log

mariadb_root() { mariadb -uroot -h127.0.0.1 --protocol=tcp "$@"; }

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

cleanup() {
  local status=$?
  stop_server
  if [ "$BENCH_DB" = mariadb ]; then
    mariadb_root -e "DROP DATABASE IF EXISTS $DB_NAME" || echo "WARNING: could not drop database $DB_NAME" >&2
  fi
  if [ "$status" -ne 0 ] && [ -f "$SERVER_LOG" ]; then
    echo "--- last lines of the server log" >&2
    tail -n 30 "$SERVER_LOG" >&2
  fi
  # The work folder holds the client secret, API keys, codes and tokens: never left behind.
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
  # Metrics are not scraped here: any free admin port, so a second run on the machine cannot clash.
  CONNECT_ADMIN_PORT=0
)
if [ "$BENCH_DB" = mariadb ]; then
  command -v mariadb >/dev/null || die "the mariadb client is missing"
  mariadb_root -e "CREATE DATABASE $DB_NAME" || die "cannot create database $DB_NAME at 127.0.0.1:3306 as root"
  echo "==> MariaDB $(mariadb_root -N -e 'select version()'), database $DB_NAME," \
    "$(mariadb_root -N -e "select concat('innodb_flush_log_at_trx_commit=', @@innodb_flush_log_at_trx_commit,
      ', innodb_buffer_pool_size=', @@innodb_buffer_pool_size div 1048576, ' MiB, innodb_log_file_size=',
      @@innodb_log_file_size div 1048576, ' MiB')")"
  # A key-encryption key made for the run: the signing keys are sealed with it in the database.
  server_env+=(CONNECT_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME${DB_URL_PARAMS:-}" CONNECT_DB_USER=root
    CONNECT_KEK="$(head -c 32 /dev/urandom | base64)")
else
  echo "==> embedded H2 in $WORK/data"
  server_env+=(CONNECT_DATA_DIR="$WORK/data")
fi

# start_server: starts the jar and waits for /health/ready; READY_MS is process start to ready.
start_server() {
  local started_ns
  started_ns=$(date +%s%N)
  if [ "$LAUNCHER" = bin ]; then
    # exec: the launcher becomes the JVM, so SERVER_PID is the server's for CPU, RSS and jcmd.
    env "${server_env[@]}" CONNECT_OAUTH_JAR="$JAR" ${JAVA_OPTS:+JAVA_OPTS="$JAVA_OPTS"} "$ROOT/bin/connect-oauth" \
      >>"$SERVER_LOG" 2>&1 &
  else
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    env "${server_env[@]}" "$JAVA_HOME/bin/java" $JAVA_OPTS -jar "$JAR" >>"$SERVER_LOG" 2>&1 &
  fi
  SERVER_PID=$!
  until curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during start"
    (( $(date +%s%N) - started_ns < 120000000000 )) || die "the server was not ready within 120 s"
    sleep 0.02
  done
  READY_MS=$(( ($(date +%s%N) - started_ns) / 1000000 ))
}

start_server
echo "==> first start (new schema, migrated): ready in $READY_MS ms"

# --- Client and customer (HTTP, once) -------------------------------------------------------------
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
ACCOUNT_ID=$(json_field id <<<"$account_json")
[ -n "$CLIENT_ID" ] && [ -n "$CLIENT_SECRET" ] && [ -n "$ACCOUNT_ID" ] || die "client or account setup failed"
[[ $CLIENT_ID =~ ^[A-Za-z0-9_-]+$ && $ACCOUNT_ID =~ ^[A-Za-z0-9_-]+$ ]] || die "unexpected client or account id"
BASIC="Basic $(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w 0)"
# A second client whose access tokens are reference tokens: no JWT, no signature.
reference_json=$(api_post /api/v1/clients "{\"name\":\"wrk bench reference\",\"scopes\":[\"connect\"],\
\"type\":\"confidential\",\"grant_types\":[\"client_credentials\"],\"access_token_format\":\"reference\"}")
REFERENCE_BASIC="Basic $(printf '%s:%s' "$(json_field client_id <<<"$reference_json")" \
  "$(json_field client_secret <<<"$reference_json")" | base64 -w 0)"
echo "==> confidential clients (JWT and reference access tokens) and customer account created"
stop_server

# --- Fill (SQL) -----------------------------------------------------------------------------------
# One SQL text for both databases, with four dialect pieces: the row source 1..n, SHA-256 in hex,
# nanosecond factors as 64-bit numbers (H2 multiplies INTs as INTs) and the export of the codes.
SALT=$(head -c 12 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
NOW_NS=$(date +%s%N)
if [ "$BENCH_DB" = mariadb ]; then
  rows_of() { echo "(SELECT seq FROM seq_1_to_$1) s"; }
  sha256() { echo "SHA2($1, 256)"; }
  big() { echo "$1"; }
else
  rows_of() { echo "SYSTEM_RANGE(1, $1) AS s(seq)"; }
  sha256() { echo "LOWER(RAWTOHEX(HASH('SHA-256', $1)))"; }
  big() { echo "CAST($1 AS BIGINT)"; }
fi
# A 22-character id (as the server's 16 random bytes in base64url), as the server made them before
# its ids and keys started with the time they were made (an upgraded database's rows). The codes
# and their grants are made as the server makes them now: an id of 30 and a code of 51 characters,
# each starting with 8 that sort in the order they were minted (the server writes the millisecond
# there), the code stored by that start and the first 56 hex digits of its SHA-256.
id_of() { echo "SUBSTR($(sha256 "CONCAT('$SALT-$1-', seq)"), 1, 22)"; }
minted_of() { echo "CONCAT('-', LPAD(seq, 7, '0'), SUBSTR($(sha256 "CONCAT('$SALT-$1-', seq)"), 1, $2))"; }
code_of() { minted_of code 43; }
code_key_of() { echo "CONCAT(LEFT($(code_of), 8), LEFT($(sha256 "$(code_of)"), 56))"; }
TOTAL_CODES=$((CODES + WARMUP_CODES))
MS=$(big 1000000) S=$(big 1000000000)
fill_sql() {
  local owner="'$CLIENT_ID', '$ACCOUNT_ID', 'connect'"
  (( ROWS > 0 )) || return 0
  cat <<SQL
INSERT INTO grants (id, client_id, account_id, scopes, created_at)
  SELECT $(id_of g), $owner, $NOW_NS - seq * $MS FROM $(rows_of "$ROWS");
INSERT INTO refresh_tokens (id, hash, grant_id, client_id, account_id, scopes, parent_id, issued_at, expires_at)
  SELECT $(id_of r), $(sha256 "CONCAT('$SALT-refresh-', seq)"), $(id_of g), $owner, NULL,
         $NOW_NS - seq * $MS, $NOW_NS + (60 + MOD(seq, 2592000)) * $S FROM $(rows_of "$ROWS");
INSERT INTO access_tokens (id, hash, grant_id, client_id, account_id, scopes, refresh_token_id, issued_at, expires_at)
  SELECT $(id_of a), $(sha256 "CONCAT('$SALT-access-', seq)"), $(id_of g), $owner, $(id_of r),
         $NOW_NS - seq * $MS, $NOW_NS + (60 + MOD(seq, 3600)) * $S FROM $(rows_of "$ROWS");
SQL
}
# The codes' grants and rows, issued when the token fill is done (a large fill takes minutes).
mint_sql() {
  local owner="'$CLIENT_ID', '$ACCOUNT_ID', 'connect'" now_ns
  now_ns=$(date +%s%N)
  cat <<SQL
INSERT INTO grants (id, client_id, account_id, scopes, created_at)
  SELECT $(minted_of cg 22), $owner, $now_ns FROM $(rows_of "$TOTAL_CODES");
INSERT INTO authorization_codes (hash, grant_id, client_id, account_id, redirect_uri, scopes, challenge,
                                 challenge_method, issued_at, expires_at)
  SELECT $(code_key_of), $(minted_of cg 22), '$CLIENT_ID', '$ACCOUNT_ID', '$REDIRECT_URI', 'connect',
         '$CODE_CHALLENGE', 'S256', $now_ns, $now_ns + $CODE_LIFETIME_SECONDS * $S
  FROM $(rows_of "$TOTAL_CODES");
SQL
}

echo "==> filling: $ROWS grants with an access and a refresh token each, $TOTAL_CODES codes (SQL)"
fill_started=$(date +%s%N)
if [ "$BENCH_DB" = mariadb ]; then
  fill_sql | mariadb_root "$DB_NAME"
  mint_sql | mariadb_root "$DB_NAME"
  mariadb_root -N "$DB_NAME" -e "SELECT $(code_of) FROM $(rows_of "$TOTAL_CODES") ORDER BY seq" >"$WORK/codes"
else
  h2_script() {
    "$JAVA_HOME/bin/java" -cp "$JAR" org.h2.tools.RunScript -user sa -password '' -script "$1" \
      -url "jdbc:h2:file:$WORK/data/connect;MODE=MySQL;DATABASE_TO_LOWER=TRUE"
  }
  fill_sql >"$WORK/fill.sql"
  h2_script "$WORK/fill.sql"
  { mint_sql
    echo "CALL CSVWRITE('$WORK/codes', 'SELECT $(code_of | sed "s/'/''/g") FROM $(rows_of "$TOTAL_CODES") ORDER BY seq',"
    echo "  'writeColumnHeader=false fieldDelimiter=');"
  } >"$WORK/mint.sql"
  h2_script "$WORK/mint.sql"
fi
(( $(wc -l <"$WORK/codes") == TOTAL_CODES )) || die "the fill exported $(wc -l <"$WORK/codes") codes, not $TOTAL_CODES"
echo "    filled in $(( ($(date +%s%N) - fill_started) / 1000000 )) ms"
head -n "$WARMUP_CODES" "$WORK/codes" >"$WORK/codes-warm"
tail -n +"$((WARMUP_CODES + 1))" "$WORK/codes" >"$WORK/codes-run"

start_server
START_MS=$READY_MS
echo "==> start to ready (migrated schema, $ROWS stored grants): $START_MS ms, load average $(load_average)"

# --- wrk ------------------------------------------------------------------------------------------
FAILED=()
declare -A RESULTS CPU_SERVER CPU_DB

CLK_TCK=$(getconf CLK_TCK)
CORES=$(nproc)
# MariaDB counts as ours when the server uses it (other clients of it then count as ours too).
MARIADB_PID=
# The server behind 127.0.0.1:3306: pidof would also name the Galera nodes' processes.
if [ "$BENCH_DB" = mariadb ]; then
  MARIADB_PID=$(ss -Hltnp 'sport = :3306' 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
  [ -n "$MARIADB_PID" ] || echo "WARNING: no process found listening on 3306: its CPU counts in cpu_others" >&2
fi
# CPU ticks: the whole machine's busy time; one process's; this shell's finished children (wrk).
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
process_ticks() { { [ -n "$1" ] && sed 's/.*) //' "/proc/$1/stat" 2>/dev/null || echo; } | awk '{print $12 + $13 + 0}'; }
children_ticks() { sed 's/.*) //' "/proc/$$/stat" | awk '{print $14 + $15}'; }

profile_start() {
  [ "$PROFILE" = 1 ] || return 0
  jcmd "$SERVER_PID" JFR.start name="$1" settings=profile >/dev/null
}
profile_stop() {
  [ "$PROFILE" = 1 ] || return 0
  local file=${PROFILE_DIR:-$WORK}/$BENCH_DB-$ROWS-$1.jfr
  jcmd "$SERVER_PID" JFR.stop name="$1" filename="$file" >/dev/null
  echo "    profile $file"
  bash "$SCRIPTS/jfr-breakdown.sh" "$file"
  jfr view --width 160 hot-methods "$file" | sed -n '5,17p' | sed 's/^/    /'
}

# The MariaDB statements a run caused (Com_*, handler calls, log writes and fsyncs), per request: what a workload
# asks of the database, whatever the server's code looks like.
DB_COUNTERS="'Com_select','Com_insert','Com_update','Com_delete','Com_commit','Com_rollback','Com_set_option','Innodb_log_writes','Innodb_data_fsyncs','Handler_read_key','Handler_read_next','Handler_write'"
db_status() {
  [ "$BENCH_DB" = mariadb ] || return 0
  mariadb_root -N -e "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ($DB_COUNTERS)" | sort
}
statements_per_request() {
  join <(echo "$1") <(echo "$2") | awk -v n="$3" 'n > 0 {printf "%s%s=%.2f", sep, tolower($1), ($3 - $2) / n; sep=" "} END {print ""}' \
    | sed 's/^/      db per request: /'
}

# run_wrk <label> <measured|warm-up> <script> <duration s> <url> [wrk options...] -- [script args...]
run_wrk() {
  local label=$1 kind=$2 script=$3 duration=$4 url=$5
  shift 5
  local options=() out=$WORK/$label-$kind.txt
  while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  [ "$kind" = measured ] && profile_start "$label"
  local machine_before server_before db_before wrk_before started_ns
  machine_before=$(machine_ticks) server_before=$(process_ticks "$SERVER_PID")
  db_before=$(process_ticks "$MARIADB_PID") wrk_before=$(children_ticks) started_ns=$(date +%s%N)
  local status_before
  status_before=$(db_status)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${duration}s" --timeout 10s --latency "${options[@]}" \
    -s "$SCRIPTS/$script" "$url" -- "$@" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed ($label)"; }
  local capacity=$(( ($(date +%s%N) - started_ns) * CLK_TCK * CORES / 1000000000 ))
  local server=$(( $(process_ticks "$SERVER_PID") - server_before )) db=$(( $(process_ticks "$MARIADB_PID") - db_before ))
  local others=$(( $(machine_ticks) - machine_before - server - db - $(children_ticks) + wrk_before ))
  local result
  result=$(grep '^RESULT ' "$out" || true)
  [ -n "$result" ] || { cat "$out" >&2; die "wrk printed no RESULT line ($label)"; }
  result="${result#RESULT } cpu_others=$(( others < 0 ? 0 : others * 100 / (capacity > 0 ? capacity : 1) ))%"
  echo "    $kind $label: $result"
  [ -n "$status_before" ] && statements_per_request "$status_before" "$(db_status)" "$(field "$result" requests)"
  grep '^FIRST_ERROR ' "$out" || true
  if [ "$kind" = measured ]; then
    RESULTS[$label]=$result CPU_SERVER[$label]=$server CPU_DB[$label]=$db
    profile_stop "$label"
  fi
  if [[ " $result " != *" non2xx=0 connect_errors=0 read_errors=0 write_errors=0 timeouts=0 "* ]]; then
    FAILED+=("$label $kind")
  fi
}

# workload <label> <script> <url> [wrk options...] -- [warm-up script args...] -- [measured script args...]
workload() {
  local label=$1 script=$2 url=$3
  shift 3
  local options=() warm=() measured=()
  while [ "$1" != -- ]; do options+=("$1"); shift; done
  shift
  while [ "$1" != -- ]; do warm+=("$1"); shift; done
  shift
  measured=("$@")
  if (( WARMUP > 0 )); then
    run_wrk "$label" warm-up "$script" "$WARMUP" "$url" "${options[@]}" -- "${warm[@]}"
  fi
  run_wrk "$label" measured "$script" "$DURATION" "$url" "${options[@]}" -- "${measured[@]}"
}

form=(-H "Authorization: $BASIC" -H 'Content-Type: application/x-www-form-urlencoded')
# One access token for introspection and /info: from the client_credentials grant for introspection
# (any token of the client), from a minted code for /info (it needs an account).
token_of() { json_field access_token; }

has_workload health && workload health replay.lua "$BASE/health/live" -- -- --
if has_workload client_credentials; then
  workload client_credentials client_credentials.lua "$BASE/oauth/token" "${form[@]}" -- -- --
fi
if has_workload client_credentials_reference; then
  workload client_credentials_reference client_credentials.lua "$BASE/oauth/token" \
    -H "Authorization: $REFERENCE_BASIC" -H 'Content-Type: application/x-www-form-urlencoded' -- -- --
fi
if has_workload introspect || has_workload info; then
  # Two codes of the pool's warm-up share, sent once each here and never again (the exchange's
  # warm-up starts after them).
  first_code=$(sed -n 1p "$WORK/codes-warm") second_code=$(sed -n 2p "$WORK/codes-warm")
  sed -i 1,2d "$WORK/codes-warm"
  exchange_once() {
    curl -fsS "${form[@]}" -d grant_type=authorization_code -d "code=$1" -d "redirect_uri=$REDIRECT_URI_FORM" \
      -d "code_verifier=$CODE_VERIFIER" "$BASE/oauth/token" | token_of
  }
  introspected=$(exchange_once "$first_code")
  info_token=$(exchange_once "$second_code")
  [ -n "$introspected" ] && [ -n "$info_token" ] || die "could not exchange a minted code for an access token"
  has_workload introspect && workload introspect introspect.lua "$BASE/oauth/introspect" "${form[@]}" -- \
    "$introspected" -- "$introspected"
  has_workload info && workload info replay.lua "$BASE/oauth/info" -H "Authorization: Bearer $info_token" -- -- --
fi
if has_workload exchange; then
  workload exchange exchange.lua "$BASE/oauth/token" "${form[@]}" -- \
    "$WORK/codes-warm" "$THREADS" "$REDIRECT_URI_FORM" "$CODE_VERIFIER" "$WORK/refresh-warm" -- \
    "$WORK/codes-run" "$THREADS" "$REDIRECT_URI_FORM" "$CODE_VERIFIER" "$WORK/refresh-run"
fi
if has_workload refresh; then
  cat "$WORK"/refresh-warm.* >"$WORK/refresh-pool-warm"
  cat "$WORK"/refresh-run.* >"$WORK/refresh-pool-run"
  echo "==> $(wc -l <"$WORK/refresh-pool-run") refresh tokens, each from its own grant, from the measured exchange"
  workload refresh refresh.lua "$BASE/oauth/token" "${form[@]}" -- \
    "$WORK/refresh-pool-warm" "$THREADS" -- "$WORK/refresh-pool-run" "$THREADS"
fi

RSS_KIB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
if [[ $JAVA_OPTS == *NativeMemoryTracking* ]]; then
  # Where the resident memory goes: committed KiB per area (heap, metaspace, threads, code, GC...).
  echo "==> native memory after the load (jcmd VM.native_memory summary, committed)"
  jcmd "$SERVER_PID" VM.native_memory summary scale=MB | grep -E '^(Total|-)' | sed 's/^/    /'
fi

# --- Table ----------------------------------------------------------------------------------------
# CPU milliseconds per request from ticks over the run's requests.
per_request() { awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", (n > 0) ? t * 1000 / hz / n : 0}'; }
ceiling=$(field "${RESULTS[health]:-}" rps)
echo
echo "==> $BENCH_DB, $ROWS stored grants, wrk -t$THREADS -c$CONNECTIONS ${DURATION}s, load average $(load_average)"
printf '%-20s %10s %9s %9s %7s %9s %12s %10s %10s\n' workload req/s p50_ms p99_ms non2xx x_ceiling \
  server_ms/req db_ms/req cpu_others
for label in $WORKLOADS; do
  result=${RESULTS[$label]:-}
  [ -n "$result" ] || continue
  rps=$(field "$result" rps) requests=$(field "$result" requests)
  ratio=-
  [ -n "$ceiling" ] && ratio=$(awk -v r="$rps" -v c="$ceiling" 'BEGIN {printf "%.3f", r / c}')
  note=
  [ "$(field "$result" ended_early)" = true ] && note=" (pool used up after $(field "$result" seconds) s)"
  printf '%-20s %10.0f %9s %9s %7s %9s %12s %10s %10s%s\n' "$label" "$rps" "$(field "$result" p50_ms)" \
    "$(field "$result" p99_ms)" "$(field "$result" non2xx)" "$ratio" "$(per_request "${CPU_SERVER[$label]}" "$requests")" \
    "$(per_request "${CPU_DB[$label]}" "$requests")" "$(field "$result" cpu_others)" "$note"
done
echo "start to ready: $START_MS ms (migrated schema); RSS after the load: $((RSS_KIB / 1024)) MiB"

if [ ${#FAILED[@]} -gt 0 ]; then
  echo "ERROR: runs with non-2xx answers or socket errors: ${FAILED[*]} (their figures do not count)" >&2
  exit 1
fi
