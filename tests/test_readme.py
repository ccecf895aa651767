"""The README's examples use files that are in the repository."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```[a-z]*\n(.*?)```", re.DOTALL)
# A path into the repository as an example names it: after @ (curl), as an argument, or in open("...").
PATH = re.compile(r"(?<![\w/.])((?:tests|examples|app|bench)/[\w./*-]*[\w*/])")


def test_every_repository_path_in_the_readme_examples_exists() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    named = {match for block in BLOCK.findall(text) for match in PATH.findall(block)}
    assert {"tests/fixtures/harbour.txt", "examples/datasette-metadata.json"} <= named
    missing = sorted(path for path in named if not list(ROOT.glob(path.rstrip("/"))))
    assert not missing, f"README examples name files that are not in the repository: {missing}"


def test_the_files_docker_and_packaging_need_are_there() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    base = re.search(r"ARG PYTHON_IMAGE=(\S+)", dockerfile)
    assert base and re.fullmatch(r"python:3\.11\.\d+-slim-\w+", base.group(1)), "the base image is pinned"
    assert "HEALTHCHECK" in dockerfile and "WORKERS" in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "tests/"} <= set(ignored)
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text()
