from __future__ import annotations

from closer.domain import errors
from closer.domain.errors import CloserError


def _family() -> list[type[CloserError]]:
    return [CloserError, *CloserError.__subclasses__()]


def test_every_error_carries_an_http_status_and_a_distinct_code() -> None:
    family = _family()
    assert len(family) >= 6
    codes = [cls.code for cls in family]
    assert len(set(codes)) == len(codes)
    assert all(400 <= cls.status <= 599 for cls in family)


def test_input_errors_are_client_errors_and_outages_are_server_errors() -> None:
    assert errors.InvalidInput.status == 422
    assert errors.NotFound.status == 404
    assert errors.Conflict.status == 409
    assert errors.StorageUnavailable.status == 503


def test_the_error_tree_is_documented_in_the_module() -> None:
    doc = errors.__doc__ or ""
    for cls in _family():
        assert f'{cls.__name__} ({cls.status}, "{cls.code}")' in doc
