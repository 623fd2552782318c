#!/usr/bin/env bash
# Package smoke test: pack the five packages into a temporary feed, then build and run the README quickstart in a
# fresh console project outside the repository that gets ComplaintFlow packages from that feed only.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
# A suffix unique to this run, so a re-pack is never shadowed by a package of the same version in a NuGet cache.
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)-local.$(date -u +%Y%m%d%H%M%S)"

dotnet pack -c Release -o "$feed" --nologo -v q -p:Version="$version"
for package in ComplaintFlow ComplaintFlow.Sqlite ComplaintFlow.PostgreSql ComplaintFlow.AspNetCore ComplaintFlow.Testing; do
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

# A fresh web project from the same feed maps the endpoints and answers one request on a real port.
command -v curl >/dev/null 2>&1 || { apt-get update -qq >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >&2; }
web="$work/web"
mkdir -p "$web"
cp nuget.config "$web/"
cd "$web"
cat > Web.csproj <<PROJECT
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ComplaintFlow.AspNetCore" Version="$version" />
    <PackageReference Include="ComplaintFlow.Sqlite" Version="$version" />
  </ItemGroup>
</Project>
PROJECT
cat > Program.cs <<'PROGRAM'
using ComplaintFlow;
using ComplaintFlow.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddComplaintFlow().UseSqlite("Data Source=web.db");
builder.Services.AddComplaintFlowWeb(web => web.CasesPolicy = "smoke");
builder.Services.AddAuthorizationBuilder().AddPolicy("smoke", policy => policy.RequireAssertion(_ => true));
builder.Services.AddSingleton<IComplaintActorAccessor, SmokeActor>();
var app = builder.Build();
app.UseAuthorization();
app.MapComplaintFlow();
app.Run();

sealed class SmokeActor : IComplaintActorAccessor
{
    public ValueTask<Actor?> GetActorAsync(HttpContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Actor?>(new Actor("smoke-1", "Smoke Test", "agent"));
}
PROGRAM
dotnet build --nologo -v q -o out > build.txt 2>&1 || { echo "package smoke: the web project did not build:" >&2; cat build.txt >&2; exit 1; }
port=$(( 20000 + RANDOM % 20000 ))
ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet out/Web.dll > web.txt 2>&1 &
server=$!
status=""
for _ in $(seq 1 60); do
  status=$(curl -s -o response.json -w '%{http_code}' -X POST "http://127.0.0.1:$port/complaints" -H 'Content-Type: application/json' \
    -d '{"customerRef":"cust-smoke","summary":"Smoke test","channel":"Email"}' || true)
  [ "$status" = "000" ] || break
  sleep 1
done
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
[ "$status" = "201" ] || { echo "package smoke: POST /complaints answered $status, not 201:" >&2; cat response.json web.txt >&2; exit 1; }
echo "package smoke: a fresh web project from the packages opened a complaint over HTTP (201)"
