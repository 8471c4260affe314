"""Editor mode of `pantau serve --editors`: who may sign in, and the Datasette configuration that lets them review.

Accounts come from configuration outside the repository, never from a file in it:
- `PANTAU_EDITORS`: `name:HASH` entries separated by spaces, commas or new lines, or
- `PANTAU_EDITORS_FILE`: a file (outside the repository; readable by its owner only) with one `name:HASH` a line.
HASH is a datasette-auth-passwords hash (`datasette hash-password`, pbkdf2_sha256). The hashes reach Datasette as
environment variables referenced by `{"$env": ...}` in a generated metadata file, so they are never written to disk.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV_EDITORS = "PANTAU_EDITORS"
ENV_EDITORS_FILE = "PANTAU_EDITORS_FILE"
_NAME = re.compile(r"^[a-z][a-z0-9.-]{0,39}$")  # no "_": datasette-auth-passwords keys accounts as NAME_password_hash
_HASH = re.compile(r"^pbkdf2_sha256\$\d+\$[^$\s]+\$[A-Za-z0-9+/=]+$")
HOW = (f"set {ENV_EDITORS}='name:HASH ...' or {ENV_EDITORS_FILE}=/path/outside/the/repo "
       "(HASH from `datasette hash-password`)")


class EditorConfigError(ValueError):
    """Editor accounts missing or malformed: `pantau serve --editors` refuses to start."""


def _read_file(path_text: str) -> str:
    path = Path(path_text).expanduser().resolve()
    if not path.is_file():
        raise EditorConfigError(f"{ENV_EDITORS_FILE}: no file {path}")
    if path.is_relative_to(REPO):
        raise EditorConfigError(f"{ENV_EDITORS_FILE}: {path} is inside the repository; keep credentials outside it")
    if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise EditorConfigError(f"{ENV_EDITORS_FILE}: {path} is readable by others; chmod 600 it")
    return path.read_text(encoding="utf-8")


def load_editors(environ=None) -> dict[str, str]:
    """{name: password hash} from the environment; raises EditorConfigError naming what is wrong."""
    environ = os.environ if environ is None else environ
    text = environ.get(ENV_EDITORS) or ""
    if environ.get(ENV_EDITORS_FILE):
        text += "\n" + _read_file(environ[ENV_EDITORS_FILE])
    text = re.sub(r"#[^\n]*", "", text)  # comments run to the end of the line
    editors = {}
    for entry in re.split(r"[\s,]+", text.strip()):
        if not entry:
            continue
        name, sep, password_hash = entry.partition(":")
        if not sep or not _NAME.match(name):
            raise EditorConfigError(f"bad editor entry {entry.split(':')[0]!r}: want name:HASH with a lower-case name "
                                    "(letters, digits, '.', '-')")
        if not _HASH.match(password_hash):
            raise EditorConfigError(f"editor {name!r}: not a datasette-auth-passwords hash (pbkdf2_sha256$...)")
        editors[name] = password_hash
    if not editors:
        raise EditorConfigError(f"no editor accounts: {HOW}")
    return editors


def editor_metadata(metadata_path, db_name: str, editors: dict[str, str], out_dir=None) -> tuple[Path, dict]:
    """A copy of the metadata that turns editor mode on, and the environment variables holding the hashes.

    Returns (metadata path, env). The file (mode 600, in the temp folder) names the hashes only as `$env` references.
    """
    metadata = json.loads(Path(metadata_path).read_text(encoding="utf-8"))
    plugins = metadata.setdefault("plugins", {})
    env, accounts = {}, {}
    for number, name in enumerate(sorted(editors)):
        variable = f"PANTAU_EDITOR_HASH_{number}"
        env[variable] = editors[name]
        accounts[f"{name}_password_hash"] = {"$env": variable}
    accounts["actors"] = {name: {"id": name, "role": "editor"} for name in sorted(editors)}
    plugins["datasette-auth-passwords"] = accounts
    plugins["pantau-review"] = {"editors": sorted(editors), "database": db_name}
    handle, path = tempfile.mkstemp(prefix=f"pantau-editors-{db_name}-", suffix=".json", dir=out_dir)
    with os.fdopen(handle, "w", encoding="utf-8") as out:  # mkstemp creates it readable by its owner only
        json.dump(metadata, out, ensure_ascii=False, indent=1)
    return Path(path), env
