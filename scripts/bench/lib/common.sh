# Shared by every benchmark in scripts/bench/: tools, the jar, starting the service, and a
# warm-up that waits for the JVM's steady state. Source it: . "$(dirname "$0")/lib/common.sh"

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"

# need COMMAND PACKAGE: installs a Debian package when its command is missing.
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "installing $2 ..." >&2
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}

# safesteps_jar: prints the service jar, building it when missing or older than the sources.
safesteps_jar() {
  local jar
  jar="$(ls "$bench_root"/target/safesteps-*.jar 2>/dev/null | grep -v original | head -1 || true)"
  if [[ -n "$jar" && -n "$(find "$bench_root/src/main" "$bench_root/pom.xml" "$bench_root/api-spec" -newer "$jar" -print -quit)" ]]; then
    jar=""
  fi
  if [[ -z "$jar" ]]; then
    echo "building the jar ..." >&2
    (cd "$bench_root" && mvn -B -q -DskipTests package >&2)
    jar="$(ls "$bench_root"/target/safesteps-*.jar | grep -v original | head -1)"
  fi
  echo "$jar"
}

# bench_libraries JAR FOLDER: the service's libraries, for the benchmarks' Java tools.
bench_libraries() {
  mkdir -p "$2"
  (cd "$2" && unzip -q -o -j "$1" 'BOOT-INF/lib/*.jar')
}

# start_safesteps WORKDIR PORT MANAGEMENT_PORT [JAVA_OPTIONS...] -- [APP_ARGS...]
# Starts the service on the embedded MongoDB (local profile) with its data under WORKDIR;
# sets safesteps_pid. The caller waits with wait_healthy. SAFESTEPS_BENCH_CONTENT names another
# content folder.
start_safesteps() {
  local work="$1" port="$2" mport="$3"; shift 3
  local java_opts=() app_args=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do java_opts+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  app_args=("$@")
  local jar; jar="$(safesteps_jar)"
  mkdir -p "$work/data"
  (cd "$work" && exec java "${java_opts[@]}" -jar "$jar" --spring.profiles.active=local \
    --server.port="$port" --management.server.port="$mport" \
    --safesteps.content.directory="${SAFESTEPS_BENCH_CONTENT:-$bench_root/content}" --safesteps.localization.directory="$bench_root/localization" \
    --safesteps.embedded-mongo.data-file="$work/data/bench.mv.db" \
    --safesteps.security.dev-issuer.key-directory="$work/data/dev-issuer" --safesteps.campaigns.fcm.stub.port="${SAFESTEPS_BENCH_FCM_STUB_PORT:-0}" \
    --logging.level.root=warn "${app_args[@]}" >> "$work/app.log" 2>&1) &
  safesteps_pid=$!
}

# wait_healthy URL [SECONDS]: waits for a 2xx, polling every 20 ms.
wait_healthy() {
  local url="$1" limit="${2:-180}" start=$SECONDS
  until curl -fs -o /dev/null "$url"; do
    (( SECONDS - start > limit )) && { echo "not healthy after ${limit}s: $url" >&2; return 1; }
    sleep 0.02
  done
}

# wrk_rps WRK_OUTPUT: the Requests/sec figure.
wrk_rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }

# warm_until_steady LABEL WRK_ARGS...: runs wrk for 10 s at a time until two consecutive runs
# differ by less than 5% in req/s, or 4 minutes have passed (then warns). These machines vary
# by 2x from hour to hour and the JIT needs minutes of load on 2 cores, so a fixed warm-up is
# not enough.
warm_until_steady() {
  local label="$1"; shift
  local previous="" current start=$SECONDS runs=0
  while true; do
    current="$(wrk_rps "$(wrk -d10s "$@")")"
    runs=$((runs + 1))
    if [[ -n "$previous" ]] && awk -v a="$previous" -v b="$current" 'BEGIN { d = (b - a) / a; if (d < 0) d = -d; exit !(d < 0.05) }'; then
      echo "$label: steady after $runs runs of 10 s ($previous then $current req/s)" >&2
      return 0
    fi
    if (( SECONDS - start >= 240 )); then
      echo "WARNING: $label did not reach a steady state in 4 minutes (last two runs: $previous, $current req/s); figures may be low" >&2
      return 0
    fi
    previous="$current"
  done
}

# median NUMBERS...: the median (the lower middle for an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
