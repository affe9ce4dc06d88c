"""The French catalogue is complete: every string in the code and templates has a French
translation, and none is fuzzy. The catalogue is regenerated from the current source in a copy
of the project, so a new string without its French fails here, even before `make messages`."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def parse_po(text: str) -> list[dict]:
    """Entries of a .po file: msgid, msgstr (all plural forms), and flags."""
    entries, current, field = [], None, None
    for line in text.splitlines():
        if not line.strip():
            if current:
                entries.append(current)
            current, field = None, None
            continue
        current = current or {"flags": set(), "msgid": "", "msgstr": [], "obsolete": False}
        if line.startswith("#~"):
            current["obsolete"] = True
        elif line.startswith("#,"):
            current["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif match := re.match(r'^(msgid|msgid_plural|msgctxt|msgstr(?:\[\d+\])?) "(.*)"$', line):
            field = match.group(1)
            if field.startswith("msgstr"):
                current["msgstr"].append(match.group(2))
            elif field == "msgid":
                current["msgid"] = match.group(2)
        elif line.startswith('"') and field:
            if field.startswith("msgstr"):
                current["msgstr"][-1] += line[1:-1]
            elif field == "msgid":
                current["msgid"] += line[1:-1]
    if current:
        entries.append(current)
    return [entry for entry in entries if entry["msgid"] and not entry["obsolete"]]


def problems(entries: list[dict]) -> list[str]:
    found = []
    for entry in entries:
        if "fuzzy" in entry["flags"]:
            found.append(f"fuzzy: {entry['msgid']!r}")
        elif not entry["msgstr"] or not all(entry["msgstr"]):
            found.append(f"untranslated: {entry['msgid']!r}")
    return found


def test_the_french_catalogue_in_the_repository_is_complete():
    catalogue = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    entries = parse_po(catalogue.read_text("utf-8"))
    assert len(entries) > 100
    assert problems(entries) == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_every_string_in_the_current_source_has_a_french_translation(tmp_path):
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("commonplace", "templates", "locale", "static"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    env = {**os.environ, "DEBUG": "true", "VAR_DIR": str(tmp_path / "var")}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "fr", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    entries = parse_po((copy / "locale" / "fr" / "LC_MESSAGES" / "django.po").read_text("utf-8"))
    assert problems(entries) == [], "Run `make messages` and translate these in locale/fr"
