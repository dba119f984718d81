"""The meaning engine's examples: every cause has some, and only causes do."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from closer.adapters.content import bundled_library, load_cause_examples
from closer.domain.errors import ConfigurationError


def folder_with(tmp_path: Path, change: tuple[str, str]) -> Path:
    text = (resources.files("closer.content") / "cause_examples.toml").read_text(
        "utf-8"
    )
    assert change[0] in text
    (tmp_path / "cause_examples.toml").write_text(text.replace(*change, 1), "utf-8")
    return tmp_path


def test_every_cause_has_at_least_three_examples() -> None:
    with resources.as_file(resources.files("closer.content")) as folder:
        found = load_cause_examples(Path(folder), bundled_library())
    assert set(found) == set(bundled_library().causes)
    assert min(len(v) for v in found.values()) >= 3


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('slug = "privacy-values"', 'slug = "loneliness"'), "'loneliness'"),
        (('"Solitude recharges me.",', '"",'), "privacy-values"),
    ],
)
def test_a_broken_examples_file_names_the_cause(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    with pytest.raises(ConfigurationError, match=problem):
        load_cause_examples(folder_with(tmp_path, change), bundled_library())
