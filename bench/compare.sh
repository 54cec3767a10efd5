#!/usr/bin/env bash
# Times whopgen against oapi-codegen and ogen on the shared specs and on
# the Whop spec, and prints a table of medians and ratios.
#
# Usage, from anywhere in the repository:
#
#	bench/compare.sh            # RUNS=10 timed runs per tool and spec
#	RUNS=20 bench/compare.sh
#
# Needs only Go and the module proxy: the two other generators are
# installed at pinned versions into a temporary GOBIN, and whopgen is built
# once with go build. hyperfine is used when it is installed; otherwise a
# plain loop times each run and the script takes the median itself.
#
# Each generator makes a client only (oapi-codegen: types and client; ogen:
# the client feature set), so all three do comparable work. A spec a
# generator cannot handle is not timed; its failure message is recorded.
# When ogen stops on a feature it has not implemented, it is tried again
# with ignore_not_implemented: ["all"] (it then skips those operations),
# and its figure is marked with *.
set -euo pipefail

OAPI_CODEGEN=github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2
OGEN=github.com/ogen-go/ogen/cmd/ogen@v1.24.0
RUNS=${RUNS:-10}

repo=$(cd "$(dirname "$0")/.." && pwd)
specs_dir=${SPECS_DIR:-$repo/../shared/specs}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/bin
mkdir -p "$bin" "$work/out" "$work/log"

echo "installing $OAPI_CODEGEN and $OGEN into a temporary GOBIN..." >&2
GOBIN=$bin go install "$OAPI_CODEGEN"
GOBIN=$bin go install "$OGEN"
(cd "$repo" && go build -o "$bin/whopgen" ./cmd/whopgen)

cat >"$work/ogen.yml" <<'EOF'
generator:
  features:
    disable_all: true
    enable: ['paths/client']
EOF
cat >"$work/ogen-skip.yml" <<'EOF'
generator:
  ignore_not_implemented: ['all']
  features:
    disable_all: true
    enable: ['paths/client']
EOF

# gen_cmd TOOL SPEC [OGEN_CONFIG]: the command line that generates a client.
gen_cmd() {
	local tool=$1 spec=$2 cfg=${3:-$work/ogen.yml} out=$work/out/$1
	case $tool in
	whopgen) echo "$bin/whopgen -spec $spec -out $out -package api" ;;
	oapi-codegen) echo "$bin/oapi-codegen -generate types,client -package api -o $out.go $spec" ;;
	ogen) echo "$bin/ogen -config $cfg -clean -package api -target $out $spec" ;;
	esac
}

# reason TOOL LOG: the line of a failed run's output that says why.
reason() {
	local tool=$1 log=$2 line
	if [ "$tool" = ogen ]; then
		line=$(grep -m1 -o 'Feature ".*" is not implemented yet' "$log" || true)
		[ -n "$line" ] || line=$(grep -E '^\s*- ' "$log" | tail -n1 | sed -E 's/^\s*- //' || true)
	fi
	[ -n "${line:-}" ] || line=$(grep -v '^\s*$' "$log" | tail -n1 || true)
	echo "$line" | cut -c1-320
}

# median_ms: the median of the numbers (nanoseconds) on stdin, in ms.
median_ms() {
	sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f", m / 1e6 }'
}

# time_ms CMD: the median wall time of RUNS runs of CMD, in ms.
time_ms() {
	local cmd=$1
	if command -v hyperfine >/dev/null; then
		hyperfine -N --warmup 1 --runs "$RUNS" --export-csv "$work/hf.csv" "$cmd" >/dev/null 2>&1
		# Columns: command,mean,stddev,median,user,system,min,max; the command
		# may hold commas, so count from the end.
		awk -F, 'NR == 2 { printf "%.0f", $(NF - 4) * 1000 }' "$work/hf.csv"
		return
	fi
	$cmd >/dev/null 2>&1 # warm-up
	for _ in $(seq "$RUNS"); do
		local t0 t1
		t0=$(date +%s%N)
		$cmd >/dev/null 2>&1
		t1=$(date +%s%N)
		echo $((t1 - t0))
	done | median_ms
}

specs=("$specs_dir"/*.yml "$repo/spec/openapi.yml")
declare -A ms
failures=()
for spec in "${specs[@]}"; do
	name=$(basename "$(dirname "$spec")")/$(basename "$spec")
	[ "$spec" = "$repo/spec/openapi.yml" ] && name="whop (spec/openapi.yml)"
	for tool in whopgen oapi-codegen ogen; do
		cmd=$(gen_cmd "$tool" "$spec")
		log=$work/log/$tool.log
		mark=""
		if ! $cmd >"$log" 2>&1; then
			failures+=("$tool on $name: $(reason "$tool" "$log")")
			if [ "$tool" != ogen ] || ! grep -q 'is not implemented yet' "$log"; then
				ms[$name,$tool]=fails
				continue
			fi
			cmd=$(gen_cmd ogen "$spec" "$work/ogen-skip.yml")
			if ! $cmd >"$log" 2>&1; then
				failures+=("$tool on $name, skipping unsupported: $(reason "$tool" "$log")")
				ms[$name,$tool]=fails
				continue
			fi
			mark="*"
		fi
		echo "timing $tool on $name..." >&2
		ms[$name,$tool]=$(time_ms "$cmd")$mark
	done
done

# ratio A B: A/B for two timings in ms (a trailing * is ignored).
ratio() {
	local a=${1%\*} b=${2%\*}
	case "$a$b" in *fails*) echo "-" ;; *) awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1fx", a / b }' ;; esac
}

echo
echo "Median wall time of $RUNS runs, ms ($(nproc) cores, $(go version | cut -d' ' -f3); $(command -v hyperfine >/dev/null && echo hyperfine || echo shell loop))."
echo "Ratio = other generator / whopgen: above 1x, whopgen is faster."
echo
echo "| spec | whopgen | oapi-codegen | ratio | ogen | ratio |"
echo "|---|---:|---:|---:|---:|---:|"
for spec in "${specs[@]}"; do
	name=$(basename "$(dirname "$spec")")/$(basename "$spec")
	[ "$spec" = "$repo/spec/openapi.yml" ] && name="whop (spec/openapi.yml)"
	w=${ms[$name,whopgen]} o=${ms[$name,oapi-codegen]} g=${ms[$name,ogen]}
	echo "| $name | $w | $o | $(ratio "$o" "$w") | $g | $(ratio "$g" "$w") |"
done
echo
echo "* ogen with ignore_not_implemented: [\"all\"]: it skipped the operations it cannot generate."
echo
echo "Failures:"
for f in "${failures[@]}"; do echo "- $f"; done
