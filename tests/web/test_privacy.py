"""The Privacy page and the data API: export, import, backup, passphrase,
lock, and delete everything."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from closer.adapters.local_store import StoreState, store_state, unlock
from closer.config import Settings
from closer.domain.errors import WrongPassphrase
from closer.web.app import create_app
from tests.support.server import PASSPHRASE
from tests.support.stores import local_settings

DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2021-09-28,28 September,Tuesday,10:00 pm,good,"","","Went to the party"\n'
)


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def log(client: TestClient, text: str) -> None:
    response = client.post("/api/v1/moments", json={"situation": text})
    assert response.status_code == 201, response.text


def test_the_page_says_what_is_kept_and_where(
    web: TestClient, settings: Settings
) -> None:
    page = web.get("/privacy").text
    assert "No trackers" in page
    if settings.database_url is None:
        assert str(settings.data_dir) in page
        assert "<strong>Encrypted.</strong>" in page
        assert "Change your passphrase" in page
    else:
        assert "this service's database" in page
    assert web.get("/settings").text.count('href="/privacy"') >= 1


@pytest.mark.parametrize(
    ("fmt", "media", "needle"),
    [("json", "application/json", b'"closer_export": 2'),
     ("md", "text/markdown", b"# My Closer journal"),
     ("csv", "application/zip", b"PK")],
)  # fmt: skip
def test_exports_download_as_files(
    web: TestClient, fmt: str, media: str, needle: bytes
) -> None:
    log(web, "Skipped the reunion")
    for url in (f"/privacy/export?format={fmt}", f"/api/v1/export?format={fmt}"):
        response = web.get(url)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media)
        assert response.headers["content-disposition"].startswith("attachment;")
        assert response.headers["cache-control"] == "no-store"
        assert needle in response.content


def test_an_upload_imports_once_and_shows_what_it_did(web: TestClient) -> None:
    files = {"file": ("daylio_export.csv", DAYLIO.encode(), "text/csv")}
    first = web.post("/privacy/import", files=files)
    assert first.status_code == 200
    assert "Imported 1 moments" in first.text
    again = web.post("/privacy/import", files=files)
    assert "Skipped 1 already here" in again.text
    found = web.get("/api/v1/moments?search=party").json()
    assert found["total"] == 1


def test_a_bad_upload_names_the_problem_and_imports_nothing(web: TestClient) -> None:
    broken = DAYLIO.replace("10:00 pm", "late")
    files = {"file": ("daylio_export.csv", broken.encode(), "text/csv")}
    response = web.post("/privacy/import", files=files)
    assert response.status_code == 422
    assert "line 2, time:" in response.text
    assert web.get("/api/v1/moments").json()["total"] == 0


def test_the_api_imports_a_closer_export_exactly(web: TestClient) -> None:
    log(web, "Told Ana I was scared")
    exported = web.get("/api/v1/export").content
    report = web.post(
        "/api/v1/import", content=exported, headers={"content-type": "application/json"}
    )
    assert report.json()["moments_skipped"] == 1
    bad = web.post("/api/v1/import?format=jrnl", content=b'{"entries": [{"title": 1}]}')
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_input"
    assert "entries[0]" in bad.json()["error"]["message"]


@pytest.fixture
def local(tmp_path: Path) -> Iterator[tuple[TestClient, Settings]]:
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE)
    settings = local_settings(tmp_path, passphrase_file=passphrase)
    app = create_app(settings)
    with TestClient(app, follow_redirects=False) as client:
        client.post("/api/v1/store/setup", json={"passphrase": PASSPHRASE})
        yield client, settings


def test_a_backup_downloads_encrypted(local: tuple[TestClient, Settings]) -> None:
    client, _ = local
    log(client, "Very private words")
    response = client.post("/privacy/backup")
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith("attachment;")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert set(archive.namelist()) == {
            "manifest.json",
            "closer.db",
            "closer.key.json",
        }
        assert json.loads(archive.read("manifest.json"))["encrypted"] is True
        assert b"Very private words" not in archive.read("closer.db")


def test_changing_the_passphrase_on_the_page(
    local: tuple[TestClient, Settings],
) -> None:
    client, settings = local
    mismatch = client.post(
        "/privacy/passphrase",
        data={"current": PASSPHRASE, "new": "new words here", "confirm": "other"},
    )
    assert mismatch.status_code == 422
    wrong = client.post(
        "/privacy/passphrase",
        data={
            "current": "not it at all",
            "new": "new words here",
            "confirm": "new words here",
        },
    )
    assert wrong.status_code == 403
    done = client.post(
        "/privacy/passphrase",
        data={
            "current": PASSPHRASE,
            "new": "new words here",
            "confirm": "new words here",
        },
    )
    assert done.headers["location"] == "/privacy?done=passphrase"
    assert unlock(settings, "new words here")
    with pytest.raises(WrongPassphrase):
        unlock(settings, PASSPHRASE)


def test_lock_now_closes_the_records(local: tuple[TestClient, Settings]) -> None:
    client, _ = local
    assert client.post("/privacy/lock").headers["location"] == "/unlock"
    assert client.get("/moments").headers["location"] == "/unlock?next=%2Fmoments"


def test_delete_everything_needs_the_word_then_starts_afresh(
    local: tuple[TestClient, Settings],
) -> None:
    client, settings = local
    log(client, "Gone soon")
    refused = client.post("/privacy/delete", data={"confirm": "delete"})
    assert refused.status_code == 422
    assert "Nothing was deleted" in refused.text
    assert store_state(settings) is StoreState.ENCRYPTED
    done = client.post("/privacy/delete", data={"confirm": "DELETE"})
    assert done.headers["location"] == "/setup"
    assert store_state(settings) is StoreState.NEW
    assert not (settings.data_dir / "closer.db").exists()
    assert client.get("/").headers["location"] == "/setup"


def test_a_plain_store_can_be_encrypted_from_the_page(tmp_path: Path) -> None:
    settings = local_settings(tmp_path)
    with TestClient(create_app(settings), follow_redirects=False) as client:
        client.post("/api/v1/store/setup", json={"without_encryption": True})
        log(client, "Readable for now")
        assert "Not encrypted, by your choice" in client.get("/privacy").text
        response = client.post(
            "/privacy/encrypt", data={"passphrase": PASSPHRASE, "confirm": PASSPHRASE}
        )
        assert response.headers["location"] == "/privacy?done=encrypted"
        assert store_state(settings) is StoreState.ENCRYPTED
        assert client.get("/api/v1/moments").json()["total"] == 1
    raw = b"".join(p.read_bytes() for p in settings.data_dir.glob("closer.db*"))
    assert b"Readable for now" not in raw
