#!/usr/bin/env bash
# bench/compare.sh: dealtrack side by side with yq and cat over the same
# generated deal files, with medians, ratios and peak memory.
#
#   bench/compare.sh [N ...]          sizes in deal files (default: 10000)
#   bench/compare.sh 10000 100000     the README's table
#
# Environment:
#   GEN=path/to/gen.py   the generator (default: bench/gen.py beside this script)
#   RUNS=5               timed runs per command; medians are reported
#   DEALTRACK=path       the binary to measure (default: built from this checkout)
#   YQ=path              mikefarah's yq v4 (default: a yq on PATH that is his, else
#                        $(go env GOPATH)/bin/yq); YQ=none leaves yq out
#   YQ_MAX=10000         sizes above this leave yq out (it takes minutes at 100k)
#   WORK=dir             keep the generated files there (default: a temporary
#                        folder, removed at the end)
#
# First every read command on the bundled data set (target: 20 ms each).
# Then, for each size, over DIR = the N files gen.py wrote:
#   cat                  find DIR -name '*.yaml' -print0 | xargs -0 cat
#   dealtrack total      dealtrack --data DIR total --by party -o tsv
#   dealtrack list       dealtrack --data DIR list -o tsv
#   dealtrack check      dealtrack --data DIR check
#   dealtrack cycles     dealtrack --data DIR graph --cycles
#   yq | awk             find ... | xargs -0 yq -N "$YQ_EXPR" | awk "$AWK_SUM": yq
#                        prints one "party<TAB>dollars<TAB>gigawatts" line per
#                        party of every deal, awk adds them up per party
#   yq -P | awk          the same with xargs -P $(nproc): one yq per core, on
#                        batches of 500 files
# A dealtrack command that this build does not have is left out. yq's sums
# (deals, dollars, gigawatts per party) must equal dealtrack total's. Lines
# starting "target:" check the speed targets (README, Performance); the exit status is 1 when a
# sum differs or a target is missed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
GEN=${GEN:-$here/gen.py}
RUNS=${RUNS:-5}
YQ_MAX=${YQ_MAX:-10000}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000)

YQ_EXPR='.dollars as $d | .gigawatts as $g | .parties[] | [., $d, $g] | @tsv'
AWK_SUM='{ n[$1]++; usd[$1] += $2; gw[$1] += $3 }
END { for (k in n) printf "%s\t%d\t%.0f\t%.2f\n", k, n[k], usd[k], gw[k] }'

die() { echo "compare.sh: $*" >&2; exit 1; }

[[ -f $GEN ]] || die "no generator at $GEN (set GEN=path/to/gen.py)"
command -v python3 >/dev/null || die "python3 is needed to run $GEN"

if [[ -n ${WORK:-} ]]; then
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi

if [[ -z ${DEALTRACK:-} ]]; then
  (cd "$repo" && go build -o "$WORK/dealtrack" ./cmd/dealtrack) || die "cannot build dealtrack"
  DEALTRACK=$WORK/dealtrack
fi

find_yq() {
  local y
  for y in "$(command -v yq || true)" "$(go env GOPATH 2>/dev/null)/bin/yq"; do
    if [[ -x $y ]] && "$y" --version 2>/dev/null | grep -q mikefarah; then
      echo "$y"
      return
    fi
  done
}
YQ=${YQ:-$(find_yq)}
if [[ $YQ == none ]]; then
  YQ=
elif [[ -z $YQ ]]; then
  echo "yq: not found (go install github.com/mikefarah/yq/v4@latest); comparing with cat only"
fi

has() { "$DEALTRACK" "$@" --help >/dev/null 2>&1; }

# stats prints the median, min and max of the numbers on stdin.
stats() { python3 -c 'import statistics,sys; v=[float(x) for x in sys.stdin.read().split()]; print(f"{statistics.median(v):.3f} {min(v):.3f} {max(v):.3f}")'; }

# timed RUNS COMMAND... runs COMMAND once to warm up, then RUNS times, and
# prints the median, min and max wall time in seconds: with farm-bench or
# hyperfine when there is one (without a shell), else with date. The command's
# notes and warnings on stderr are not part of what is measured.
timed() {
  local runs=$1
  shift
  if command -v farm-bench >/dev/null; then
    farm-bench -n "$runs" --warmup 1 --timeout 600 -- "$@" 2>&1 | awk '/^A wall s/ { print $5, $4, $6 }'
  elif command -v hyperfine >/dev/null; then
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$WORK/h.json" "$(printf '%q ' "$@")" >/dev/null
    python3 -c 'import json,sys; print("\n".join(str(t) for t in json.load(open(sys.argv[1]))["results"][0]["times"]))' "$WORK/h.json" | stats
  else
    "$@" >/dev/null 2>&1
    for _ in $(seq "$runs"); do
      local start end
      start=$(date +%s%N)
      "$@" >/dev/null 2>&1
      end=$(date +%s%N)
      echo "$(((end - start) / 1000))e-6"
    done | stats
  fi
}

# measure NAME SCRIPT times `bash SCRIPT` and appends "NAME median min max"
# to $WORK/results.
measure() { timed "$RUNS" bash "$2" | sed "s/^/$1 /" >>"$WORK/results"; }

# peak_rss SCRIPT prints the most memory the command used, in MiB.
peak_rss() {
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v bash "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }'
  else
    echo "?"
  fi
}

script() { # script NAME COMMAND... writes a one-line script, prints its path
  local f=$WORK/$1.sh
  shift
  printf '%s\n' "$*" >"$f"
  echo "$f"
}

q() { printf '%q' "$1"; }

echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ { print $2 " GiB" }'), $(go version 2>/dev/null | cut -d' ' -f3-)"
echo "dealtrack: $DEALTRACK; yq: ${YQ:-none} ${YQ:+($("$YQ" --version | sed 's/.*version //'))}; runs per command: $RUNS (median, min, max in seconds)"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# check SAYS OK prints a target and whether this run met it.
check() { if [[ $2 == 1 ]]; then echo "target: $1: met"; else echo "target: $1: MISSED"; status=1; fi; }

# targets N TOTAL_MEDIAN PEAK_MIB checks the speed targets for this size.
targets() {
  local n=$1 t=$2 rss=$3 line name med cycles
  if [[ $n -eq 10000 ]]; then
    check "total over 10,000 files at most 0.6 s (median $t s)" "$(awk -v t="$t" 'BEGIN { print t <= 0.6 }')"
    while read -r line; do
      name=${line% * * *}
      med=${line#"$name "}
      med=${med%% *}
      check "total at most 1/10 of $name (median $med s; total/yq $(ratio "$t" "$med"))" "$(awk -v t="$t" -v y="$med" 'BEGIN { print t * 10 <= y }')"
    done < <(grep '^yq' "$WORK/results")
    cycles=$(awk '$2 == "cycles" { print $3 }' "$WORK/results")
    if [[ -n $cycles ]]; then
      check "graph --cycles under 2 s (median $cycles s)" "$(awk -v t="$cycles" 'BEGIN { print t < 2 }')"
    fi
  fi
  if [[ $n -eq 100000 ]]; then
    check "total over 100,000 files at most 6 s (median $t s)" "$(awk -v t="$t" 'BEGIN { print t <= 6 }')"
    check "peak memory at most 1 GB ($rss MiB)" "$(awk -v m="$rss" 'BEGIN { print m * 1048576 <= 1e9 }')"
  fi
}

status=0

# Every read command on the bundled data set (no --data, run from a folder
# without ./deals), 20 runs each.
echo
echo "== the bundled data set (every read command, 20 runs)"
printf '%9s %9s %9s  %s\n' median min max command
mapfile -t ids < <(cd "$WORK" && "$DEALTRACK" list -o tsv --no-headers | cut -f1 | head -2)
slowest=0
for cmd in "list" "show ${ids[0]}" "total --by party" "compare ${ids[0]} ${ids[1]}" "graph" "graph --cycles" "timeline" "flows" "changes" "report" "check"; do
  read -ra args <<<"$cmd"
  has "${args[@]}" || continue
  read -r med lo hi <<<"$(cd "$WORK" && timed 20 "$DEALTRACK" "${args[@]}")"
  printf '%8ss %8ss %8ss  dealtrack %s\n' "$med" "$lo" "$hi" "$cmd"
  slowest=$(awk -v a="$med" -v b="$slowest" 'BEGIN { print (a > b) ? a : b }')
done
check "every read command on the bundled data at most 20 ms (slowest median $slowest s)" "$(awk -v t="$slowest" 'BEGIN { print t <= 0.02 }')"

for n in "${sizes[@]}"; do
  dir=$WORK/gen-$n/deals
  if [[ $(find "$dir" -name '*.yaml' 2>/dev/null | wc -l) -ne $n ]]; then
    rm -rf "$WORK/gen-$n"
    python3 "$GEN" "$n" "$WORK/gen-$n" >/dev/null
  fi
  : >"$WORK/results"
  D=$(q "$DEALTRACK")
  files="find $(q "$dir") -name '*.yaml' -print0"
  echo
  echo "== $n deal files ($(du -sh "$dir" | cut -f1))"

  measure cat "$(script cat "$files | xargs -0 cat")"
  if has total; then
    measure "dealtrack total" "$(script total "$D --data $(q "$dir") total --by party -o tsv")"
  fi
  measure "dealtrack list" "$(script list "$D --data $(q "$dir") list -o tsv")"
  measure "dealtrack check" "$(script check "$D --data $(q "$dir") check")"
  if has graph --cycles; then
    measure "dealtrack cycles" "$(script cycles "$D --data $(q "$dir") graph --cycles")"
  fi
  if [[ -n $YQ && $n -le $YQ_MAX ]]; then
    measure "yq | awk" "$(script yq "$files | xargs -0 $(q "$YQ") -N $(q "$YQ_EXPR") | awk -F'\t' $(q "$AWK_SUM")")"
    measure "yq -P | awk" "$(script yqp "$files | xargs -0 -P $(nproc) -n 500 $(q "$YQ") -N $(q "$YQ_EXPR") | awk -F'\t' $(q "$AWK_SUM")")"
  fi

  base=$(awk '$1 == "dealtrack" && $2 == "total" { print $3 }' "$WORK/results")
  basename=total
  if [[ -z $base ]]; then
    base=$(awk '$1 == "dealtrack" && $2 == "list" { print $3 }' "$WORK/results")
    basename=list
  fi
  printf '%-18s %9s %9s %9s %17s\n' command median min max "÷ dealtrack $basename"
  while read -r line; do
    name=${line% * * *}
    read -r med lo hi <<<"${line##"$name" }"
    printf '%-18s %8ss %8ss %8ss %16sx\n' "$name" "$med" "$lo" "$hi" "$(ratio "$med" "$base")"
  done <"$WORK/results"
  echo "dealtrack $basename per 1,000 files: $(awk -v t="$base" -v n="$n" 'BEGIN { printf "%.4f", t / n * 1000 }') s"

  if ! has total; then
    echo "peak memory of dealtrack list: $(peak_rss "$WORK/list.sh") MiB (this build has no total)"
    continue
  fi
  rss=$(peak_rss "$WORK/total.sh")
  echo "peak memory of dealtrack total: $rss MiB"
  if [[ -n $YQ && $n -le $YQ_MAX ]]; then
    "$DEALTRACK" --data "$dir" total --by party -o tsv |
      awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        { printf "%s\t%d\t%.0f\t%.2f\n", $1, $col["deals"], $col["usd"], $col["gw"] }' | sort >"$WORK/dealtrack.sums"
    bash "$WORK/yq.sh" | sort >"$WORK/yq.sums"
    if cmp -s "$WORK/dealtrack.sums" "$WORK/yq.sums"; then
      echo "sums: dealtrack total equals yq | awk for all $(wc -l <"$WORK/yq.sums") parties (deals, dollars, gigawatts)"
    else
      echo "sums: DIFFERENT from yq's (< dealtrack, > yq):"
      diff "$WORK/dealtrack.sums" "$WORK/yq.sums" | head
      status=1
    fi
  fi
  targets "$n" "$base" "$rss"
done
exit $status
