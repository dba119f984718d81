"""The one family of errors Closer reports to a person.

Every class carries the HTTP status the web layer answers with and a stable
``code`` for the JSON API. The web app renders them through one handler (an
HTML page or ``{"error": {"code", "message"}}``); the CLI prints
``Error: <message>`` and exits 1. Messages are written for the person reading
them: they say what was wrong and, where possible, what to do.

    CloserError (500, "internal")
    ├── InvalidInput (422, "invalid_input")
    ├── NotFound (404, "not_found")
    ├── Conflict (409, "conflict")
    │   └── Contended (409, "conflict")
    ├── TooLarge (413, "too_large")
    ├── ConfigurationError (500, "configuration")
    ├── StorageUnavailable (503, "storage_unavailable")
    ├── DamagedStore (503, "damaged_store")
    ├── NotSetUp (409, "not_set_up")
    ├── Locked (423, "locked")
    ├── WrongPassphrase (403, "wrong_passphrase")
    ├── Forbidden (403, "forbidden")
    ├── NotSignedIn (401, "not_signed_in")
    └── TooManyAttempts (429, "too_many_attempts")
"""

from __future__ import annotations


class CloserError(Exception):
    """Base class: something went wrong that a person should be told about."""

    status: int = 500
    code: str = "internal"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(CloserError):
    """Input that breaks a rule; the message names the field and the rule."""

    status = 422
    code = "invalid_input"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(CloserError):
    """The thing asked for does not exist."""

    status = 404
    code = "not_found"


class Conflict(CloserError):
    """The request clashes with what is already stored."""

    status = 409
    code = "conflict"


class Contended(Conflict):
    """Another request wrote the same thing at the same moment (the database
    refused the second). A use case that expects it tries once more."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "Another request saved the same thing at the same moment. Send it "
            "again: it will not be saved twice."
        )


class TooLarge(CloserError):
    """A file or a request larger than Closer takes; the message says the limit."""

    status = 413
    code = "too_large"


class ConfigurationError(CloserError):
    """A setting is wrong (a folder that cannot be written, a bad value)."""

    status = 500
    code = "configuration"


class StorageUnavailable(CloserError):
    """The database cannot be reached or opened."""

    status = 503
    code = "storage_unavailable"


class DamagedStore(CloserError):
    """The local store's files do not fit together (a records file missing or
    empty beside its key, a key file missing or unreadable): Closer will not
    open it, nor make a new one over it, and says how to get it back."""

    status = 503
    code = "damaged_store"


class NotSetUp(CloserError):
    """The local store has not been created yet (no passphrase chosen)."""

    status = 409
    code = "not_set_up"


class Locked(CloserError):
    """The store is encrypted and has not been unlocked in this session."""

    status = 423
    code = "locked"


class WrongPassphrase(CloserError):
    """The passphrase given does not unlock the store; nothing was changed."""

    status = 403
    code = "wrong_passphrase"


class NotSignedIn(CloserError):
    """Hosted mode: this needs an account, and the request has no valid sign-in
    (or the email and password do not match one)."""

    status = 401
    code = "not_signed_in"


class TooManyAttempts(CloserError):
    """Too many failed sign-ins in a short time; try again later."""

    status = 429
    code = "too_many_attempts"


class Forbidden(CloserError):
    """The request is not allowed (for example, it came from another website)."""

    status = 403
    code = "forbidden"
