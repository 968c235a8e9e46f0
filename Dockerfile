# voicebot in a container:
#   docker build -t voicebot .
#   docker run --init --env-file .env -e DATA_DIR=/data -v voicebot-data:/data voicebot telegram
# Settings come from the environment only (see .env.example); compose.yaml runs it with Postgres.
# Python 3.11: the interpreter the test suite runs on.
FROM python:3.11-slim-bookworm

# ffmpeg decodes reference clips; espeak-ng is the offline engine's voice (no AI302_API_KEY).
# Versions are not pinned (DL3008): a bookworm point release carries security fixes only, and an
# exact pin breaks the build as soon as the mirror drops that version.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg espeak-ng \
    && rm -rf /var/lib/apt/lists/*

# A fixed uid, so that a bind-mounted data directory can be handed to it (chown 10001).
RUN useradd --uid 10001 --user-group --no-create-home --home-dir /data \
        --shell /usr/sbin/nologin voicebot \
    && mkdir /data \
    && chown voicebot:voicebot /data

# The dependencies first, from their lock (see run.sh): the versions the tests run with, every
# file checked against its hash. A layer of its own, rebuilt only when the lock changes. pip is
# the version run.sh pins (PIP_VERSION): --build-constraint, which builds the lock's sdists
# with its setuptools rather than the newest, needs pip 25.3 or newer.
COPY requirements-runtime.lock /src/
RUN pip install --no-cache-dir --disable-pip-version-check pip==26.3 \
    && pip install --no-cache-dir --disable-pip-version-check --require-hashes \
        --requirement /src/requirements-runtime.lock \
        --build-constraint /src/requirements-runtime.lock

# Only what the package is built from; tests, bench and local state stay out (.dockerignore).
# voicebot itself adds no package (--no-deps): the lock has them all.
COPY pyproject.toml README.md /src/
COPY core /src/core
COPY bots /src/bots
RUN pip install --no-cache-dir --disable-pip-version-check --no-deps \
        --build-constraint /src/requirements-runtime.lock /src \
    && rm -rf /src

# DATA_DIR holds the reference clips (and the SQLite database when DATABASE_URL is unset).
# /healthz and /metrics listen on every interface of the container, for a scraper beside it.
ENV DATA_DIR=/data \
    METRICS_HOST=0.0.0.0 \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
VOLUME ["/data"]
EXPOSE 9108

# Numeric, so that a runtime can tell it is not root (Kubernetes' runAsNonRoot).
USER 10001:10001
# The console writes its .ogg files to the working directory: the data volume is writable.
WORKDIR /data

# Healthy while /healthz answers 200: the bot runs and its database answers. The port follows
# METRICS_PORT as the bot does; an HTTP(S)_PROXY meant for the bot's calls out is not asked.
# A console command serves none (its short-lived container never turns healthy).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; r.build_opener(r.ProxyHandler({})).open('http://127.0.0.1:%s/healthz' % (os.environ.get('METRICS_PORT') or '9108'), timeout=4)"]

ENTRYPOINT ["voicebot"]
CMD ["--help"]
