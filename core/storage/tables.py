"""The schema, as SQLAlchemy Core tables. Alembic migrations create and upgrade it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    true,
)


class UserText(TypeDecorator[str]):
    """Text as someone typed it. Postgres refuses the NUL character (SQLite keeps it), and no
    chat means anything by one: it is dropped on the way in, on every database alike."""

    impl: type[String] = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else value.replace("\x00", "")


class UserString(UserText):
    """`UserText` of a bounded length."""

    impl = String
    cache_ok = True  # (SQLAlchemy asks each subclass to say so itself)


metadata = MetaData()

voices = Table(
    "voices",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(64), nullable=False),
    # NFKC spells some letters out (U+FDFA: 18 characters): 32 of them fit (0009)
    Column("name_key", String(576), nullable=False),
    Column("owner_id", String(128), nullable=False, index=True),
    Column("scope", String(160), nullable=False),
    Column("ref_file", String(255), nullable=False),
    Column("seconds", Float, nullable=False),
    Column("transcript", UserText, nullable=False, default=""),
    Column("hosted_url", Text, nullable=True),
    Column("temperature", Float, nullable=True),
    Column("top_k", Integer, nullable=True),
    Column("top_p", Float, nullable=True),
    Column("speed", Float, nullable=True),  # the speaking rate, 0.5–2 (0016)
    Column("created_at", DateTime(timezone=True), nullable=False),
    # consent and the audit trail (0004)
    Column("owner_name", UserString(128), nullable=False, server_default=""),
    Column("speaker_id", String(128), nullable=True, index=True),  # None: a designed voice
    Column("speaker_name", UserString(128), nullable=False, server_default=""),
    Column("status", String(16), nullable=False, server_default="ready"),  # ready|pending
    Column("shared", Boolean, nullable=False, server_default=true()),
    Column("source", String(255), nullable=False, server_default=""),
    Column("approved_at", DateTime(timezone=True), nullable=True),
    Column("uses", Integer, nullable=False, server_default="0"),
    # an uploaded file's speaker is unknown: whose its uploader said it is (0011)
    Column("statement", String(16), nullable=False, server_default=""),  # ""|own|permission
    UniqueConstraint("scope", "name_key", name="uq_voices_scope_name"),
)

spaces = Table(
    "spaces",
    metadata,
    Column("scope", String(160), primary_key=True),
    Column("default_voice_id", String(32), nullable=True),
    # the admins' rules (0004); see `SpaceRules`
    Column("who_clones", String(16), nullable=False, server_default="everyone"),
    Column("clone_role", String(64), nullable=True),
    Column("members_use_others", Boolean, nullable=False, server_default=true()),
    Column("daily_chars", Integer, nullable=True),
)

jobs = Table(
    "jobs",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("state", String(16), nullable=False, index=True),  # queued|submitted|done|failed
    Column("platform", String(32), nullable=False),
    Column("space_id", String(128), nullable=False),
    Column("user_id", String(128), nullable=False),
    Column("voice_id", String(32), nullable=True),
    Column("kind", String(16), nullable=False),  # clone|smart|offline
    Column("text", UserText, nullable=False),
    Column("params", JSON, nullable=False),
    Column("error", String(64), nullable=True),
    Column("seconds", Float, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("description", UserText, nullable=True),  # a designed voice, described in words
    Column("wer", Float, nullable=True),  # the self-check's word error rate of the output
    # durable delivery (0005); no target: nowhere to deliver later (the console)
    Column("origin", JSON(none_as_null=True), nullable=True),  # the rest of `Where`
    Column("target", JSON(none_as_null=True), nullable=True),  # where the adapter delivers
    Column("delivery", String(16), nullable=True),  # None | sending | sent
    # the chat's own id for the request (0007): one job per request, however often it arrives
    Column("request_key", String(160), nullable=True),
    # workers (0008): a job handed over is claimed for a lease by one `voicebot worker`
    Column("handoff", Boolean, nullable=False, server_default=false()),
    Column("lease_until", DateTime(timezone=True), nullable=True),
    Column("worker", String(64), nullable=True),
    Column("started_at", DateTime(timezone=True), nullable=True),  # taken by a runner
    Column("progress", JSON(none_as_null=True), nullable=True),  # the last `Progress` seen
    Column("error_params", JSON(none_as_null=True), nullable=True),  # of the error that ended it
    # translate and speak (0015): the language the text is said in (None: as written), and its
    # translation once made, stored before any speech is (what every run of the job speaks)
    Column("language", String(16), nullable=True),
    Column("translation", UserText, nullable=True),
    Index("ix_jobs_request", "platform", "request_key", unique=True),
    Index("ix_jobs_claimable", "handoff", "state", "created_at"),
)

job_tasks = Table(
    "job_tasks",
    metadata,
    Column("job_id", String(32), primary_key=True),
    Column("step", String(32), primary_key=True),  # which generation of the job: "0", "t1.2c"
    Column("task_id", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

job_results = Table(
    "job_results",
    metadata,
    Column("job_id", String(32), primary_key=True),
    Column("part", Integer, primary_key=True),  # a long result is several voice messages
    Column("ogg", LargeBinary, nullable=False),
    Column("seconds", Float, nullable=False),
    Column("waveform", LargeBinary, nullable=False),
)

reports = Table(
    "reports",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("voice_id", String(32), nullable=False),
    Column("scope", String(160), nullable=False),  # the chat it was reported in
    Column("reporter_id", String(128), nullable=False),
    Column("reporter_name", UserString(128), nullable=False, server_default=""),
    Column("reason", UserText, nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # settled by an admin of the chat (0012); open until then, and the voice suspended there
    Column("settled_at", DateTime(timezone=True), nullable=True),
    Column("outcome", String(16), nullable=True),  # None | restored | deleted
    Column("settled_by", String(128), nullable=True),
    Index("ix_reports_open", "scope", "voice_id", "settled_at"),
)

reading_challenges = Table(
    "reading_challenges",
    metadata,
    # a phrase one user was asked to read aloud here, to prove a voice is theirs (0013)
    Column("scope", String(160), primary_key=True),  # where the voice is to live
    Column("user_id", String(128), primary_key=True),
    Column("name", String(64), nullable=False),  # the voice the reading is to become
    Column("phrase", Text, nullable=False),  # drawn by the bot, never typed by anyone
    Column("language", String(8), nullable=False),  # of the phrase and the replies: en | zh
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)

# Shared by every process, so replicas behave as one (0014):
rate_limits = Table(
    "rate_limits",
    metadata,
    Column("key", String(200), primary_key=True),  # the limit's name and whom it counts
    Column("full_at", Float, nullable=False),  # epoch seconds: its allowance is whole again
    Column("wait_s", Float, nullable=False),  # told to the last request (0: it was let in)
)

unnamed_clips = Table(
    "unnamed_clips",
    metadata,
    # a clip sent to become a voice, waiting for its name (one a user: a newer one replaces it)
    Column("platform", String(32), primary_key=True),
    Column("user_id", String(128), primary_key=True),
    Column("audio", LargeBinary, nullable=False),  # as downloaded: cleaned once it is named
    Column("speaker_id", String(128), nullable=False),
    Column("speaker_name", UserString(128), nullable=False, server_default=""),
    Column("source", String(255), nullable=False, server_default=""),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)
