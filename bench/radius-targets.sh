#!/usr/bin/env bash
# Issue 8's RADIUS targets on this machine, against our server alone (the Portal, Release build, SQLite store):
#   1. reboot storm, first logins: 10,000 logins from ROUTERS routers sent within 2 s (open loop at 5,000/s), every
#      one activating an unused voucher; target 0 lost after RouterOS' retransmissions;
#   2. auth latency: every voucher logged in once (closed loop, activations), a pause of SETTLE seconds, then
#      re-logins open loop at RATE/s for DURATION; target p99 <= 2 ms at 5,000/s;
#   3. reboot storm, re-logins: the same 10,000 logins again (the routers came back, their users log in again);
#   4. accounting: SESSIONS sessions started, then Interim-Updates closed loop (each Accounting-Response is sent only
#      after the update is committed to SQLite with synchronous=FULL); target >= 5,000/s; and the Portal's resident
#      memory at the end, holding VOUCHERS vouchers and SESSIONS open sessions; target <= 300 MB.
#
#   bench/radius-targets.sh                           # defaults below; every setting can be overridden
#   VOUCHERS=20000 SESSIONS=10000 bench/radius-targets.sh   # a quicker run
#
# Vouchers, plan and routers are created through the product's admin API (bench/lib/portal.sh); everything started is
# stopped on exit. Prints one summary per run with the load average next to it.
set -euo pipefail

VOUCHERS=${VOUCHERS:-100000}        # vouchers in the store (all are activated by step 2)
ROUTERS=${ROUTERS:-200}             # virtual routers = RADIUS clients (distinct source addresses 127.0.1.n)
STORM=${STORM:-10000}               # logins in each reboot storm
STORM_RATE=${STORM_RATE:-5000}      # ... sent at this rate (10,000 at 5,000/s: within 2 s)
RATE=${RATE:-5000}                  # open-loop rate of the latency run
DURATION=${DURATION:-20s}           # length of the latency run
SETTLE=${SETTLE:-5}                 # seconds between the activations and the latency run
SESSIONS=${SESSIONS:-50000}         # sessions started before the Interim-Update run
INTERIMS=${INTERIMS:-100000}        # Interim-Updates in the measured accounting run
CONCURRENCY=${CONCURRENCY:-256}     # closed loop: requests outstanding (setup passes, interim run)
KEEP=${KEEP:-0}                     # 1: keep the temporary folder (logs, JSON results)

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib/portal.sh
. "$repo/bench/lib/portal.sh"
bench_init radius-targets

[ "$VOUCHERS" -ge "$STORM" ] || { echo "VOUCHERS must be at least STORM" >&2; exit 2; }
[ "$ROUTERS" -le 254 ] || { echo "ROUTERS must be at most 254 (source addresses 127.0.1.1-254)" >&2; exit 2; }

start_portal
setup_product "$ROUTERS" "$VOUCHERS"
ours() { # label kind json-file extra-args...
  local label=$1
  shift
  run_load "$label" "$ours_auth" "$ours_acct" "$@" --concurrency "$CONCURRENCY" --server-pid "$portal_pid"
}

echo "load average before the runs: $(load_average); $(nproc) cores"
ours "reboot storm, first logins: $STORM from $ROUTERS routers at $STORM_RATE/s" pap "$work/storm-first.json" \
  --rate "$STORM_RATE" --requests "$STORM"
ours "first login of every voucher (activations, closed loop)" pap "$work/activate.json" --requests "$VOUCHERS"
sleep "$SETTLE"
ours "auth latency: re-logins at $RATE/s for $DURATION" pap "$work/latency.json" --rate "$RATE" --duration "$DURATION"
ours "reboot storm, re-logins: $STORM from $ROUTERS routers at $STORM_RATE/s" pap "$work/storm-again.json" \
  --rate "$STORM_RATE" --requests "$STORM"
ours "accounting: $SESSIONS sessions started, then $INTERIMS Interim-Updates (closed loop)" interim "$work/interim.json" \
  --sessions "$SESSIONS" --requests "$INTERIMS" --boot 3
echo "load average after the runs: $(load_average)"
