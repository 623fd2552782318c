#!/usr/bin/env bash
# Package smoke test: pack the three packages into a temporary feed, then build and run the README quickstart in a
# fresh console project outside the repository that gets ComplaintFlow packages from that feed only.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)

dotnet pack -c Release -o "$feed" --nologo -v q
for package in ComplaintFlow ComplaintFlow.Sqlite ComplaintFlow.PostgreSql; do
  for kind in nupkg snupkg; do
    test -f "$feed/$package.$version.$kind" || { echo "package smoke: $package.$version.$kind was not produced" >&2; exit 1; }
  done
done

app="$work/app"
mkdir -p "$app"
cd "$app"
# ComplaintFlow* may only come from the new feed; everything else from nuget.org. A private package folder keeps an
# older ComplaintFlow of the same version in the machine's cache from being used instead.
cat > nuget.config <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="ComplaintFlow" /><package pattern="ComplaintFlow.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
cat > Smoke.csproj <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ComplaintFlow" Version="$version" />
    <PackageReference Include="ComplaintFlow.Sqlite" Version="$version" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.15" />
  </ItemGroup>
</Project>
PROJECT
# The quickstart, exactly as the README shows it.
awk '/<!-- quickstart -->/ {found=1; next} found && /^```csharp/ {inside=1; next} inside && /^```/ {exit} inside {print}' "$repo/README.md" > Program.cs
test -s Program.cs || { echo "package smoke: no quickstart block found in README.md" >&2; exit 1; }

dotnet run --nologo -v q > output.txt
grep -q -- "-> closed" output.txt || { echo "package smoke: the quickstart did not close its case:" >&2; cat output.txt >&2; exit 1; }
test -f complaints.db || { echo "package smoke: the quickstart did not write complaints.db" >&2; exit 1; }
echo "package smoke: packed $version; the README quickstart ran from the packages ($(wc -l < output.txt) events printed)"
