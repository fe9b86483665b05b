#!/usr/bin/env bash
# Builds the deployable package of the hub: a zip of the Worker SDK's publish output for linux-x64 — the
# .NET isolated worker app, its host.json, worker.config.json, functions.metadata and the host-side extensions
# (.azurefunctions/) — as the Functions host on Flex Consumption (runtime dotnet-isolated 10.0) runs it.
# Needs only the .NET SDK.
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
trap 'rm -rf "$stage"' EXIT

echo "Publishing for linux-x64 (version $version)..."
# A separate artifacts path keeps this Release build from touching the obj/ folders of the everyday Debug
# build and tests.
dotnet publish "$repo/functions/Omnichannel.Functions" -c Release -r linux-x64 --self-contained false \
  --artifacts-path "$build" -o "$stage" -p:InformationalVersion="$version" -nologo -v:q

for required in host.json worker.config.json functions.metadata Omnichannel.Functions.dll .azurefunctions; do
  if [[ ! -e "$stage/$required" ]]; then
    echo "The publish output has no $required; it is not a Functions isolated worker app." >&2
    exit 1
  fi
done
if compgen -G "$stage/local.settings*" > /dev/null; then
  echo "The publish output carries local settings; they must never be deployed." >&2
  exit 1
fi

dotnet msbuild "$repo/infra/package/Zip.proj" -nologo -v:q -p:SourceDirectory="$stage" -p:DestinationFile="$package"
echo "Package: $package"
echo "$package"
