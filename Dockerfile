# Multi-stage build: the API binary and the web app, on a small Debian runtime.
# docker build -t interra .    (or: docker compose up --build)

FROM rust:1-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev pkg-config binaryen \
    && rm -rf /var/lib/apt/lists/* \
    && rustup target add wasm32-unknown-unknown
WORKDIR /src
COPY . .
# The build script installs the wasm-bindgen CLI matching Cargo.lock.
RUN scripts/build-web.sh \
    && cargo build --release --locked -p interra-api --bin interra

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /data --create-home interra
COPY --from=build /src/target/release/interra /usr/local/bin/interra
COPY --from=build /src/web/dist /app/web
ENV INTERRA_BIND=0.0.0.0:8080 \
    INTERRA_DATA_DIR=/data \
    INTERRA_WEB_DIST=/app/web \
    INTERRA_LOG_FORMAT=json
USER interra
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["interra"]
CMD ["serve"]
