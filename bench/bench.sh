#!/usr/bin/env bash
# make bench: the figures of issue 14 ("instant at a million invoices") measured with the real
# binary on sample companies of 100k and 1M invoices, one line per figure beside its target,
# with the C sqlite3 CLI's time for the same as-of aging query.
#
#   bench/bench.sh BIN            (make bench builds BIN = bin/duebook first)
#   BENCH_SIZES="100000" ...      only some sizes; BENCH_RUNS=5 runs per figure (median)
#
# The sample companies are cached under bin/bench/, keyed by size, seed and the schema
# migrations (making the 1M one takes minutes); delete the folder to make them again.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$ROOT/bin/duebook}")
cd "$ROOT"
command -v sqlite3 >/dev/null || { echo "bench: the sqlite3 CLI is missing (make bench installs it)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (Debian package time)" >&2; exit 1; }
CACHE=$ROOT/bin/bench
SIZES=${BENCH_SIZES:-100000 1000000}
RUNS=${BENCH_RUNS:-3}
SEED=1
TODAY=2026-06-30   # the samples' today (the app tests' day)
ASOF=2026-03-31    # as-of aging: three months back
GO=${GO:-go}
TAGS=${TAGS:-migrated_fynedo}
mkdir -p "$CACHE"
schema=$(ls "$ROOT/data/migrations" | md5sum | cut -c1-8)

label() { case $1 in 100000) echo 100k;; 1000000) echo 1M;; *) echo "$1";; esac; }

company() { # size -> path of the cached sample company
	local n=$1 f="$CACHE/demo-$1-s$SEED-$schema.duebook"
	if [ ! -f "$f" ]; then
		echo "making the $(label "$n")-invoice sample company (cached as $f)..." >&2
		rm -f "$f.tmp" "$f.tmp-wal" "$f.tmp-shm"
		"$BIN" demo -o "$f.tmp" -customers $((n / 50)) -invoices "$n" -seed "$SEED" -today "$TODAY" >&2
		"$BIN" check -db "$f.tmp" >/dev/null # checkpoints the WAL into the file
		mv "$f.tmp" "$f"
		rm -f "$f.tmp-wal" "$f.tmp-shm"
	fi
	echo "$f"
}

# the run with the median wall time of RUNS runs of a command: wall, peak RSS, user, system
TIMES=""
measure() {
	local ts=() tf
	tf=$(mktemp)
	for ((i = 0; i < RUNS; i++)); do
		/usr/bin/time -o "$tf" -f '%e %M %U %S' "$@" >/dev/null 2>&1 || true
		ts+=("$(tail -1 "$tf")")
	done
	rm -f "$tf"
	TIMES=$(printf '%s\n' "${ts[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
}
# "wall s (cpu s)": on a shared machine the CPU time (user + system) is the steadier figure
secs() { awk '{ printf "%.2f s (cpu %.2f)", $1, $3 + $4 }' <<<"$TIMES"; }
mib() { awk '{ printf "%d MiB", $2 / 1024 }' <<<"$TIMES"; }

# the C sqlite3 CLI running Aging's as-of query (its rows, agingAsOfItems, taken from
# data/query.go) with the bucket sums and the names, for the same answer (Aging sums the
# rows in Go, data/aging_fold.go; this is the fastest SQL we found for the same sums)
aging_sql() {
	# the void part is a constant of its own (voidBalancesQuery), put back in its place
	sed -n '/^const voidBalancesQuery = `/,/`$/p' "$ROOT/data/query.go" | sed '1s/^const voidBalancesQuery = `//; $s/`$//' > "$CACHE/void.sql"
	sed -n '/^const agingAsOfItems = `/,/`$/p' "$ROOT/data/query.go" | sed '1s/^const agingAsOfItems = `//; $s/`$//' |
		awk -v mark='` + voidBalancesQuery + `' 'NR == FNR { vb = vb (FNR > 1 ? "\n" : "") $0; next }
			{ i = index($0, mark); if (i) print substr($0, 1, i - 1) vb substr($0, i + length(mark)); else print }' "$CACHE/void.sql" - |
		sed "s/?1/'$ASOF'/g; s/?2/(SELECT value FROM settings WHERE key = 'company.currency')/g" > "$CACHE/aging-items.sql"
	# the buckets by due-date bounds (faster in SQLite than julianday on every row)
	local d30 d60 d90
	d30=$(date -u -d "$ASOF -30 days" +%F) d60=$(date -u -d "$ASOF -60 days" +%F) d90=$(date -u -d "$ASOF -90 days" +%F)
	{
		echo "SELECT c.name, x.* FROM (SELECT customer_id, sum(CASE WHEN due_date >= '$ASOF' THEN open ELSE 0 END),"
		echo " sum(CASE WHEN due_date < '$ASOF' AND due_date >= '$d30' THEN open ELSE 0 END),"
		echo " sum(CASE WHEN due_date < '$d30' AND due_date >= '$d60' THEN open ELSE 0 END),"
		echo " sum(CASE WHEN due_date < '$d60' AND due_date >= '$d90' THEN open ELSE 0 END),"
		echo " sum(CASE WHEN due_date < '$d90' THEN open ELSE 0 END) FROM ("
		cat "$CACHE/aging-items.sql"
		echo ") GROUP BY customer_id) x JOIN customers c ON c.id = x.customer_id ORDER BY lower(c.name), c.id;"
	} > "$CACHE/aging.sql"
}

# a Go benchmark's metric (e.g. ms/click) from its output
gobench() { # pkg regexp metric env...
	local pkg=$1 re=$2 metric=$3
	shift 3
	env "$@" "$GO" test -tags "$TAGS" -run '^$' -bench "$re" -benchtime "${BENCH_GO_N:-5}x" -count=1 "$pkg" 2>/dev/null |
		awk -v m="$metric" '/^Benchmark/ { sub(/-[0-9]+$/, "", $1); for (i = 1; i < NF; i++) if ($(i+1) == m) { print $1 " " $i " " m } }'
}

declare -A R
aging_sql
for n in $SIZES; do
	f=$(company "$n")
	l=$(label "$n")
	measure "$BIN" aging -db "$f" -as-of "$ASOF" -format csv; R[aging,$l]=$(secs)
	measure sqlite3 -readonly "$f" ".read $CACHE/aging.sql"; R[agingC,$l]=$(secs)
	measure "$BIN" worklist -db "$f" -as-of "$TODAY"; R[worklist,$l]="$(secs), $(mib)"
	measure "$BIN" check -db "$f"; R[check,$l]=$(secs)
	measure "$BIN" check -full -db "$f"; R[checkfull,$l]=$(secs)
	R[quick,$l]=$(gobench ./data 'BenchmarkInvariantCheck$' ns/op DUEBOOK_BENCH_FILE="$f" | awk '{ printf "%.2f s", $2 / 1e9 }')
	R[pages,$l]=$(gobench ./data 'BenchmarkQuickCheck$' ns/op DUEBOOK_BENCH_FILE="$f" | awk '{ printf "%.2f s", $2 / 1e9 }')
	measure "$BIN" monthly -db "$f" -month 2026-06 -o /dev/null; R[monthly,$l]=$(secs)
	measure "$BIN" aging-report -db "$f" -detail -as-of "$ASOF" -o "$CACHE/detail.csv"; R[detail,$l]=$(secs)
	# the window's lists: one benchmark run, its three metrics
	while read -r v unit; do
		R[list-$unit,$l]="$v s"
	done < <(DUEBOOK_BENCH_FILE="$f" "$GO" test -tags "$TAGS" -run '^$' -bench 'BenchmarkWindowListLoad$' -benchtime 3x -count=1 ./app 2>/dev/null |
		awk '/^BenchmarkWindowListLoad/ { for (i = 3; i < NF; i++) if ($(i+1) ~ /^s\//) printf "%.2f %s\n", $i, $(i+1) }')
	out=$(mktemp -d)
	measure bash -c "rm -rf '$out/x' && '$BIN' export -db '$f' '$out/x'"; R[export,$l]=$(secs)
	rm -rf "$out"
	if [ "$n" -le 100000 ]; then
		measure "$BIN" statements -db "$f" -as-of "$TODAY" -o /dev/null; R[statements,$l]=$(secs)
		while read -r name v unit; do
			R[$name,$l]="$v $unit"
		done < <(gobench ./app 'BenchmarkWindow' ms/click DUEBOOK_BENCH_100K="$f"; gobench ./app 'BenchmarkWindow' ms/keystroke DUEBOOK_BENCH_100K="$f"; gobench ./app 'BenchmarkWindowWorklist' ms/load DUEBOOK_BENCH_100K="$f")
	fi
done

row() { # title key target
	printf '%-40s 100k: %-26s 1M: %-26s target %s\n' "$1" "${R[$2,100k]:--}" "${R[$2,1M]:--}" "$3"
}
echo
echo "duebook bench ($(date -u +%Y-%m-%d), $(nproc) cores, median of $RUNS runs, sample companies seed $SEED, today $TODAY)"
row "aging -as-of $ASOF (3 months back)" aging "< 1 s at 1M, within 1.5x of C sqlite3"
row "  C sqlite3 CLI, the same query" agingC "(reference)"
row "worklist (time, peak memory)" worklist "< 1 s, < 100 MiB at 1M"
row "check (quick_check + ledger + indexes)" check "< 5 s at 1M"
row "check -full (integrity_check + ledger)" checkfull "(integrity_check is the floor)"
row "quick check (start-up: invariants)" quick "< 0.5 s at 1M"
row "  + page check (in the background)" pages "(window stays usable)"
row "export DIR" export "< 5 s at 1M"
row "monthly (12 month ends, PDF)" monthly "(no figure set; was 9.2 s CPU at 1M)"
row "aging-report -detail (CSV)" detail "(no figure set; was 17 s CPU at 1M)"
row "window: invoice list shown (read + view)" list-s/invoices "(no figure set; 1M was ~9 s, every change)"
row "  then its other orders + search keys" list-s/prepare "(off the UI goroutine, after it shows)"
row "window: payment list shown" list-s/payments "(no figure set; 1M was ~10 s)"
printf '%-40s 100k: %-26s %-30s target %s\n' "statements (2000 customers)" "${R[statements,100k]:--}" "" "< 2 s at 100k"
printf '%-40s 100k: %-26s %-30s target %s\n' "window: sort the invoice list" "${R[BenchmarkWindowSort100k/cells,100k]:--}" "" "< 100 ms (cells updated)"
printf '%-40s 100k: %-26s %-30s target %s\n' "  with the test driver's software paint" "${R[BenchmarkWindowSort100k/painted,100k]:--}" "" ""
printf '%-40s 100k: %-26s %-30s target %s\n' "window: search text in the invoice list" "${R[BenchmarkWindowSearch100k/cells,100k]:--}" "" "< 100 ms (cells updated)"
printf '%-40s 100k: %-26s %-30s target %s\n' "  with the test driver's software paint" "${R[BenchmarkWindowSearch100k/painted,100k]:--}" "" ""
printf '%-40s 100k: %-26s %-30s target %s\n' "window: worklist shown" "${R[BenchmarkWindowWorklist100k,100k]:--}" "" "< 300 ms"
