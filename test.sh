#!/usr/bin/env bash
# Builds the solution and runs every test. Installs the Debian packages the tests need when missing.
# Last line: "N passed, N failed" (", N skipped" when some were skipped). Exit code 0 only when all passed.
set -uo pipefail
cd "$(dirname "$0")"

# --- Debian packages the tests use: radclient (RADIUS interop), freeradius (the bench script's smoke test),
# chromium (browser tests) ---
missing=()
command -v radclient >/dev/null 2>&1 || missing+=(freeradius-utils)
command -v freeradius >/dev/null 2>&1 || missing+=(freeradius)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "test.sh: installing ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
    && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || echo "test.sh: warning: could not install ${missing[*]}; tests that need them will fail" >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

if ! dotnet build WifiBilling.sln -c Release -nologo -v:q; then
  echo "test.sh: build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

test_rc=0
# One project at a time: each gets its own TRX folder, and port-binding tests don't compete for the 2 cores.
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=${name}.trx" --logger "console;verbosity=normal" \
    --blame-hang-timeout 15m --results-directory "$results/$name" "$@" || test_rc=1
done

# Count the results in every TRX file (one per test project) and list what failed.
counts_file="$results/counts"
python3 - "$results" "$counts_file" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
failed_names = []
# Count test results, not the summary counters: VSTest records skipped tests as outcome NotExecuted but leaves
# the notExecuted counter at 0.
for path in sorted(glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)):
    root = ET.parse(path).getroot()
    for r in root.iter():
        if not r.tag.endswith("UnitTestResult"):
            continue
        outcome = r.get("outcome")
        if outcome == "Passed":
            p += 1
        elif outcome == "NotExecuted":
            s += 1
        else:
            f += 1
            failed_names.append(f"{r.get('testName')} ({outcome})")
for name in failed_names:
    print("FAILED:", name)
open(sys.argv[2], "w").write(f"{p} {f} {s}\n")
PY
read -r passed failed skipped < "$counts_file"

if [ "${test_rc}" -ne 0 ] && [ "${failed}" -eq 0 ]; then
  # The runner failed without recording a failed test (crash, abort): count it as a failure.
  failed=1
fi

summary="${passed} passed, ${failed} failed"
if [ "${skipped}" -gt 0 ]; then summary="${summary}, ${skipped} skipped"; fi
echo "${summary}"
[ "${failed}" -eq 0 ]
