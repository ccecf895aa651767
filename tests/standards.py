"""Validators for the standard formats, offline: IPTC ninjs 2.1 (the official schema in ../shared/schemas)
with Dateline's extension schema, through jsonschema; schema.org JSON-LD against a vendored subset of the
vocabulary (the types and properties Dateline uses)."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT.parent / "shared" / "schemas"
NINJS_ID = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
VOCABULARY = Path(__file__).resolve().parent / "data" / "schemaorg_subset.json"
LD_KEYWORDS = {"@context", "@type", "@id"}


@cache
def official_ninjs() -> dict[str, Any]:
    """IPTC's ninjs 2.1 schema (MIT), as published."""
    return dict(json.loads((SCHEMAS / "ninjs-schema_2.1.json").read_text(encoding="utf-8")))


def ninjs_validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A draft 2020-12 validator that checks formats and resolves ninjs 2.1 by its $id, offline."""
    official = Resource.from_contents(official_ninjs())
    registry: Registry[Any] = Registry().with_resources([(NINJS_ID, official), (NINJS_ID + "#", official)])
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_valid_ninjs(doc: dict[str, Any], extension: dict[str, Any]) -> None:
    """A ninjs reply is valid under the extension schema its `$schema` names, and, without the properties
    that extension adds, under IPTC's ninjs 2.1 itself."""
    assert doc["$schema"] == extension["$id"]
    errors = sorted(ninjs_validator(extension).iter_errors(doc), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    added = set(extension["properties"])
    core = {key: value for key, value in doc.items() if key not in added}
    errors = sorted(ninjs_validator(official_ninjs()).iter_errors(core), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


@cache
def vocabulary() -> dict[str, Any]:
    return dict(json.loads(VOCABULARY.read_text(encoding="utf-8")))


def _ancestors(kind: str) -> set[str]:
    types = vocabulary()["types"]
    assert kind in types, f"{kind} is not a schema.org type (in the vendored subset)"
    out = {kind}
    for parent in types[kind]:
        out |= _ancestors(parent)
    return out


def _literal_ok(value: Any, ranges: list[str]) -> bool:
    if not isinstance(value, str):
        return False
    if {"Date", "DateTime"} & set(ranges):
        try:
            dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if ranges == ["URL"]:
        return value.startswith(("http://", "https://"))
    return True


def assert_valid_schemaorg(node: Any, expected: list[str] | None = None) -> None:
    """Every node's @type is a schema.org type allowed where it stands, and every property belongs to its
    type (or a supertype) with a value of the property's range."""
    if isinstance(node, list):
        for item in node:
            assert_valid_schemaorg(item, expected)
        return
    assert isinstance(node, dict), node
    kinds = _ancestors(node["@type"])
    if expected is not None:
        assert kinds & set(expected), f"{node['@type']} where {expected} is expected"
    properties = vocabulary()["properties"]
    for key, value in node.items():
        if key in LD_KEYWORDS:
            continue
        assert key in properties, f"{key} is not a schema.org property (in the vendored subset)"
        spec = properties[key]
        assert kinds & set(spec["domain"]), f"{key} is not a property of {node['@type']}"
        if isinstance(value, dict | list) and (not isinstance(value, list) or any(isinstance(v, dict) for v in value)):
            assert_valid_schemaorg(value, spec["range"])
        else:
            for item in value if isinstance(value, list) else [value]:
                assert _literal_ok(item, spec["range"]), f"{key}: {item!r} is not a {spec['range']}"
