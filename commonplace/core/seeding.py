"""Demo and scale data, contributed by each app.

An app that has demo data defines ``demo.py`` with ``seed(log) -> list[DemoLogin]``; an app with
scale data defines ``scale.py`` with ``seed(log, options) -> list[DemoLogin] | None``. The commands
``seed_demo`` and ``seed_scale`` call them in INSTALLED_APPS order, so an app can rely on the ones
before it.

Demo logins go to ``VAR_DIR/demo-logins.json`` for people trying the site; scale logins go to
``VAR_DIR/bench-login.json`` for ``make bench``, with the role as its stable value
(``member``, ``steward``) so a script can pick one.
"""

import importlib
import importlib.util
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings


@dataclass(frozen=True)
class DemoLogin:
    role: str
    name: str
    email: str
    password: str


def _app_modules(module_name: str) -> Iterator:
    for config in apps.get_app_configs():
        if not config.name.startswith("commonplace."):
            continue
        full_name = f"{config.name}.{module_name}"
        if importlib.util.find_spec(full_name) is not None:
            yield importlib.import_module(full_name)


def seed_demo(log: Callable[[str], None]) -> list[DemoLogin]:
    logins: list[DemoLogin] = []
    for module in _app_modules("demo"):
        logins.extend(module.seed(log) or [])
    return logins


def seed_scale(log: Callable[[str], None], options: dict) -> list[DemoLogin]:
    logins: list[DemoLogin] = []
    for module in _app_modules("scale"):
        logins.extend(module.seed(log, options) or [])
    return logins


def demo_logins_path() -> Path:
    return settings.VAR_DIR / "demo-logins.json"


def bench_logins_path() -> Path:
    return settings.VAR_DIR / "bench-login.json"


def _save_logins(path: Path, logins: list[DemoLogin]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([asdict(login) for login in logins], indent=2), encoding="utf-8")
    # The file holds working passwords; keep other local accounts from reading it.
    os.chmod(path, 0o600)


def _load_logins(path: Path) -> list[DemoLogin]:
    try:
        return [DemoLogin(**row) for row in json.loads(path.read_text("utf-8"))]
    except (OSError, ValueError, TypeError):
        return []


def save_demo_logins(logins: list[DemoLogin]) -> None:
    _save_logins(demo_logins_path(), logins)


def load_demo_logins() -> list[DemoLogin]:
    return _load_logins(demo_logins_path())


def save_bench_logins(logins: list[DemoLogin]) -> None:
    _save_logins(bench_logins_path(), logins)


def load_bench_logins() -> list[DemoLogin]:
    return _load_logins(bench_logins_path())


def bench_paths_path() -> Path:
    return settings.VAR_DIR / "bench-paths.json"


def save_bench_paths(paths: dict[str, str]) -> None:
    """Addresses of pages made by ``seed_scale`` (a long thread, say) that ``make bench``
    opens by name; merged with those other apps saved."""
    path = bench_paths_path()
    try:
        known = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        known = {}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(known | paths, indent=2), encoding="utf-8")
