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
# shellcheck source=bench/lib/portal.sh
. "$repo/bench/lib/portal.sh"
bench_init radius-vs-freeradius

# --- FreeRADIUS installed? ------------------------------------------------------------------------------------------
export PATH="$PATH:/usr/sbin"       # Debian puts the daemon there, outside an ordinary user's PATH
if ! command -v freeradius >/dev/null 2>&1; then
  log "installing Debian's freeradius"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  # A fresh machine may have no package lists yet: update once and retry.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q freeradius >"$work/apt.log" 2>&1 ||
    { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$work/apt.log" 2>&1 &&
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q freeradius >>"$work/apt.log" 2>&1; } ||
    { tail -20 "$work/apt.log" >&2; echo "could not install freeradius" >&2; exit 1; }
fi
freeradius_version=$(freeradius -v 2>/dev/null | head -1 || true)


# --- Our server: Release build, own data folder, free ports; the same routers and vouchers for both ---------------
start_portal
setup_product "$ROUTERS" "$VOUCHERS"
fr_auth=$(free_port)
fr_acct=$(free_port)

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
run_target() { # label target kind json-file extra-args...
  local label=$1 target=$2
  shift 2
  if [ "$target" = ours ]; then
    run_load "$label" "$ours_auth" "$ours_acct" "$@" --concurrency "$CONCURRENCY"
  else
    run_load "$label" "$fr_auth" "$fr_acct" "$@" --concurrency "$CONCURRENCY"
  fi
}

echo "load average before the runs: $(load_average); $(nproc) cores; $freeradius_version"
for round in $(seq 1 "$ROUNDS"); do
  setup=()
  [ "$round" = 1 ] && setup=(--setup-pass)
  run_target "freeradius pap round $round" freeradius pap "$work/fr-pap-$round.json" --requests "$REQUESTS" "${setup[@]}"
  run_target "ours pap round $round" ours pap "$work/ours-pap-$round.json" --requests "$REQUESTS" --server-pid "$portal_pid" "${setup[@]}"
done
if [ "$CHAP" = 1 ]; then
  run_target "freeradius chap" freeradius chap "$work/fr-chap.json" --requests "$REQUESTS"
  run_target "ours chap" ours chap "$work/ours-chap.json" --requests "$REQUESTS" --server-pid "$portal_pid"
fi
if [ "$ACCOUNTING" = 1 ]; then
  run_target "freeradius interim (detail file, not fsynced)" freeradius interim "$work/fr-interim.json" --sessions "$SESSIONS" --requests "$REQUESTS" --boot 2
  run_target "ours interim (SQLite, fsynced before each Accounting-Response)" ours interim "$work/ours-interim.json" --sessions "$SESSIONS" --requests "$REQUESTS" --boot 2 --server-pid "$portal_pid"
fi
echo "load average after the runs: $(load_average)"

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
