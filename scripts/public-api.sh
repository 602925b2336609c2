#!/usr/bin/env bash
# Declares the public API a tracked package gained: builds each project given (default: every tracked one), takes the
# members RS0016 reports as undeclared and appends them, sorted, to that project's PublicAPI.Unshipped.txt. Review the
# diff: each line is a promise to users' drivers. A removed member (RS0017) is never declared away here; that takes
# a deliberate edit (and breaks users). See Directory.Build.targets.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  mapfile -t projects < <(ls src/*/PublicAPI.Shipped.txt | xargs -n1 dirname)
fi
for project in "${projects[@]}"; do
  project=${project%/}
  log=$(mktemp)
  # -p:WarningsAsErrors= keeps RS0016 a warning here, so the build goes on to report every one. First the references
  # (built, their warnings not read here), then the project alone, compiled again even when it is up to date: a
  # compiler that does not run reports nothing, and an earlier run of this script (or the build of another project
  # given here, which references this one) may have compiled it with RS0016 as a warning.
  dotnet build "$project" --nologo -v:q -p:TreatWarningsAsErrors=false "-p:WarningsAsErrors=" >/dev/null 2>&1 || true
  dotnet build "$project" --nologo -v:q --no-dependencies --no-incremental -p:TreatWarningsAsErrors=false "-p:WarningsAsErrors=" >"$log" 2>&1 || true
  file=$project/PublicAPI.Unshipped.txt
  csproj=$(ls "$project"/*.csproj)
  # Only this project's own lines (a build also reports its references').
  added=$(grep -F "$(realpath "$csproj")]" "$log" | grep -o "RS0016: Symbol '.*' is not part of the declared public API" \
            | sed -e "s/^RS0016: Symbol '//" -e "s/' is not part of the declared public API\$//" | sort -u || true)
  gone=$(grep -F "$(realpath "$csproj")]" "$log" | grep -o "RS0017: .*" | sort -u || true)
  if [ -n "$gone" ]; then
    echo "public-api: $project: declared members are gone (RS0017); restore them or remove them on purpose:" >&2
    echo "$gone" >&2
  fi
  if [ -n "$added" ]; then
    { cat "$file"; echo "$added"; } | { read -r first; echo "$first"; sort -u; } > "$file.new"
    mv "$file.new" "$file"
    echo "public-api: $project: $(echo "$added" | wc -l) member(s) declared in $file"
  else
    echo "public-api: $project: nothing new"
  fi
  rm -f "$log"
done
