#!/usr/bin/env bash
# Side-by-side RADIUS benchmark on this machine: our server (the Portal, Release build, SQLite store) against a
# throwaway FreeRADIUS 3 (`files` backend), both holding the same vouchers and knowing the same routers (source
# addresses 127.0.1.n, one secret each), both driven by the same load generator (src/Simulators `load`).
#
#   bench/radius-vs-freeradius.sh            # defaults below; every setting can be overridden from the environment
#   VOUCHERS=20000 REQUESTS=50000 ROUNDS=1 bench/radius-vs-freeradius.sh   # a quicker run
#
# It installs Debian's freeradius when missing (apt-get; root or sudo), copies /etc/freeradius/3.0 into a temporary
# folder, replaces its sites, clients and users with the benchmark's (bench/freeradius/*.template) and runs it with
# `freeradius -f` on loopback ports (never the system service). The Portal gets its own temporary data folder and
# free ports; vouchers are minted through the product's admin API and the FreeRADIUS users file is written from the
# codes it returned. Everything started is stopped on exit. The last line is `ratio ours/freeradius: X.XX`: maximum
# PAP authentication throughput (best round of each), closed loop.
set -euo pipefail

VOUCHERS=${VOUCHERS:-100000}        # vouchers in both backends
ROUTERS=${ROUTERS:-8}               # virtual routers = RADIUS clients (distinct source addresses)
REQUESTS=${REQUESTS:-200000}        # measured requests per run
CONCURRENCY=${CONCURRENCY:-256}     # closed loop: requests outstanding
ROUNDS=${ROUNDS:-2}                 # PAP rounds per server, alternating (the best of each counts)
CHAP=${CHAP:-1}                     # also one CHAP round per server
ACCOUNTING=${ACCOUNTING:-1}         # also one Interim-Update round per server
SESSIONS=${SESSIONS:-20000}         # sessions started before the interim round
KEEP=${KEEP:-0}                     # 1: keep the temporary folder (logs, configs, JSON results)

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export WB_ARTIFACTS=${WB_ARTIFACTS:-/tmp/artifacts-bench}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d "${TMPDIR:-/tmp}/radius-vs-freeradius.XXXXXX")
pids=()

cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "$KEEP" = 1 ]; then
    echo "kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

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

udp_bound() { ss -Hulnp "sport = :$1" | grep -q .; }

# --- FreeRADIUS installed? ------------------------------------------------------------------------------------------
if ! command -v freeradius >/dev/null 2>&1; then
  log "installing Debian's freeradius"
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q freeradius >"$work/apt.log" 2>&1
  else
    sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q freeradius >"$work/apt.log" 2>&1
  fi
fi
freeradius_version=$(freeradius -v 2>/dev/null | head -1 || true)

# --- Our server: Release build, own data folder, free ports ---------------------------------------------------------
log "building the Portal and the load generator (Release)"
dotnet build "$repo/src/Portal" -c Release -nologo -v q >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
portal_dll="$WB_ARTIFACTS/bin/WifiBilling.Portal/release/WifiBilling.Portal.dll"
load_dll="$WB_ARTIFACTS/bin/WifiBilling.Simulators/release/WifiBilling.Simulators.dll"

http_port=$(free_port)
ours_auth=$(free_port)
ours_acct=$(free_port)
fr_auth=$(free_port)
fr_acct=$(free_port)
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

admin() { # method path [json]
  curl -sf -X "$1" -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' "$api$2" ${3:+-d "$3"}
}

log "creating a 24 h plan, $ROUTERS routers and $VOUCHERS vouchers through the admin API"
plan_id=$(admin POST /api/admin/plans '{"name":"Bench 24 h","price":50,"durationMinutes":1440,"rateLimit":"2M/5M"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for n in $(seq 1 "$ROUTERS"); do
  admin POST /api/admin/routers "{\"name\":\"load-$n\",\"address\":\"127.0.1.$n\",\"secret\":\"$secret_base-$n\"}" >/dev/null
done
: >"$work/vouchers.txt"
left=$VOUCHERS
while [ "$left" -gt 0 ]; do
  count=$((left > 10000 ? 10000 : left))
  admin POST /api/admin/vouchers/batch "{\"planId\":\"$plan_id\",\"count\":$count}" |
    python3 -c 'import json,sys; print("\n".join(v["code"] for v in json.load(sys.stdin)["vouchers"]))' >>"$work/vouchers.txt"
  left=$((left - count))
done
[ "$(wc -l <"$work/vouchers.txt")" -eq "$VOUCHERS" ] || { echo "expected $VOUCHERS voucher codes" >&2; exit 1; }

# --- FreeRADIUS: a copy of the Debian configuration with the benchmark's site, clients and users --------------------
log "configuring FreeRADIUS ($freeradius_version) on 127.0.0.1:$fr_auth/$fr_acct"
raddb="$work/raddb"
cp -a /etc/freeradius/3.0 "$raddb"
mkdir -p "$work/freeradius/log" "$work/freeradius/run"
rm -f "$raddb"/sites-enabled/* "$raddb"/mods-enabled/*
for module in always pap chap files detail; do
  ln -s "../mods-available/$module" "$raddb/mods-enabled/$module"
done
sed -e "s/@AUTH_PORT@/$fr_auth/" -e "s/@ACCT_PORT@/$fr_acct/" "$repo/bench/freeradius/site-bench.template" >"$raddb/sites-enabled/bench"
# Run as the invoking user from the temporary folder; track enough requests for the 5 s cleanup_delay at full speed
# (the default 16384 would make FreeRADIUS refuse requests above ~3,300/s).
sed -i -e "s|^logdir = .*|logdir = $work/freeradius/log|" -e "s|^run_dir = .*|run_dir = $work/freeradius/run|" \
  -e 's/^max_requests = .*/max_requests = 1048576/' -e 's/^\(\s*\)\(user\|group\) = freerad/\1# \2 = freerad/' "$raddb/radiusd.conf"
: >"$raddb/clients.conf"
for n in $(seq 1 "$ROUTERS"); do
  sed -e "s/@NAME@/load-$n/" -e "s/@ADDRESS@/127.0.1.$n/" -e "s/@SECRET@/$secret_base-$n/" "$repo/bench/freeradius/client.template" >>"$raddb/clients.conf"
done
# The same grant as our Access-Accept for a fresh 24 h voucher of this plan.
awk '{ printf "%s Cleartext-Password := \"%s\"\n\tSession-Timeout = 86400,\n\tAcct-Interim-Interval = 300,\n\tIdle-Timeout = 600,\n\tMikrotik-Rate-Limit = \"2M/5M\",\n\tClass = \"wb1:%s\"\n\n", $1, $1, $1 }' \
  "$work/vouchers.txt" >"$raddb/mods-config/files/authorize"
freeradius -C -d "$raddb" >"$work/freeradius-check.log" 2>&1 || { tail -30 "$work/freeradius-check.log"; exit 1; }
freeradius -f -d "$raddb" -l "$work/freeradius/radius.log" &
pids+=("$!")
wait_until 120 "FreeRADIUS to listen" udp_bound "$fr_auth"

# --- Load ----------------------------------------------------------------------------------------------------------
run_load() { # name target-label kind json-file extra-args...
  local label=$1 target=$2 kind=$3 out=$4 auth acct
  shift 4
  if [ "$target" = ours ]; then auth=$ours_auth acct=$ours_acct; else auth=$fr_auth acct=$fr_acct; fi
  log "$label"
  dotnet "$load_dll" load --server 127.0.0.1 --auth-port "$auth" --acct-port "$acct" --secret "$secret_base-{router}" \
    --routers "$ROUTERS" --distinct-addresses --source-address 127.0.1.1 --vouchers "$work/vouchers.txt" \
    --kind "$kind" --concurrency "$CONCURRENCY" --label "$label" --json "$@" >"$out" || true
  python3 - "$out" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
print(f"== {report['label']}")
for p in report["phases"]:
    l = p["latency"]
    print(f"  {p['phase']:8} {p['requests']:>8,} requests  answered {p['answered']:>8,}  accepted {p['accepted']:>8,}  rejected {p['rejected']:>6,}  "
          f"lost {p['lost']:>5,}  retransmits {p['retransmits']:>5,}  {p['throughput']:>9,.0f}/s  "
          f"p50 {l['p50']:.2f} ms  p99 {l['p99']:.2f} ms  p99.9 {l['p999']:.2f} ms  max {l['max']:.1f} ms")
if "serverMemory" in report:
    print(f"  server RSS {report['serverMemory']['residentMegabytes']} MB")
EOF
}

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $freeradius_version"
for round in $(seq 1 "$ROUNDS"); do
  setup=()
  [ "$round" = 1 ] && setup=(--setup-pass)
  run_load "freeradius pap round $round" freeradius pap "$work/fr-pap-$round.json" --requests "$REQUESTS" "${setup[@]}"
  run_load "ours pap round $round" ours pap "$work/ours-pap-$round.json" --requests "$REQUESTS" --server-pid "$portal_pid" "${setup[@]}"
done
if [ "$CHAP" = 1 ]; then
  run_load "freeradius chap" freeradius chap "$work/fr-chap.json" --requests "$REQUESTS"
  run_load "ours chap" ours chap "$work/ours-chap.json" --requests "$REQUESTS" --server-pid "$portal_pid"
fi
if [ "$ACCOUNTING" = 1 ]; then
  run_load "freeradius interim (detail file, not fsynced)" freeradius interim "$work/fr-interim.json" --sessions "$SESSIONS" --requests "$REQUESTS" --boot 2
  run_load "ours interim (SQLite, fsynced before each Accounting-Response)" ours interim "$work/ours-interim.json" --sessions "$SESSIONS" --requests "$REQUESTS" --boot 2 --server-pid "$portal_pid"
fi
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$ROUNDS" <<'EOF'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def best(target):
    runs = [json.load(open(f"{work}/{target}-pap-{r}.json")) for r in range(1, rounds + 1)]
    measured = [r["phases"][-1] for r in runs]
    return max(m["throughput"] for m in measured), sum(m["lost"] for m in measured)
ours, ours_lost = best("ours")
fr, fr_lost = best("fr")
print(f"maximum PAP throughput: ours {ours:,.0f}/s (lost {ours_lost}), freeradius {fr:,.0f}/s (lost {fr_lost})")
print(f"ratio ours/freeradius: {ours / fr:.2f}" if fr > 0 else "ratio ours/freeradius: n/a (FreeRADIUS answered nothing)")
EOF
