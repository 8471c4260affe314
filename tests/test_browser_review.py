"""Headless Chromium, driven over the DevTools protocol like a person at the keyboard: an editor signs in on the login
page, opens a claim, corrects its value in the review form and saves; the claim page then shows it as corrected and
the review log has the decision. An anonymous browser gets no form. Screenshot: build/screenshots/review_claim.png."""

from __future__ import annotations

import asyncio
import base64
import json
import sqlite3
import subprocess
import tempfile
import time
import urllib.request

import aiohttp
import pytest

from conftest import free_port
from test_browser_datasette import SHOTS, chromium  # noqa: F401  (fixture)
from test_review_http import PASSWORD, editor_site  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Page:
    """One browser tab over the Chrome DevTools Protocol (a websocket)."""

    def __init__(self, ws):
        self.ws, self.next_id = ws, 0

    async def call(self, method: str, **params) -> dict:
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = await self.ws.receive_json(timeout=30)
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                return message.get("result", {})

    async def js(self, expression: str):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def settled(self, path_part: str, timeout: float = 30):
        """Wait until the tab shows a loaded page whose URL contains `path_part`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = await self.js("document.readyState + ' ' + location.href")
            if state and state.startswith("complete") and path_part in state:
                return
            await asyncio.sleep(0.2)
        raise TimeoutError(f"page {path_part} did not load: {state}")

    async def open(self, url: str, path_part: str):
        await self.call("Page.navigate", url=url)
        await self.settled(path_part)


async def _drive(port: int, base: str, claim_id: str, new_value: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
        tab = next(t for t in json.load(response) if t["type"] == "page")
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(tab["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            page = Page(ws)
            await page.call("Page.enable")
            out = {}
            await page.open(f"{base}/pantau/claims/{claim_id}", claim_id)
            out["anonymous_form"] = await page.js("!!document.querySelector('form.pantau-review-form')")

            await page.open(f"{base}/-/login", "/-/login")
            await page.js("document.querySelector('#id_username').value = 'ana';"
                          f"document.querySelector('#id_password').value = {json.dumps(PASSWORD)};"
                          "document.querySelector('form.password-login input[type=submit]').click()")
            await asyncio.sleep(1)
            await page.settled(base)

            await page.open(f"{base}/pantau/claims/{claim_id}", claim_id)
            out["editor_form"] = await page.js("!!document.querySelector('form.pantau-review-form')")
            await page.js("document.querySelector('form.pantau-review-form details').open = true;"
                          f"document.querySelector('#set-value').value = {json.dumps(new_value)};"
                          "document.querySelector('#review-note').value = 'Dikoreksi lewat peramban';"
                          "document.querySelector('button[value=correct]').click()")
            await asyncio.sleep(1)
            await page.settled(claim_id)
            out["status"] = await page.js("document.querySelector('.pantau-review-status').textContent")
            out["page"] = await page.js("document.body.innerText")
            shot = await page.call("Page.captureScreenshot", format="png")
            SHOTS.mkdir(parents=True, exist_ok=True)
            (SHOTS / "review_claim.png").write_bytes(base64.b64decode(shot["data"]))
            return out


def test_editor_corrects_a_claim_in_the_browser(chromium, editor_site):  # noqa: F811
    base, path = editor_site
    with sqlite3.connect(path) as conn:
        claim_id, value = conn.execute("select id, value from claims where claim_type = 'achievement' and "
                                       "review_status = 'unreviewed' order by id desc limit 1").fetchone()
    new_value = str(int(value) + 250000)
    port = free_port()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:  # Chromium helpers may still write into the profile as it exits
        browser = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
             "--disable-background-networking", "--disable-component-update", f"--remote-debugging-port={port}",
             "--remote-allow-origins=*", f"--user-data-dir={profile}", "--window-size=1300,1600", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=2).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            seen = asyncio.run(_drive(port, base, claim_id, new_value))
        finally:
            browser.terminate()
            browser.wait(timeout=15)
    assert seen["anonymous_form"] is False and seen["editor_form"] is True
    assert seen["status"] == "corrected"
    assert "Dikoreksi lewat peramban" in seen["page"]
    with sqlite3.connect(path) as conn:
        stored = conn.execute("select value, review_status from claims where id = ?", [claim_id]).fetchone()
        decision = conn.execute("select editor, action, note from corrections where current_claim_id = ? "
                                "order by id desc", [claim_id]).fetchone()
    assert stored == (float(new_value), "corrected")
    assert decision == ("ana", "correct", "Dikoreksi lewat peramban")
    assert (SHOTS / "review_claim.png").stat().st_size > 20_000
