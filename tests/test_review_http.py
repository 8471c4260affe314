"""Editor mode over HTTP against a real Datasette server (`pantau serve --editors` configuration): anonymous visitors
cannot write anything, an editor signs in with datasette-auth-passwords, takes the CSRF token of the claim page and
verifies, corrects and rejects claims through the review route; the review queue lists conflicting claims first."""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager

import httpx
import pytest
from datasette_auth_passwords.utils import hash_password

from conftest import free_port
from db import sample
from pantau import metadata as md
from pantau import serve
from pantau.editors import EditorConfigError, editor_metadata, load_editors

pytestmark = pytest.mark.slow
PASSWORD = "kopi-tubruk-2021"


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review_http")
    path = folder / "pantau.db"
    sample.build_sample(path).close()
    metadata, env = editor_metadata(md.METADATA_FILE, "pantau", {"ana": hash_password(PASSWORD, iterations=1000)},
                                    out_dir=folder)
    port = free_port()
    log = open(folder / "datasette.log", "w")
    process = serve.start(path, port, metadata_path=metadata, immutable=False, env=env, log=log)
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, process)
        yield base, path
    finally:
        serve.stop(process)
        log.close()


def _claim(path, where: str) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"select id from claims where {where} order by id limit 1").fetchone()[0]


def _row(path, claim_id: str) -> dict:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("select * from claims where id = ?", [claim_id]).fetchone())
    conn.close()
    return row


def _corrections(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("select count(*) from corrections").fetchone()[0]


def _token(html: str) -> str:
    return re.search(r'name="csrftoken" value="([^"]+)"', html).group(1)


@contextmanager
def _sign_in(base: str, password: str = PASSWORD):
    """A browser-like client that signed in at /-/login with the login form's CSRF token."""
    with httpx.Client(base_url=base, timeout=30) as client:
        login = client.get("/-/login")
        response = client.post("/-/login", data={"username": "ana", "password": password,
                                                 "csrftoken": _token(login.text)})
        assert response.status_code in (200, 302)
        yield client


def test_anonymous_visitors_cannot_write(editor_site):
    base, path = editor_site
    claim_id = _claim(path, "claim_type = 'target'")
    before = _corrections(path)
    with httpx.Client(base_url=base, timeout=30) as client:
        page = client.get(f"/pantau/claims/{claim_id}")
        assert page.status_code == 200 and "pantau-review-form" not in page.text
        refused = client.post("/-/review", data={"claim_id": claim_id, "action": "reject", "database": "pantau"})
        assert refused.status_code == 403 and "signed-in editors" in refused.text
    # a forged actor cookie is not a signature Datasette made
    with httpx.Client(base_url=base, timeout=30, cookies={"ds_actor": "eyJhIjp7ImlkIjoiYW5hIn19.forged"}) as forger:
        forged = forger.post("/-/review", data={"claim_id": claim_id, "action": "reject"})
        assert forged.status_code == 403
    with httpx.Client(base_url=base, timeout=30) as client:
        # the read-only guarantees of the server stay: SQL that writes is refused
        write_sql = client.get("/pantau.json", params={"sql": f"update claims set value = 1 where id = '{claim_id}'"})
        assert write_sql.status_code in (400, 403)
        assert client.get("/pantau/review_queue.json").status_code == 200  # reading the queue is public on this db
    assert _corrections(path) == before and _row(path, claim_id)["review_status"] == "unreviewed"


def test_wrong_password_does_not_sign_in(editor_site):
    base, path = editor_site
    with _sign_in(base, password="salah") as client:
        assert "ds_actor" not in client.cookies
        claim_id = _claim(path, "claim_type = 'achievement'")
        assert "pantau-review-form" not in client.get(f"/pantau/claims/{claim_id}").text


def test_editor_verifies_corrects_and_rejects_from_the_claim_page(editor_site):
    base, path = editor_site
    target = _claim(path, "claim_type = 'target' and target_year = 2024")
    figure = _claim(path, "claim_type = 'achievement' and metric is not null")
    context = _claim(path, "claim_type = 'other'")
    with _sign_in(base) as client:
        assert "ds_actor" in client.cookies
        page = client.get(f"/pantau/claims/{figure}")
        assert "pantau-review-form" in page.text and 'name="set.value"' in page.text
        token = _token(page.text.split("pantau-review-form", 1)[1])

        # without the page's CSRF token the post is refused by asgi-csrf
        no_token = client.post("/-/review", data={"claim_id": figure, "action": "verify", "database": "pantau"})
        assert no_token.status_code == 403

        old_value = _row(path, figure)["value"]
        corrected = client.post("/-/review", data={
            "csrftoken": token, "database": "pantau", "claim_id": figure, "action": "correct",
            "set.value": str(int(old_value) + 100000), "set.unit": _row(path, figure)["unit"],
            "note": "Angka dari siaran pers resmi"})
        assert corrected.status_code == 302, corrected.text
        assert corrected.headers["location"].endswith(f"/pantau/claims/{figure}")
        row = _row(path, figure)
        assert row["review_status"] == "corrected" and row["value"] == old_value + 100000

        bad = client.post("/-/review", data={"csrftoken": token, "database": "pantau", "claim_id": figure,
                                             "action": "correct", "set.target_year": "dua ribu"})
        assert bad.status_code == 400 and "target_year" in bad.text

        for claim_id, action, status in ((target, "verify", "verified"), (context, "reject", "rejected")):
            response = client.post("/-/review", data={"csrftoken": token, "database": "pantau",
                                                      "claim_id": claim_id, "action": action})
            assert response.status_code == 302, response.text
            assert _row(path, claim_id)["review_status"] == status

        shown = client.get(f"/pantau/claims/{figure}").text
        assert "Angka dari siaran pers resmi" in shown and "pantau-review-corrected" in shown
        assert "Review queue" in shown  # the editor's menu
    with sqlite3.connect(path) as conn:
        log = conn.execute("select action, editor, note from corrections order by id").fetchall()
    assert log[-3:] == [("correct", "ana", "Angka dari siaran pers resmi"), ("verify", "ana", None),
                        ("reject", "ana", None)]


def test_review_queue_lists_conflicting_claims_first(editor_site):
    base, _ = editor_site
    rows = httpx.get(f"{base}/pantau/review_queue.json", params={"_shape": "array"}, timeout=30).json()
    assert rows and all(r["claim_id"] for r in rows)
    flagged = [i for i, r in enumerate(rows) if r["conflict"]]
    assert flagged and flagged == list(range(len(flagged)))  # conflicts first
    rest = [r["confidence"] for r in rows[len(flagged):]]
    assert rest == sorted(rest)  # then the least confident


def test_editor_accounts_come_from_configuration(tmp_path):
    with pytest.raises(EditorConfigError, match="no editor accounts"):
        load_editors({})
    with pytest.raises(EditorConfigError, match="not a datasette-auth-passwords hash"):
        load_editors({"PANTAU_EDITORS": "ana:rahasia"})
    good = hash_password("x", iterations=1000)
    assert load_editors({"PANTAU_EDITORS": f"ana:{good}, budi:{good}"}) == {"ana": good, "budi": good}
    secrets = tmp_path / "editors.txt"
    secrets.write_text(f"# newsroom\nana:{good}\n")
    secrets.chmod(0o644)
    with pytest.raises(EditorConfigError, match="readable by others"):
        load_editors({"PANTAU_EDITORS_FILE": str(secrets)})
    secrets.chmod(0o600)
    assert load_editors({"PANTAU_EDITORS_FILE": str(secrets)}) == {"ana": good}
    metadata, env = editor_metadata(md.METADATA_FILE, "pantau", {"ana": good}, out_dir=tmp_path)
    assert good not in metadata.read_text() and good in env.values()  # hashes stay out of files
    assert (metadata.stat().st_mode & 0o077) == 0


def test_pantau_serve_editors_needs_accounts_and_then_lets_an_editor_in(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import REPO

    path = tmp_path / "pantau.db"
    sample.build_sample(path).close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_EDITORS")}
    refused = subprocess.run([sys.executable, "-m", "pantau.cli", "serve", "--editors", "--db", str(path), "--port",
                              str(free_port())], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0 and "no editor accounts" in refused.stderr

    port = free_port()
    env["PANTAU_EDITORS"] = f"ana:{hash_password(PASSWORD, iterations=1000)}"
    server = subprocess.Popen([sys.executable, "-m", "pantau.cli", "serve", "--editors", "--db", str(path), "--port",
                               str(port)], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        serve.wait_until_up(base, server)
        claim_id = _claim(path, "claim_type = 'target'")
        with _sign_in(base) as client:
            assert "pantau-review-form" in client.get(f"/pantau/claims/{claim_id}").text
    finally:
        server.terminate()
        server.wait(timeout=30)
