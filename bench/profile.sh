#!/usr/bin/env bash
# Profiles one callaudit run with Java Flight Recorder and prints where the samples fall: per thread, the
# innermost callaudit method (with its line) and the hottest frames. Start here before optimising.
#
#   bench/profile.sh                       # the 1m plain batch bench/run.sh generated (seed 42)
#   bench/profile.sh bench/data/aircall-1m-s42.ndjson.gz bench/data/aircall-1m-s42-profile.yaml
#
# DebugNonSafepoints makes JFR attribute samples to the inlined method actually running rather than to the
# nearest safepoint; without it a third of the samples land on frames with no callaudit method at all.
# The recording stays in bench/data/out/profile.jfr for `jfr print`, `jfr summary` or JDK Mission Control.
# CALLAUDIT_JAVA_OPTS adds JVM options (e.g. -Xmx256m to profile under the memory target).
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-bench/data/aircall-1m-s42.ndjson}
profile=${2:-bench/data/aircall-1m-s42-profile.yaml}
if [[ ! -f $input || ! -f $profile ]]; then
    echo "profile.sh: $input or $profile is missing: run bench/run.sh --sizes 1m first" >&2
    exit 2
fi
out=bench/data/out
mkdir -p "$out"
jfr_file=$out/profile.jfr
# shellcheck disable=SC2086
/usr/bin/time -f '%e s wall, %U s user, %S s sys, %M KiB max RSS' \
    java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:FlightRecorderOptions:stackdepth=512 \
    -XX:StartFlightRecording=filename="$jfr_file",settings=profile ${CALLAUDIT_JAVA_OPTS:-} \
    -jar target/callaudit-runner.jar audit --config "$profile" --format json --output "$out/profile-report.json" \
    --fail-on never "$input" 2>&1 | grep -v -e 'Started recording' -e 'Use jcmd' -e 'jfr,startup' -e '^$' || true
rm -f "$out/profile-report.json"

# One line per sample: thread <TAB> innermost callaudit frame <TAB> top frame.
jfr print --stack-depth 512 --events jdk.ExecutionSample "$jfr_file" | awk '
    /sampledThread = "/ { match($0, /"[^"]*"/); thread = substr($0, RSTART + 1, RLENGTH - 2) }
    /stackTrace = \[/ { in_stack = 1; top = ""; mine = ""; next }
    in_stack && /^[[:space:]]*\]/ { in_stack = 0; print thread "\t" (mine == "" ? "(no callaudit frame)" : mine) "\t" top; next }
    in_stack {
        frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+$/, "", frame)
        if (frame == "...") next
        if (top == "") top = frame
        if (mine == "" && frame ~ /^io\.callaudit\./) mine = frame
    }' > "$out/profile-samples.tsv"
total=$(wc -l < "$out/profile-samples.tsv")
echo "$total execution samples ($jfr_file)"
echo
echo "By thread:"
cut -f1 "$out/profile-samples.tsv" | sort | uniq -c | sort -rn | awk -v t="$total" '{ printf "%6.1f%%  %s\n", 100 * $1 / t, $2 }'
echo
echo "By component (innermost callaudit frame's class):"
awk -F '\t' '{
        m = $2
        c = m ~ /^io\.callaudit\.audit\.SpillingResultStore/ ? "result store (spill to disk and read back)" \
          : m ~ /^io\.callaudit\.engine\./ ? "engine (window, duplicates, parallel legs)" \
          : m ~ /^io\.callaudit\.ingest\./ ? "reading (NDJSON, Jackson, mappers)" \
          : m ~ /^io\.callaudit\.rules\./ ? "rules and messages" \
          : m ~ /^io\.callaudit\.report\./ ? "report writing" \
          : m ~ /^io\.callaudit\.model\./ ? "model accessors" \
          : m ~ /^io\.callaudit\./ ? "other callaudit" : "no callaudit frame (start-up, JDK, Quarkus)"
        print $1 "\t" c
    }' "$out/profile-samples.tsv" | sort | uniq -c | sort -rn \
    | awk -v t="$total" '{ n = $1; $1 = ""; printf "%6.1f%% %s\n", 100 * n / t, $0 }'
echo
echo "Innermost callaudit method (thread, method, line):"
cut -f1,2 "$out/profile-samples.tsv" | sort | uniq -c | sort -rn | head -n 25 \
    | awk -v t="$total" '{ n = $1; $1 = ""; printf "%6.1f%% %s\n", 100 * n / t, $0 }'
echo
echo "Hottest frames (self time):"
cut -f3 "$out/profile-samples.tsv" | sort | uniq -c | sort -rn | head -n 20 \
    | awk -v t="$total" '{ n = $1; $1 = ""; printf "%6.1f%% %s\n", 100 * n / t, $0 }'
echo
echo "Garbage collection:"
jfr print --events jdk.GarbageCollection "$jfr_file" | awk '
    /sumOfPauses/ { v = $3; u = $4; ms += (u == "s" ? v * 1000 : u == "us" ? v / 1000 : v); n++ }
    END { printf "  %d collections, %.0f ms of pauses in total\n", n, ms }'
