#!/usr/bin/env bash
# Declares the public API a tracked package gained: builds each project given (default: every tracked one, those with a
# PublicAPI.Shipped.txt under src/, Redox.Kernel included), takes the members RS0016 reports as undeclared and appends
# them, sorted, to that project's PublicAPI.Unshipped.txt. A tracked project that one given references and that has
# undeclared members too is declared as well: this script has just compiled it with RS0016 as a warning, and left so,
# the next build would find it up to date and report nothing. Review the diff: each line is a promise to users'
# drivers and images. A removed member (RS0017) is never declared away here; that takes a deliberate edit (and breaks
# users). See Directory.Build.targets and docs/public-api.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  mapfile -t projects < <(ls src/*/PublicAPI.Shipped.txt | xargs -n1 dirname)
fi
for ((i = 0; i < ${#projects[@]}; i++)); do
  projects[i]=$(realpath --relative-to="$root" "${projects[i]}")
done
for ((i = 0; i < ${#projects[@]}; i++)); do
  project=${projects[i]}
  log=$(mktemp)
  # -p:WarningsAsErrors= keeps RS0016 a warning here, so the build goes on to report every one. First the project with
  # its references, to have them built and to learn which tracked references have undeclared members (queued).
  dotnet build "$project" --nologo -v:q -p:TreatWarningsAsErrors=false "-p:WarningsAsErrors=" >"$log" 2>&1 || true
  while read -r other; do
    other=$(realpath --relative-to="$root" "$(dirname "$other")")
    if [ -f "$other/PublicAPI.Shipped.txt" ] && ! printf '%s\n' "${projects[@]}" | grep -qxF "$other"; then
      projects+=("$other")
      echo "public-api: $other (referenced by $project) has undeclared members too"
    fi
  done < <(grep "RS0016" "$log" | grep -o '\[[^]]*\.csproj\]$' | tr -d '[]' | sort -u || true)
  # Then the project alone, compiled again even when it is up to date: a compiler that does not run reports nothing,
  # and the first build of a project given earlier, which references this one, may just have compiled it.
  dotnet build "$project" --nologo -v:q --no-dependencies --no-incremental -p:TreatWarningsAsErrors=false "-p:WarningsAsErrors=" >"$log" 2>&1 || true
  file=$project/PublicAPI.Unshipped.txt
  csproj=$(ls "$project"/*.csproj)
  # Only this project's own lines.
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
