"""How the project is set up: one source for the version; every Python package locked with its
hashes, the lock in step with pyproject.toml; MkDocs kept below 2."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from paths import ROOT

import generator


def test_the_version_has_one_source():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"], "the version lives in generator/__init__.py only"
    assert project["project"]["dynamic"] == ["version"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "generator.__version__"}
    assert importlib.metadata.version("jtai-ready") == generator.__version__


LOCK = ROOT / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)((?:\s*\\\n\s*--hash=sha256:[0-9a-f]{64})+)", re.M)


def _pins() -> dict[str, tuple[str, int]]:
    """Package (normalised name) -> its pinned version and how many hashes it carries."""
    text = LOCK.read_text(encoding="utf-8")
    return {
        canonicalize_name(m.group(1)): (m.group(2), m.group(3).count("--hash="))
        for m in _PIN.finditer(text)
    }


def test_every_locked_package_is_pinned_with_hashes():
    text = LOCK.read_text(encoding="utf-8")
    requirements = [line for line in text.splitlines() if re.match(r"^[A-Za-z0-9]", line)]
    pins = _pins()
    assert len(pins) == len(requirements), "every line of the lock pins one version with hashes"
    assert all(hashes for _, hashes in pins.values())


def test_the_lock_satisfies_pyproject():
    """A dependency added to or changed in pyproject.toml without `make lock` fails here."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["test"],
        *project["build-system"]["requires"],
    ]
    pins = _pins()
    offenders = []
    for line in wanted:
        requirement = Requirement(line)
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None or not requirement.specifier.contains(pinned[0], prereleases=True):
            offenders.append(f"{line}: locked {pinned[0] if pinned else 'nowhere'}")
    assert not offenders, "run `make lock`:\n" + "\n".join(offenders)


def test_mkdocs_stays_below_2():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (mkdocs,) = [
        Requirement(r) for r in project["project"]["dependencies"] if r.startswith("mkdocs==")
    ]
    assert not mkdocs.specifier.contains("2.0.0", prereleases=True)
    assert Version(_pins()["mkdocs"][0]) < Version("2")
