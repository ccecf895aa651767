"""Story clusters: versions of one wire story share a cluster_id; an unrelated story on the same topic does not."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, post_text, story


def ids(reply: object) -> list[int]:
    """The ids of a list reply's items."""
    assert reply.status_code == 200, reply.text  # type: ignore[attr-defined]
    return [item["id"] for item in reply.json()["items"]]  # type: ignore[attr-defined]


def ingest_three(client: TestClient) -> tuple[dict, dict, dict]:
    """The first version, a re-lede with its own headline and a word changed, and another story on the topic."""
    first = post_text(client, story("wire_v1.txt"), published_at="2024-03-14T12:45:00Z").json()
    relede = post_text(client, story("wire_v2.txt"), published_at="2024-03-14T14:10:00Z").json()
    other = post_text(client, story("wire_other.txt"), published_at="2024-03-15T08:00:00Z").json()
    return first, relede, other


def test_versions_of_one_story_share_a_cluster_and_an_unrelated_story_does_not(client: TestClient) -> None:
    first, relede, other = ingest_three(client)
    assert first["headline"] != relede["headline"]
    assert first["cluster_id"] == first["id"]
    assert relede["cluster_id"] == first["id"]
    assert other["cluster_id"] == other["id"]
    assert client.get(f"/v1/articles/{relede['id']}").json()["cluster_id"] == first["id"]


def test_cluster_filter_and_the_cluster_of_an_article(client: TestClient) -> None:
    first, relede, other = ingest_three(client)
    assert sorted(ids(client.get("/v1/articles", params={"cluster_id": first["id"]}))) == [first["id"], relede["id"]]
    assert ids(client.get("/v1/articles", params={"cluster_id": other["id"]})) == [other["id"]]
    assert ids(client.get("/v1/articles", params={"cluster_id": relede["id"]})) == []  # not a cluster's id
    for member in (first, relede):
        cluster = client.get(f"/v1/articles/{member['id']}/cluster")
        assert ids(cluster) == [first["id"], relede["id"]]  # the first version first
        assert cluster.json()["total"] == 2
        assert {a["cluster_id"] for a in cluster.json()["items"]} == {first["id"]}
    assert ids(client.get(f"/v1/articles/{other['id']}/cluster")) == [other["id"]]
    assert_problem(client.get("/v1/articles/999999/cluster"), 404)


def test_collapse_keeps_one_version_per_cluster_in_lists_and_searches(client: TestClient) -> None:
    first, relede, other = ingest_three(client)
    assert sorted(ids(client.get("/v1/articles"))) == [first["id"], relede["id"], other["id"]]
    collapsed = client.get("/v1/articles", params={"collapse": "cluster"})
    assert ids(collapsed) == [other["id"], first["id"]]  # newest first, the cluster as its first version
    assert collapsed.json()["total"] == 2
    searched = client.get("/v1/articles", params={"q": "inflation", "collapse": "cluster"})
    assert sorted(ids(searched)) == [first["id"], other["id"]]
    assert sorted(ids(client.get("/v1/articles", params={"q": "inflation"}))) == [
        first["id"],
        relede["id"],
        other["id"],
    ]
    # Words only the re-lede has: the cluster is then represented by the re-lede, the first version that matches.
    only_relede = client.get("/v1/articles", params={"q": "beaten", "collapse": "cluster"})
    assert ids(only_relede) == [relede["id"]]
    assert_problem(client.get("/v1/articles", params={"collapse": "story"}), 422)


def test_the_order_of_arrival_names_the_cluster(client: TestClient) -> None:
    relede = post_text(client, story("wire_v2.txt")).json()
    first = post_text(client, story("wire_v1.txt")).json()
    assert relede["cluster_id"] == relede["id"]
    assert first["cluster_id"] == relede["id"]


def test_a_short_brief_stays_alone(client: TestClient) -> None:
    one = post_text(client, "Markets\n\nShares rose on Thursday, traders said.").json()
    two = post_text(client, "Markets today\n\nShares rose on Thursday, traders said.").json()
    assert (one["cluster_id"], two["cluster_id"]) == (one["id"], two["id"])
