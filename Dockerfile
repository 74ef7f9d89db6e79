# Coffee Room in a container. `docker compose up` (compose.yaml) runs it with PostgreSQL; see
# docs/deploy.md. By hand:
#   docker build -t coffeeroom .
#   docker run --rm --env-file .env -e DATABASE_URL=postgresql://... coffeeroom migrate
#   docker run -d --init --env-file .env -v coffeeroom-data:/data -p 127.0.0.1:3000:3000 coffeeroom
# The default command serves HTTP on port 3000 (Slack's /slack/events, Teams' /api/messages,
# /healthz); any other command of `python -m bot` goes after the image's name (migrate, doctor,
# jobs list, leads list ...). No setting or secret is baked in: they come from the environment.

FROM python:3.11-slim-bookworm AS install
# The same script CI runs as a non-root user (.ci/check-install): a new virtualenv with the app
# and what it depends on, without the development tools.
COPY . /src
RUN sh /src/scripts/install-app /opt/coffeeroom /src

FROM python:3.11-slim-bookworm
ENV PATH=/opt/coffeeroom/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
# A user of its own, without a login. /data is where a SQLite file and the key file go when
# DATABASE_URL and COFFEEROOM_SECRET_KEY do not say otherwise: mount a volume there.
RUN groupadd --system --gid 10001 coffeeroom \
    && useradd --system --no-log-init --uid 10001 --gid 10001 --home-dir /data \
        --shell /usr/sbin/nologin coffeeroom \
    && mkdir /data \
    && chown coffeeroom:coffeeroom /data \
    && chmod 700 /data
# The app stays root's: its user can run it but not change it.
COPY --from=install /opt/coffeeroom /opt/coffeeroom
WORKDIR /data
# By number, so an orchestrator can see it is not root (runAsNonRoot).
USER 10001:10001
EXPOSE 3000
# slim has no curl: Python's own urllib asks /healthz (200 while the database answers).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request as u; sys.exit(u.urlopen('http://127.0.0.1:3000/healthz', timeout=4).status != 200)"]
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run", "--http", "--host", "0.0.0.0", "--port", "3000"]
