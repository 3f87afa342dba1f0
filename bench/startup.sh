#!/usr/bin/env bash
# Start-up benchmark: how long a user waits for the first answer, through the same program they run.
#
#   bench/startup.sh                          # ./callaudit (the JVM launcher and its class-data archive)
#   CALLAUDIT_BIN=target/callaudit-runner bench/startup.sh   # a native binary, measured the same way
#
# hyperfine (installed with apt-get when missing) runs each command 10 times after 2 warm-ups: --help, rules,
# and the audit of the 18-call example. The launcher's archive is written by one run before measuring. It
# prints a Markdown table with mean, min and max, and checks the target for --help (--target-ms, default 500).
set -euo pipefail
cd "$(dirname "$0")/.."

target_ms=500
runs=10
while [[ $# -gt 0 ]]; do
    case $1 in
        --target-ms) target_ms=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "startup.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
if ! command -v hyperfine > /dev/null; then
    (apt-get update -qq && apt-get install -y -qq hyperfine) > /dev/null
fi
bin=${CALLAUDIT_BIN:-./callaudit}
[[ -e target/callaudit-runner.jar || "$bin" != ./callaudit ]] || ./mvnw -B -q package -DskipTests
"$bin" audit --config examples/aircall/profile.yaml --fail-on never examples/aircall/calls.json > /dev/null

json=$(mktemp)
trap 'rm -f "$json"' EXIT
hyperfine -N -w 2 -r "$runs" --export-json "$json" \
    -n help "$bin --help" \
    -n rules "$bin rules" \
    -n audit "$bin audit --config examples/aircall/profile.yaml --fail-on never examples/aircall/calls.json" \
    > /dev/null
echo "| command | mean | min | max |"
echo "| --- | ---: | ---: | ---: |"
python3 - "$json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| `{r['command']}` | {r['mean']*1000:.0f} ms | {r['min']*1000:.0f} ms | {r['max']*1000:.0f} ms |")
PY
help_ms=$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["mean"]*1000))' "$json")
load=$(cut -d' ' -f1 /proc/loadavg)
if (( help_ms <= target_ms )); then
    echo "target: --help ${help_ms} ms <= ${target_ms} ms: met (load average ${load})"
else
    echo "target: --help ${help_ms} ms > ${target_ms} ms: NOT met (load average ${load})"
    exit 1
fi
