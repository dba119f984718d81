"""``closer init``, ``unlock``, ``lock`` and ``passphrase`` as real processes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.server import closer_env, init_store, run_closer


def test_init_encrypts_and_says_so(tmp_path: Path) -> None:
    env = closer_env(tmp_path / "data")
    result = run_closer("init", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "data_dir": str(tmp_path / "data"),
        "encrypted": True,
    }
    key_file = json.loads((tmp_path / "data" / "closer.key.json").read_text())
    assert key_file["encryption"] == "sqlcipher"
    assert key_file["kdf"]["algorithm"] == "argon2id"
    again = run_closer("init", env=env)
    assert again.returncode == 1
    assert "already set up" in again.stderr


def test_init_without_encryption_is_an_explicit_choice(tmp_path: Path) -> None:
    env = closer_env(tmp_path / "data")
    result = run_closer("init", "--no-encryption", "--json", env=env)
    assert json.loads(result.stdout)["encrypted"] is False
    assert run_closer("log", "Plain on purpose", env=env).returncode == 0
    assert b"Plain on purpose" in b"".join(
        p.read_bytes() for p in (tmp_path / "data").glob("closer.db*")
    )


def test_without_a_passphrase_file_or_terminal_a_command_says_how(
    tmp_path: Path,
) -> None:
    env = closer_env(tmp_path / "data")
    init_store(env)
    assert run_closer("lock", env=env).returncode == 0
    del env["CLOSER_PASSPHRASE_FILE"]
    result = run_closer("moments", env=env)
    assert result.returncode == 1
    assert "CLOSER_PASSPHRASE_FILE" in result.stderr


def test_unlock_keeps_the_key_so_later_commands_do_not_ask(tmp_path: Path) -> None:
    env = closer_env(tmp_path / "data")
    init_store(env)
    run_closer("lock", env=env)
    unlocked = run_closer("unlock", "--json", env=env)
    assert json.loads(unlocked.stdout) == {"unlocked": True, "kept_minutes": 15}
    del env["CLOSER_PASSPHRASE_FILE"]
    assert run_closer("log", "No question asked", env=env).returncode == 0
    assert run_closer("person", "list", "--json", env=env).returncode == 0
    assert json.loads(run_closer("lock", "--json", env=env).stdout) == {"locked": True}
    assert run_closer("moments", env=env).returncode == 1


def test_a_wrong_passphrase_file_is_refused_in_one_line(tmp_path: Path) -> None:
    env = closer_env(tmp_path / "data")
    init_store(env)
    run_closer("lock", env=env)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    result = run_closer("moments", env={**env, "CLOSER_PASSPHRASE_FILE": str(wrong)})
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Error: That passphrase does not unlock")


def test_changing_the_passphrase_from_files(tmp_path: Path) -> None:
    env = closer_env(tmp_path / "data")
    init_store(env)
    assert run_closer("log", "Kept through the change", env=env).returncode == 0
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase\n")
    result = run_closer(
        "passphrase", "--new-passphrase-file", str(new), "--json", env=env
    )
    assert json.loads(result.stdout) == {"changed": True}
    run_closer("lock", env=env)
    old = run_closer("moments", env=env)  # the file still holds the old one
    assert old.returncode == 1
    assert "does not unlock" in old.stderr
    found = run_closer(
        "moments", "--json", env={**env, "CLOSER_PASSPHRASE_FILE": str(new)}
    )
    assert [m["situation"] for m in json.loads(found.stdout)["items"]] == [
        "Kept through the change"
    ]
