# Shared by the bench/*.sh RADIUS benchmarks (sourced, not run): process bookkeeping, our Portal started from its
# Release build in a temporary folder with free ports, the product set up through its admin API, and one load run
# summarised from the load generator's JSON report. Expects `repo` to be set and `set -euo pipefail`.

pids=()

# A temporary folder for this run ($work), its own build tree, and everything started stopped on exit.
bench_init() { # name
  export WB_ARTIFACTS=${WB_ARTIFACTS:-/tmp/artifacts-bench}
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept $work" >&2
  else
    rm -rf "$work"
  fi
}

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_until() { # seconds description command...
  local deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "timed out waiting for $what" >&2
      return 1
    fi
    sleep 0.5
  done
}

# A UDP socket bound to this local port (read from /proc: no dependency on iproute2's ss).
udp_bound() {
  awk -v port=":$(printf '%04X' "$1")" 'FNR > 1 && substr($2, length($2) - 4) == port { found = 1 } END { exit !found }' \
    /proc/net/udp /proc/net/udp6 2>/dev/null
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# Builds the Portal and the load generator (Release) and starts the Portal. Sets portal_pid, api, ours_auth,
# ours_acct, admin_key, secret_base, load_dll.
start_portal() {
  log "building the Portal and the load generator (Release)"
  dotnet build "$repo/src/Portal" -c Release -nologo -v q >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
  local portal_dll="$WB_ARTIFACTS/bin/WifiBilling.Portal/release/WifiBilling.Portal.dll"
  load_dll="$WB_ARTIFACTS/bin/WifiBilling.Simulators/release/WifiBilling.Simulators.dll"

  local http_port
  http_port=$(free_port)
  ours_auth=$(free_port)
  ours_acct=$(free_port)
  admin_key=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
  secret_base="bench-$(python3 -c 'import secrets; print(secrets.token_hex(6))')"
  mkdir -p "$work/portal"

  log "starting the Portal: HTTP 127.0.0.1:$http_port, RADIUS 127.0.0.1:$ours_auth/$ours_acct"
  (
    cd "$repo/src/Portal"
    exec env ASPNETCORE_URLS="http://127.0.0.1:$http_port" ADMIN_API_KEY="$admin_key" \
      Storage__Sqlite__Path="$work/portal/wifibilling.db" Portal__DataDirectory="$work/portal" \
      Radius__BindAddress=127.0.0.1 Radius__AuthPort="$ours_auth" Radius__AcctPort="$ours_acct" \
      dotnet "$portal_dll"
  ) >"$work/portal.log" 2>&1 &
  portal_pid=$!
  pids+=("$portal_pid")
  api="http://127.0.0.1:$http_port"
  wait_until 60 "the Portal's /health" curl -sf "$api/health"
}

admin() { # method path [json]
  curl -sf -X "$1" -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' "$api$2" ${3:+-d "$3"}
}

# A 24 h plan, routers load-1..N at 127.0.1.n (secret "$secret_base-n") and vouchers minted in batches of 10,000;
# their codes go to $work/vouchers.txt.
setup_product() { # routers vouchers
  local routers=$1 vouchers=$2 n left count
  log "creating a 24 h plan, $routers routers and $vouchers vouchers through the admin API"
  plan_id=$(admin POST /api/admin/plans '{"name":"Bench 24 h","price":50,"durationMinutes":1440,"rateLimit":"2M/5M"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for n in $(seq 1 "$routers"); do
    admin POST /api/admin/routers "{\"name\":\"load-$n\",\"address\":\"127.0.1.$n\",\"secret\":\"$secret_base-$n\"}" >/dev/null
  done
  : >"$work/vouchers.txt"
  left=$vouchers
  while [ "$left" -gt 0 ]; do
    count=$((left > 10000 ? 10000 : left))
    admin POST /api/admin/vouchers/batch "{\"planId\":\"$plan_id\",\"count\":$count}" |
      python3 -c 'import json,sys; print("\n".join(v["code"] for v in json.load(sys.stdin)["vouchers"]))' >>"$work/vouchers.txt"
    left=$((left - count))
  done
  [ "$(wc -l <"$work/vouchers.txt")" -eq "$vouchers" ] || { echo "expected $vouchers voucher codes" >&2; exit 1; }
}

# One load-generator run from routers load-1..ROUTERS; prints a summary line per phase (and the server's memory when
# --server-pid is among the extra arguments). The full JSON report stays in the output file.
run_load() { # label auth-port acct-port kind json-file extra-args...
  local label=$1 auth=$2 acct=$3 kind=$4 out=$5
  shift 5
  log "$label"
  dotnet "$load_dll" load --server 127.0.0.1 --auth-port "$auth" --acct-port "$acct" --secret "$secret_base-{router}" \
    --routers "$ROUTERS" --distinct-addresses --source-address 127.0.1.1 --vouchers "$work/vouchers.txt" \
    --kind "$kind" --label "$label" --json "$@" >"$out" || true
  python3 - "$out" "$(load_average)" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
print(f"== {report['label']} (load average after: {sys.argv[2]})")
for p in report["phases"]:
    l = p["latency"]
    print(f"  {p['phase']:8} {p['requests']:>8,} requests  answered {p['answered']:>8,}  accepted {p['accepted']:>8,}  rejected {p['rejected']:>6,}  "
          f"lost {p['lost']:>5,}  retransmits {p['retransmits']:>5,}  {p['throughput']:>9,.0f}/s over {p['elapsedSeconds']:.2f} s  "
          f"p50 {l['p50']:.2f} ms  p99 {l['p99']:.2f} ms  p99.9 {l['p999']:.2f} ms  max {l['max']:.1f} ms")
if report.get("serverMemory"):
    m = report["serverMemory"]
    print(f"  server RSS {m['residentMegabytes']} MB (peak {m['peakResidentMegabytes']} MB)")
PY
}
