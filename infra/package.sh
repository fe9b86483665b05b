#!/usr/bin/env bash
# Builds the deployable package of the hub: a zip whose root holds the self-contained linux-x64 app,
# host.json and one <Function>/function.json per function the app declares, as the Azure Functions host
# expects of a custom handler. Needs only the .NET SDK; run it on linux-x64 (it runs the published app once
# to write the function.json files).
#
#   infra/package.sh [version] [output folder]
#
# version defaults to <UTC time>-<commit>, the output folder to artifacts/packages. Keep every package:
# rolling back is deploying the previous one. Prints the package path on its last line.
# PACKAGE_BUILD_DIR (optional) is where the build's bin/obj go; default artifacts/package-build.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:-$(date -u +%Y%m%d%H%M%S)-$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo local)}"
out="$(mkdir -p "${2:-$repo/artifacts/packages}" && cd "${2:-$repo/artifacts/packages}" && pwd)"
build="${PACKAGE_BUILD_DIR:-$repo/artifacts/package-build}"
package="$out/omnichannel-hub-$version.zip"

stage="$(mktemp -d)"
functions="$(mktemp -d)"
trap 'rm -rf "$stage" "$functions"' EXIT

echo "Publishing self-contained for linux-x64 (version $version)..."
# A separate artifacts path keeps this Release/linux-x64 build from touching the obj/ folders of the
# everyday Debug build and tests.
dotnet publish "$repo/functions/Omnichannel.LocalHost" -c Release -r linux-x64 --self-contained \
  --artifacts-path "$build" -o "$stage" -p:InformationalVersion="$version" -nologo -v:q

# host.json names the executable the Functions host starts; it must be what publish produced.
cp "$repo/host.json" "$stage/host.json"
executable="$(sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$stage/host.json")"
if [[ -z "$executable" || ! -x "$stage/$executable" ]]; then
  echo "host.json defaultExecutablePath '$executable' is not an executable of the published app." >&2
  exit 1
fi

# The app writes the function.json files from its own declarations. It runs from the repository so that it
# finds local settings: building the service container needs a storage setting, though nothing connects.
(cd "$repo" && "$stage/$executable" generate-functions "$functions")
for folder in "$functions"/*/; do
  name="$(basename "$folder")"
  if [[ -e "$stage/$name" ]]; then
    echo "Function '$name' has the name of a published file or folder; rename the function." >&2
    exit 1
  fi
  cp -r "$folder" "$stage/$name"
done

dotnet msbuild "$repo/infra/package/Zip.proj" -nologo -v:q -p:SourceDirectory="$stage" -p:DestinationFile="$package"
echo "Package: $package"
echo "$package"
