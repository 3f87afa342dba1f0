#!/usr/bin/env bash
# Whole-process benchmark: callaudit against DuckDB on the same generated Aircall batches.
#
#   bench/run.sh                                   # 100k and 1m calls, plain and gzip
#   bench/run.sh --sizes 100k,1m,10m --formats plain,gzip --runs 3
#
# For each size and input (plain NDJSON, gzip) it runs, under /usr/bin/time -v, with the file warm in the
# page cache:
#   callaudit  ./callaudit audit --config PROFILE --format json
#              --output bench/data/out/callaudit-SIZE-INPUT.json --fail-on never FILE
#              (the launcher a user runs: class-data archive, serial collector, 128 MB heap for an audit)
#   duckdb     bench/DuckAudit.java: the same core audit in DuckDB SQL (org.duckdb:duckdb_jdbc from Maven
#              Central) writing one JSON line per call to bench/data/out/duckdb-SIZE-INPUT.json
# and records wall time, user+sys CPU and peak RSS. Both write their report to a file (callaudit's full JSON
# report; DuckDB's id/outcome/reasons per call), which is deleted after the counts of the two are compared.
# It prints a Markdown table, checks the issue's targets, and writes both to bench/results/latest.md.
#
# Options: --sizes LIST (100k,1m,10m...; default 100k,1m), --formats LIST (plain,gzip; default both),
# --runs N (median of N runs; default 1), --seed S (default 42), --timeout SECONDS per run (default 900),
# --report json|ndjson (callaudit's report format; default json), --keep-outputs (keep the reports), --settle SECONDS (how long to wait, before each measurement, for other
# processes to leave the CPUs idle; default 60), --html (also run callaudit writing the JSON and the HTML report
# in one run, and check that the page stays under 5 MB and adds at most 10 % to the JSON run's time).
# Data goes to bench/data/ (git-ignored) and is reused when present.
# Environment: MVN_ARGS (e.g. -Dcli) for the builds, CALLAUDIT_JAVA_OPTS for callaudit's JVM (added to the
# launcher's), CALLAUDIT_BIN for another program to measure the same way (a native binary:
# CALLAUDIT_BIN=target/callaudit-runner), CALLAUDIT_CMD to replace the whole callaudit command (e.g. "java -Xmx256m -jar
# target/callaudit-runner.jar" for the bare jar), DUCKDB_VERSION.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=100k,1m
formats=plain,gzip
runs=1
seed=42
timeout_s=900
keep=0
settle=60
report=json
noisy=0
html=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --sizes) sizes=$2; shift 2 ;;
        --formats) formats=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --timeout) timeout_s=$2; shift 2 ;;
        --keep-outputs) keep=1; shift ;;
        --settle) settle=$2; shift 2 ;;
        --report) report=$2; shift 2 ;;
        --html) html=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

data=bench/data
out=$data/out
results=bench/results
mkdir -p "$data" "$out" "$results"
read -r -a mvn_args <<< "${MVN_ARGS:-}"
duckdb_version=${DUCKDB_VERSION:-2.0.0.1}
m2=${M2_REPO:-$HOME/.m2/repository}
log() { echo "run.sh: $*" >&2; }
clk_tck=$(getconf CLK_TCK)

# --- tools ------------------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    log "installing GNU time (apt-get install -y time)"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y -q time >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
    else
        sudo apt-get install -y -q time >/dev/null
    fi
fi
jar=target/callaudit-runner.jar
if [[ ! -f $jar ]]; then
    log "building $jar"
    ./mvnw -B -q "${mvn_args[@]}" package -DskipTests
fi
if [[ ! -f target/test-classes/io/callaudit/bench/CallGenerator.class ]] \
        || [[ -n $(find src/test/java/io/callaudit/bench -newer target/test-classes/io/callaudit/bench/CallGenerator.class -print -quit) ]]; then
    log "compiling the generator (test-compile)"
    ./mvnw -B -q "${mvn_args[@]}" test-compile
fi
cp_file=target/bench-classpath.txt
if [[ ! -s $cp_file || pom.xml -nt $cp_file ]]; then
    ./mvnw -B -q "${mvn_args[@]}" dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
fi
snakeyaml=$(tr ':' '\n' < "$cp_file" | grep -m1 '/snakeyaml-[0-9.]*\.jar$')
duckdb_jar=$m2/org/duckdb/duckdb_jdbc/$duckdb_version/duckdb_jdbc-$duckdb_version.jar
if [[ ! -f $duckdb_jar ]]; then
    log "fetching org.duckdb:duckdb_jdbc:$duckdb_version from Maven Central"
    ./mvnw -B -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$duckdb_version" -Dtransitive=false
fi
duck_classes=$data/classes
if [[ ! -f $duck_classes/DuckAudit.class || bench/DuckAudit.java -nt $duck_classes/DuckAudit.class ]]; then
    mkdir -p "$duck_classes"
    javac -d "$duck_classes" -cp "$duckdb_jar:$snakeyaml" bench/DuckAudit.java
fi

# --- data -------------------------------------------------------------------------------------------------
count() {
    local s=${1,,}
    case $s in
        *k) echo $(( ${s%k} * 1000 )) ;;
        *m) echo $(( ${s%m} * 1000000 )) ;;
        *) echo "$s" ;;
    esac
}
generate() { # FILE SIZE
    local tmp  # a temporary name that keeps the .gz suffix, which is what asks the generator for gzip
    tmp="$(dirname "$1")/.part-$(basename "$1")"
    java -cp target/test-classes io.callaudit.bench.CallGenerator --format aircall --calls "$2" --seed "$seed" \
        --out "$tmp" --profile-out "$data/aircall-$2-s$seed-profile.yaml"
    mv "$tmp" "$1"
}
IFS=, read -r -a size_list <<< "$sizes"
IFS=, read -r -a format_list <<< "$formats"
for size in "${size_list[@]}"; do
    for fmt in "${format_list[@]}"; do
        file=$data/aircall-$size-s$seed.ndjson
        [[ $fmt == gzip ]] && file=$file.gz
        if [[ ! -s $file || ! -s $data/aircall-$size-s$seed-profile.yaml ]]; then
            log "generating $file"
            generate "$file" "$size"
        fi
    done
done

# --- measurement ------------------------------------------------------------------------------------------
# CPU busy share (0..1) of the whole machine over one second.
busy_share() {
    local a b
    a=($(head -n 1 /proc/stat)); sleep 1; b=($(head -n 1 /proc/stat))
    awk -v i1="${a[4]}" -v i2="${b[4]}" -v w1="${a[5]}" -v w2="${b[5]}" \
        -v t1="$(( a[1] + a[2] + a[3] + a[4] + a[5] + a[6] + a[7] + a[8] ))" \
        -v t2="$(( b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + b[7] + b[8] ))" \
        'BEGIN { d = t2 - t1; printf "%.2f", (d > 0 ? 1 - ((i2 - i1) + (w2 - w1)) / d : 0) }'
}
# Waits (up to $settle seconds) until other processes leave the CPUs alone: on a shared machine a build
# running next to a measurement doubles its wall time. Sets q_busy to the share seen last.
wait_quiet() {
    local waited=0
    q_busy=$(busy_share)
    while awk -v b="$q_busy" 'BEGIN { exit !(b > 0.10) }' && [[ $waited -lt $settle ]]; do
        sleep 4; waited=$((waited + 5))
        q_busy=$(busy_share)
    done
    if awk -v b="$q_busy" 'BEGIN { exit !(b > 0.10) }'; then
        log "warning: CPUs $(awk -v b="$q_busy" 'BEGIN { printf "%.0f", b * 100 }')% busy with other work; measuring anyway"
        noisy=$((noisy + 1))
    fi
}
# measure LOG CMD...: sets m_wall (s), m_cpu (s), m_rss (MiB), m_rc.
measure() {
    local logfile=$1; shift
    local tf start end
    wait_quiet
    tf=$(mktemp)
    local busy_before busy_after
    busy_before=$(busy_jiffies)
    start=$(date +%s%N)
    set +e
    /usr/bin/time -v -o "$tf" timeout "$timeout_s" "$@" >"$logfile" 2>&1
    m_rc=$?
    set -e
    end=$(date +%s%N)
    busy_after=$(busy_jiffies)
    m_wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
    m_cpu=$(awk '/User time/ { u = $NF } /System time/ { s = $NF } END { printf "%.2f", u + s }' "$tf")
    m_rss=$(awk '/Maximum resident/ { printf "%.0f", $NF / 1024 }' "$tf")
    # CPU time the rest of the machine used meanwhile: the measure of how disturbed this run was.
    m_other=$(awk -v a="$busy_before" -v b="$busy_after" -v hz="$clk_tck" -v own="$m_cpu" \
        'BEGIN { o = (b - a) / hz - own; printf "%.1f", o < 0 ? 0 : o }')
    rm -f "$tf"
}
# Non-idle jiffies of the whole machine since boot.
busy_jiffies() {
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}
# run_tool TOOL LOG CMD...: median-wall run of $runs; sets r_wall r_cpu r_rss r_rc.
run_tool() {
    local tool=$1 logfile=$2; shift 2
    local rows=() i
    for ((i = 0; i < runs; i++)); do
        measure "$logfile" "$@"
        rows+=("$m_wall $m_cpu $m_rss $m_rc $m_other")
        if [[ $m_rc -ne 0 ]]; then
            break
        fi
    done
    read -r r_wall r_cpu r_rss r_rc r_other < <(printf '%s\n' "${rows[@]}" | sort -n | awk -v n="${#rows[@]}" 'NR == int((n + 1) / 2)')
    r_range=$(printf '%s\n' "${rows[@]}" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print (lo == hi ? lo : lo "–" hi) }')
    r_best=$(printf '%s\n' "${rows[@]}" | sort -n | awk 'NR == 1 { print $1 }')
    log "$tool: ${r_wall}s wall (runs: $(printf '%s\n' "${rows[@]}" | cut -d' ' -f1 | tr '\n' ' ')), ${r_cpu}s CPU, ${r_rss} MiB, exit $r_rc, other processes ${r_other} CPU s"
}
# callaudit's summary counts, "key=value" per line, from the head of its JSON report (compact or indented: the
# summary object comes before the calls, within the first few kilobytes).
callaudit_counts() {
    head -c 16384 "$1" | python3 -c '
import json, re, sys
head = sys.stdin.read()
if head.startswith("{\"type\":\"summary\""):   # NDJSON: the summary line comes first
    summary = json.loads(head.split("\n", 1)[0])
else:
    start = head.index("\"summary\"")
    summary, _ = json.JSONDecoder().raw_decode(head[head.index("{", start):])
print("calls=%d" % summary["calls"])
for group in ("by_outcome", "by_rule"):
    for key, value in summary[group].items():
        print("%s=%d" % (key, value))
'
}
fmt_rate() { awk -v n="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "-" }'; }

callaudit_cmd=${CALLAUDIT_CMD:-${CALLAUDIT_BIN:-./callaudit}}
read -r -a callaudit_argv <<< "$callaudit_cmd"
# One small audit first: the launcher writes its class-data archive on its first run after a build, which
# must not land in a measurement.
"${callaudit_argv[@]}" audit --config examples/aircall/profile.yaml --fail-on never examples/aircall/calls.json \
    > /dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${load_before%% *}" 'BEGIN { exit !(l > 0.5) }'; then
    log "warning: load average is $load_before; the machine is not quiet, results will be noisy"
fi

table=()
checks=()
declare -A rate wall rss html_bytes html_cost
for size in "${size_list[@]}"; do
    n=$(count "$size")
    profile=$data/aircall-$size-s$seed-profile.yaml
    for fmt in "${format_list[@]}"; do
        file=$data/aircall-$size-s$seed.ndjson
        [[ $fmt == gzip ]] && file=$file.gz
        cat "$file" > /dev/null   # both tools start with the file in the page cache
        ca_out=$out/callaudit-$size-$fmt.$report
        dk_out=$out/duckdb-$size-$fmt.json

        log "callaudit $size $fmt"
        run_tool callaudit "$out/callaudit-$size-$fmt.log" "${callaudit_argv[@]}" audit --config "$profile" \
            --format "$report" --output "$ca_out" --fail-on never "$file"
        ca=("$r_wall" "$r_cpu" "$r_rss" "$r_rc" "$r_range" "$r_other" "$r_best")

        if [[ $html -eq 1 ]]; then
            # The same audit writing the HTML page beside the JSON report: the difference is what the page costs.
            ca_html=$out/callaudit-$size-$fmt.html
            log "callaudit json+html $size $fmt"
            run_tool callaudit+html "$out/callaudit-html-$size-$fmt.log" "${callaudit_argv[@]}" audit \
                --config "$profile" --format json --output "$ca_out.2" --format html --output "$ca_html" \
                --fail-on never "$file"
            ch=("$r_wall" "$r_cpu" "$r_rss" "$r_rc" "$r_range" "$r_other" "$r_best")
            html_bytes[$size,$fmt]=$(stat -c %s "$ca_html" 2>/dev/null || echo 0)
            html_cost[$size,$fmt]=$(awk -v h="${ch[0]}" -v j="${ca[0]}" -v hc="${ch[1]}" -v jc="${ca[1]}" \
                'BEGIN { printf "%.1f %.1f", (h - j) / j * 100, (hc - jc) / jc * 100 }')
            html_row="| $size | $fmt | callaudit json+html | ${ch[0]} | ${ch[4]} | $(fmt_rate "$n" "${ch[0]}") | ${ch[1]} | ${ch[2]} | | | ${ch[5]} |"
            [[ $keep -eq 1 ]] || rm -f "$ca_out.2" "$ca_html"
        fi

        log "duckdb $size $fmt"
        run_tool duckdb "$out/duckdb-$size-$fmt.log" java -cp "$duckdb_jar:$snakeyaml:$duck_classes" DuckAudit \
            "$profile" "$file" "$dk_out"
        dk=("$r_wall" "$r_cpu" "$r_rss" "$r_rc" "$r_range" "$r_other" "$r_best")

        ca_rate=$( [[ ${ca[3]} -eq 0 ]] && fmt_rate "$n" "${ca[0]}" || echo "failed (exit ${ca[3]})")
        dk_rate=$( [[ ${dk[3]} -eq 0 ]] && fmt_rate "$n" "${dk[0]}" || echo "failed (exit ${dk[3]})")
        ratio=-
        best_ratio=-
        if [[ ${ca[3]} -eq 0 && ${dk[3]} -eq 0 ]]; then
            ratio=$(awk -v a="$ca_rate" -v b="$dk_rate" 'BEGIN { printf "%.2f×", a / b }')
            # The fastest run of each is the least disturbed one on a shared machine.
            best_ratio=$(awk -v a="${ca[6]}" -v b="${dk[6]}" 'BEGIN { printf "%.2f×", b / a }')
            # Same verdicts? Every count DuckDB reports must equal callaudit's.
            expected=$(callaudit_counts "$ca_out" | sort)
            checks+=("$size $fmt: callaudit's $report report is $(awk -v b="$(stat -c %s "$ca_out")" 'BEGIN { printf "%.1f MB", b / 1e6 }'), DuckDB's verdicts $(awk -v b="$(stat -c %s "$dk_out")" 'BEGIN { printf "%.1f MB", b / 1e6 }')")
            got=$(tail -n 1 "$out/duckdb-$size-$fmt.log" | tr ' ' '\n' | sort)
            diff_lines=$(comm -13 <(echo "$expected") <(echo "$got") | tr '\n' ' ')
            if [[ -z $diff_lines ]]; then
                checks+=("$size $fmt: DuckDB's counts equal callaudit's ($(echo "$got" | tr '\n' ' '))")
            else
                checks+=("$size $fmt: COUNTS DIFFER: DuckDB has $diff_lines; callaudit: $(echo "$expected" | tr '\n' ' ')")
            fi
        fi
        rate[$size,$fmt]=$ca_rate; wall[$size,$fmt]=${ca[0]}; rss[$size,$fmt]=${ca[2]}
        rate[$size,$fmt,duck]=$dk_rate
        rate[$size,$fmt,best]=$best_ratio
        table+=("| $size | $fmt | callaudit | ${ca[0]} | ${ca[4]} | $ca_rate | ${ca[1]} | ${ca[2]} | $ratio | $best_ratio | ${ca[5]} |")
        [[ $html -eq 1 ]] && table+=("$html_row")
        table+=("| $size | $fmt | duckdb | ${dk[0]} | ${dk[4]} | $dk_rate | ${dk[1]} | ${dk[2]} | | | ${dk[5]} |")
        [[ $keep -eq 1 ]] || rm -f "$ca_out" "$dk_out"
    done
done

# --- targets ----------------------------------------------------------------------------------------------
verdict() { awk "BEGIN { exit !($1) }" && echo "met" || echo "NOT met"; }
targets=()
if [[ -n ${rate[1m,plain]:-} && ${rate[1m,plain]} =~ ^[0-9]+$ && ${rate[1m,plain,duck]} =~ ^[0-9]+$ ]]; then
    r=$(awk -v a="${rate[1m,plain]}" -v b="${rate[1m,plain,duck]}" 'BEGIN { printf "%.2f", a / b }')
    want=$([[ $report == ndjson ]] && echo 1.3 || echo 1.0)
    targets+=("1 M Aircall calls, plain, to a $report report at ≥ ${want}× DuckDB's calls/s: ${r}× (fastest runs: ${rate[1m,plain,best]}) — $(verdict "$r >= $want")")
fi
if [[ -n ${rss[1m,plain]:-} ]]; then
    targets+=("peak RSS ≤ 256 MiB at 1 M: ${rss[1m,plain]} MiB — $(verdict "${rss[1m,plain]} <= 256")")
fi
if [[ -n ${rss[10m,plain]:-} && -n ${rss[1m,plain]:-} ]]; then
    targets+=("peak RSS at 10 M not more than 10 % over 1 M: ${rss[10m,plain]} vs ${rss[1m,plain]} MiB — $(verdict "${rss[10m,plain]} <= 1.1 * ${rss[1m,plain]}")")
fi
for size in "${size_list[@]}"; do
    if [[ -n ${wall[$size,gzip]:-} && -n ${wall[$size,plain]:-} ]]; then
        g=$(awk -v a="${wall[$size,gzip]}" -v b="${wall[$size,plain]}" 'BEGIN { printf "%.2f", a / b }')
        targets+=("gzip within 1.3× of plain at $size (wall): ${g}× — $(verdict "$g <= 1.3")")
    fi
done

for key in "${!html_bytes[@]}"; do
    read -r wall_pct cpu_pct <<< "${html_cost[$key]}"
    mib=$(awk -v b="${html_bytes[$key]}" 'BEGIN { printf "%.2f", b / 1048576 }')
    targets+=("HTML report at ${key/,/ }: ${mib} MiB (< 5 MB: $(verdict "${html_bytes[$key]} < 5000000")); adds ${wall_pct} % wall, ${cpu_pct} % CPU to the JSON run (≤ 10 %: $(verdict "$wall_pct <= 10"))")
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
jdk=$(java -version 2>&1 | head -n 1)
source_rev=$(git describe --always --dirty 2>/dev/null || echo unknown)
{
    echo "# callaudit vs DuckDB — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    echo "Machine: $(nproc) CPUs ($cpu), $mem RAM, $jdk; DuckDB JDBC $duckdb_version."
    echo "Source: $source_rev. Load average before the runs: $load_before. Seed $seed, median of $runs run(s) per row."
    if [[ $noisy -gt 0 ]]; then
        echo "**Noisy:** $noisy measurement(s) started while other processes kept the CPUs over 10 % busy."
    fi
    echo "callaudit: \`${callaudit_cmd} audit --config PROFILE --format $report --output FILE --fail-on never INPUT\`"
    echo
    echo "| size | input | tool | wall s | wall range s | calls/s | CPU s | max RSS MiB | callaudit/duckdb calls/s | same, fastest runs | other CPU s |"
    echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${table[@]}"
    echo
    echo "wall s, CPU s (user + sys) and max RSS are the median-wall run's; calls/s = calls / wall. \"same, fastest"
    echo "runs\" compares the two tools' fastest runs, the least disturbed on a shared machine. \"other CPU s\" is the"
    echo "CPU time the rest of the machine used during the median run: well above zero, the row was disturbed."
    echo
    echo "Targets:"
    printf -- '- %s\n' "${targets[@]}"
    echo
    echo "Same verdicts:"
    printf -- '- %s\n' "${checks[@]}"
} | tee "$results/latest.md"
