# syntax=docker/dockerfile:1
# WifiBilling: the one executable (portal, REST API, RADIUS server, background jobs).
#   docker build -t wifibilling .
#   docker run -p 8080:8080 -p 1812:1812/udp -p 1813:1813/udp -v wifibilling-data:/data wifibilling
# No Docker engine runs on the build machines: tests/Portal.Tests/Deploy/PublishedPortalTests.cs reads this file,
# runs its `dotnet publish` line outside Docker and starts the output with the ENV below until /health answers.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# What the Portal build reads: SDK pin, shared props and analyzer settings, the sources, and the router files the
# Portal embeds (mikrotik-radius.rsc) or serves (mikrotik/hotspot/md5.js). .dockerignore keeps bin/, obj/, data and tests out.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY mikrotik-radius.rsc ./
COPY mikrotik/ mikrotik/
RUN --mount=type=cache,id=wifibilling-nuget,target=/root/.nuget/packages \
    dotnet publish src/Portal -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# /data: the SQLite database and its -wal/-shm files, the Data Protection key ring (keys/) and the admin key hash.
# Owned by the image's non-root "app" user (APP_UID, 1654), which runs the process; keys/ exists in the image so a
# volume mounted there (shared by several instances, see docker-compose.yml) starts with the right owner.
RUN mkdir -p /data/keys && chown -R "$APP_UID" /data
VOLUME /data
# ASPNETCORE_HTTP_PORTS is emptied so ASPNETCORE_URLS alone decides (no "overriding HTTP_PORTS" warning).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Storage__Sqlite__Path=/data/wifibilling.db \
    Portal__DataDirectory=/data
EXPOSE 8080/tcp 1812/udp 1813/udp
USER $APP_UID
# The runtime image has no curl or wget; bash (Ubuntu base) can speak HTTP/1.0 over /dev/tcp. Healthy = "200" on /health.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "WifiBilling.Portal.dll"]
