"""The API description, checked over every operation it lists (routes added later are covered too): names,
descriptions, examples, security on writes, and limits that match what the server enforces."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem

METHODS = {"get", "post", "put", "patch", "delete"}


def operations(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its $ref followed (refs into components only)."""
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/components/schemas/"), ref
        name = ref.rsplit("/", 1)[1]
        assert name in schema["components"]["schemas"], f"dangling $ref {ref}"
        node = schema["components"]["schemas"][name]
    return node


def all_refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from all_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_refs(value)


def has_example(schema: dict[str, Any], node: dict[str, Any]) -> bool:
    """Whether a body's schema shows an example: its own, or its items' (a page or an array of them)."""
    node = resolve(schema, node)
    if node.get("examples") or node.get("example") is not None:
        return True
    if node.get("type") == "array":
        return has_example(schema, node["items"])
    items = node.get("properties", {}).get("items")
    return items is not None and has_example(schema, items)


@pytest.fixture(scope="module")
def schema(served: TestClient) -> dict[str, Any]:
    response = served.get("/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def test_every_ref_resolves(schema: dict[str, Any]) -> None:
    refs = set(all_refs(schema))
    assert "#/components/schemas/ArticleIn" in refs
    for ref in refs:
        resolve(schema, {"$ref": ref})


def test_every_operation_has_a_name_a_summary_and_a_description(schema: dict[str, Any]) -> None:
    ids = []
    for path, method, operation in operations(schema):
        op_id = operation.get("operationId", "")
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)+", op_id), f"{method} {path}: operationId {op_id!r}"
        assert "_v1_" not in op_id, f"{method} {path}: {op_id!r} reads as a path, not a name"
        assert operation.get("summary"), f"{method} {path}: no summary"
        assert len(operation.get("description", "")) > 20, f"{method} {path}: no description"
        ids.append(op_id)
    assert len(ids) == len(set(ids))
    assert {"ingest_article", "list_articles", "get_article", "list_quotes", "list_entities"} <= set(ids)


def test_every_parameter_is_described(schema: dict[str, Any]) -> None:
    for path, method, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), f"{method} {path}: parameter {parameter['name']} has no description"


def test_every_tag_is_described(schema: dict[str, Any]) -> None:
    described = {tag["name"] for tag in schema.get("tags", []) if tag.get("description")}
    for path, method, operation in operations(schema):
        for tag in operation.get("tags", []):
            assert tag in described, f"{method} {path}: tag {tag} has no description"


def test_bodies_and_json_replies_show_examples(schema: dict[str, Any]) -> None:
    for path, method, operation in operations(schema):
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if body is not None:
            assert has_example(schema, body["schema"]), f"{method} {path}: request body without example"
        for status, reply in operation.get("responses", {}).items():
            for media, content in reply.get("content", {}).items():
                if "json" not in media or content.get("schema", {}).get("type") == "object":
                    continue  # ninjs and JSON-LD are described by their own standards
                shown = content.get("example") is not None or content.get("examples")
                assert shown or has_example(schema, content["schema"]), f"{method} {path} {status} {media}: no example"


def test_writes_declare_both_key_schemes(schema: dict[str, Any]) -> None:
    schemes = schema["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["apiKeyHeader"] == {**schemes["apiKeyHeader"], "type": "apiKey", "in": "header", "name": "X-API-Key"}
    writes = [(path, method, op) for path, method, op in operations(schema) if method != "get"]
    assert writes
    for path, method, operation in writes:
        required = {name for requirement in operation.get("security", []) for name in requirement}
        assert required == {"bearerAuth", "apiKeyHeader"}, f"{method} {path}: security {operation.get('security')}"


def test_writes_refuse_a_request_without_a_key(anonymous: TestClient, schema: dict[str, Any]) -> None:
    for path, method, _operation in operations(schema):
        if method == "get":
            continue
        url = path.replace("{article_id}", "1").replace("{entity_id}", "1")
        assert_problem(anonymous.request(method.upper(), url, json={"text": "x"}), 401)


def test_page_limit_documents_the_enforced_cap(schema: dict[str, Any], client: TestClient) -> None:
    cap = client.app.state.settings.max_page_size  # type: ignore[attr-defined]
    paged = [
        op
        for _, _, op in operations(schema)
        if "Page"
        in op["responses"]
        .get("200", {})
        .get("content", {})
        .get("application/json", {})
        .get("schema", {})
        .get("$ref", "")
    ]
    limits = [p for op in paged for p in op.get("parameters", []) if p["name"] == "limit"]
    assert len(limits) == len(paged) >= 3
    assert all(str(cap) in p["description"] and _bounds(p)["maximum"] == cap for p in limits)


def _bounds(parameter: dict[str, Any]) -> dict[str, Any]:
    schema = parameter["schema"]
    for option in schema.get("anyOf", [schema]):
        if option.get("type") in ("integer", "string"):
            return dict(option)
    return {}


def _value_for(parameter: dict[str, Any]) -> str:
    """A valid value for a required parameter."""
    bounds = _bounds(parameter)
    if "enum" in bounds:
        return str(bounds["enum"][0])
    return str(bounds.get("minimum", 1)) if bounds.get("type") == "integer" else "a"


def limit_cases(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, str], dict[str, str], str]]:
    """(path, params at a documented bound, the same past it, what is tested) for every bounded parameter."""
    for path, method, operation in operations(schema):
        if method != "get":
            continue
        parameters = operation.get("parameters", [])
        base = {p["name"]: _value_for(p) for p in parameters if p.get("required") and p["in"] == "query"}
        path_values = {p["name"]: "1" for p in parameters if p["in"] == "path"}
        for parameter in parameters:
            if parameter["in"] not in ("query", "path"):
                continue
            bounds = _bounds(parameter)
            edges: list[tuple[str, str]] = []
            if bounds.get("type") == "integer":
                if "maximum" in bounds:
                    edges.append((str(bounds["maximum"]), str(bounds["maximum"] + 1)))
                if "minimum" in bounds:
                    edges.append((str(bounds["minimum"]), str(bounds["minimum"] - 1)))
            elif "maxLength" in bounds:
                edges.append(("a" * bounds["maxLength"], "a" * (bounds["maxLength"] + 1)))
            for inside, outside in edges:
                name = parameter["name"]
                if parameter["in"] == "path":
                    inside_path = path.format(**{**path_values, name: inside})
                    outside_path = path.format(**{**path_values, name: outside})
                    yield inside_path, base, base, f"{name}={inside}"
                    yield outside_path, base, base, f"!{name}={outside}"
                else:
                    url = path.format(**path_values)
                    yield url, {**base, name: inside}, {**base, name: outside}, f"{name} at {len(inside)}"


def test_documented_limits_are_the_enforced_ones(schema: dict[str, Any], client: TestClient) -> None:
    checked = 0
    for url, inside, outside, what in limit_cases(schema):
        if what.startswith("!"):
            assert client.get(url, params=inside).status_code == 422, f"{url}: {what} is documented as refused"
            continue
        assert client.get(url, params=inside).status_code != 422, f"{url} {inside}: documented as allowed"
        if inside != outside:
            assert_problem(client.get(url, params=outside), 422)
        checked += 1
    assert checked > 20


def test_unknown_query_parameters_are_refused_by_name(schema: dict[str, Any], client: TestClient) -> None:
    for path, method, operation in operations(schema):
        if method != "get":
            continue
        url = path.format(**{p["name"]: "1" for p in operation.get("parameters", []) if p["in"] == "path"})
        body = assert_problem(client.get(url, params={"agncy": "TASS", "limt": "5"}), 422)
        assert "agncy" in body["detail"] and "limt" in body["detail"], (url, body["detail"])
        # What the refusal says the route takes is what its description documents, and nothing else.
        taken = body["detail"].split("This endpoint takes: ", 1)[1].rstrip(".")
        documented = sorted(p["name"] for p in operation.get("parameters", []) if p["in"] == "query")
        assert taken.split(", ") == documented or (taken == "none" and not documented), (url, taken, documented)


@pytest.mark.parametrize("url", ["/v1/articles", "/v1/stats/top?dimension=entity", "/v1/export/articles"])
def test_every_invalid_filter_is_named_in_one_reply(client: TestClient, url: str) -> None:
    bad = {"published_from": "2020-13-01", "cluster_id": "abc", "collapse": "story"}
    body = assert_problem(client.get(url, params=bad), 422)
    assert sorted(error["loc"] for error in body["errors"]) == sorted(bad), body
