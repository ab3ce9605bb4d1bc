#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need (as root) or says
# exactly what to install, builds once in Release, runs every test project, and ends with one
# summary line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

say() { printf '==> %s\n' "$*"; }
fail() { printf 'ERROR: %s\n' "$*" >&2; printf 'tests: 0 passed, 1 failed, 0 skipped\n'; exit 1; }

is_root() { [ "$(id -u)" = "0" ]; }
apt_updated=0
apt_install() {
    if ! is_root; then
        fail "missing $1: install it with 'sudo apt-get install -y $1' (Debian/Ubuntu) and run again"
    fi
    if [ "$apt_updated" = 0 ]; then
        say "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || fail "apt-get update failed"
        apt_updated=1
    fi
    say "apt-get install $1"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null || fail "apt-get install $1 failed"
}

# --- prerequisites -------------------------------------------------------------------------
command -v dotnet >/dev/null || fail "the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt_install postgresql
fi
# The browser tests drive the system Chromium (never a downloaded browser).
if [ ! -x /usr/bin/chromium ] && [ -z "${REFERRAL_CHROMIUM:-}" ]; then
    apt_install chromium
fi
# The api build bundles the web client (api/web) with npm; its bundler needs Node.js 20.19 or later.
command -v npm >/dev/null || fail "Node.js 20.19+ with npm is required to build the web client (api/web); 'npm' is not on PATH"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || fail "Node.js 20.19 or later is required to build the web client (found $(node --version))"
# The PostgreSQL tests run the server as the unprivileged 'postgres' user when we are root.
if is_root && ! id postgres >/dev/null 2>&1; then
    fail "user 'postgres' is missing (it comes with the Debian package postgresql)"
fi

# --- build once, then run every test project -----------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
say "dotnet build -c Release"
dotnet build Referral.Orleans.sln -c Release -nologo -v quiet -clp:ErrorsOnly || fail "build failed"

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
for project in tests/*.Tests/*.csproj; do
    name="$(basename "$project" .csproj)"
    say "dotnet test $name"
    dotnet test --project "$project" -c Release --no-build \
        --report-xunit-trx --report-xunit-trx-filename "$name.trx" \
        --results-directory "$results" --output Detailed || status=1
done

# --- one summary line over every project -----------------------------------------------------
passed=0; failed=0; skipped=0; found=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    found=$((found + 1))
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
    get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    p="$(get passed)"; f="$(get failed)"; t="$(get total)"; e="$(get executed)"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    skipped=$((skipped + ${t:-0} - ${e:-0}))
done
expected="$(ls tests/*.Tests/*.csproj | wc -l)"
if [ "$found" -lt "$expected" ]; then
    echo "ERROR: only $found of $expected test projects produced results" >&2
    failed=$((failed + expected - found))
    status=1
fi
[ "$failed" -gt 0 ] && status=1
printf 'tests: %d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
exit "$status"
