"""Ingest as jobs, run in-process (no QUEUE_URL): async POSTs, batches, the jobs API, re-extraction."""

from __future__ import annotations

import json
import time
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy import text as sql

from tests.api.helpers import article_count, assert_problem, story
from tests.robustness.invariants import store_problems
from tests.robustness.textgen import story as generated_story

ASYNC = {"Prefer": "respond-async", "Content-Type": "text/plain"}
NDJSON = {"Content-Type": "application/x-ndjson"}


def wait_for(client: TestClient, location: str, timeout: float = 90.0) -> dict[str, Any]:
    """Poll a job until it is done or failed."""
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(location).json()
        if job["state"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


def wait_for_batch(client: TestClient, location: str, timeout: float = 120.0) -> dict[str, Any]:
    """Poll a batch until every line's job is done or failed."""
    deadline = time.monotonic() + timeout
    while True:
        batch = client.get(location, params={"limit": 100}).json()
        if batch["finished"] or time.monotonic() > deadline:
            return batch
        time.sleep(0.1)


def mark_extracted_by(client: TestClient, article_id: int, version: str) -> None:
    """Pretend an older extractor made an article's rows (as after an upgrade)."""
    engine = create_engine(client.app.state.settings.database_url)  # type: ignore[attr-defined]
    with engine.begin() as conn:
        conn.execute(sql("UPDATE articles SET extractor_version = :v WHERE id = :id"), {"v": version, "id": article_id})
        conn.execute(
            sql("UPDATE quotes SET extractor_version = :v WHERE article_id = :id"), {"v": version, "id": article_id}
        )
    engine.dispose()


def test_async_posts_are_202_with_a_job_location_and_end_as_one_article_per_text(client: TestClient) -> None:
    texts = [generated_story(seed) for seed in range(6)]
    locations = []
    for text in texts:
        reply = client.post("/v1/articles", content=text.encode(), headers=ASYNC)
        assert reply.status_code == 202, reply.text
        assert reply.headers["Preference-Applied"] == "respond-async"
        job = reply.json()
        assert reply.headers["Location"] == f"/v1/jobs/{job['id']}"
        assert job["kind"] == "ingest" and job["state"] in ("queued", "running", "done")
        locations.append(reply.headers["Location"])
    jobs = [wait_for(client, loc) for loc in locations]
    assert [j["state"] for j in jobs] == ["done"] * len(texts)
    assert all(j["outcome"] == "created" for j in jobs)
    assert len({j["article_id"] for j in jobs}) == len(texts)
    assert article_count(client) == len(texts)
    for job, text in zip(jobs, texts, strict=True):
        assert client.get(job["article"]).json()["text"] == text
    assert store_problems(str(client.app.state.settings.database_url)) == []  # type: ignore[attr-defined]


def test_an_async_repeat_of_a_stored_text_ends_as_a_duplicate_of_it(client: TestClient) -> None:
    text = story("harbour.txt")
    first = wait_for(client, client.post("/v1/articles", content=text.encode(), headers=ASYNC).headers["Location"])
    again = wait_for(client, client.post("/v1/articles", content=text.encode(), headers=ASYNC).headers["Location"])
    assert (first["outcome"], again["outcome"]) == ("created", "duplicate")
    assert again["article_id"] == first["article_id"]
    assert article_count(client) == 1


def test_without_prefer_the_post_stays_synchronous(client: TestClient) -> None:
    reply = client.post("/v1/articles", content=story("senate.txt").encode(), headers={"Content-Type": "text/plain"})
    assert reply.status_code == 201
    assert "Preference-Applied" not in reply.headers
    assert reply.headers["Location"].startswith("/v1/articles/")
    assert client.get("/v1/jobs").json()["total"] == 0


def test_bad_text_sent_async_is_refused_at_once_and_queues_nothing(client: TestClient) -> None:
    assert_problem(client.post("/v1/articles", content=b"   \n ", headers=ASYNC), 400)
    assert_problem(client.post("/v1/articles", content=b"a\x00b", headers=ASYNC), 400)
    assert client.get("/v1/jobs").json()["total"] == 0


def test_queueing_needs_the_write_key(anonymous: TestClient) -> None:
    assert_problem(anonymous.post("/v1/articles", content=b"Some text.", headers=ASYNC), 401)
    assert_problem(anonymous.post("/v1/batches", content=b'{"text": "x"}\n', headers=NDJSON), 401)
    assert_problem(anonymous.post("/v1/articles/1/reprocess"), 401)


def test_an_idempotency_key_replays_the_queued_reply(client: TestClient) -> None:
    headers = {**ASYNC, "Idempotency-Key": "async-1"}
    first = client.post("/v1/articles", content=story("followup.txt").encode(), headers=headers)
    again = client.post("/v1/articles", content=story("followup.txt").encode(), headers=headers)
    assert first.status_code == again.status_code == 202
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["Preference-Applied"] == "respond-async"
    assert client.get("/v1/jobs").json()["total"] == 1
    assert wait_for(client, first.headers["Location"])["state"] == "done"


def test_a_batch_queues_one_job_per_line_and_a_bad_line_fails_alone(client: TestClient) -> None:
    good = [generated_story(100 + n) for n in range(3)]
    lines = [
        json.dumps({"text": good[0], "source": "TASS", "published_at": "2019-03-28"}),
        "not json at all",
        "",  # blank lines are skipped, the numbering follows the body
        json.dumps({"text": "   "}),
        json.dumps({"text": good[1]}),
        json.dumps({"text": good[2], "published_at": "yesterday"}),
        json.dumps({"text": good[1]}),  # the same text again: a duplicate of line 5
    ]
    reply = client.post("/v1/batches", content="\n".join(lines).encode(), headers=NDJSON)
    assert reply.status_code == 202, reply.text
    created = reply.json()
    assert reply.headers["Location"] == f"/v1/batches/{created['id']}"
    assert created["size"] == 6
    batch = wait_for_batch(client, reply.headers["Location"])
    assert batch["counts"] == {"queued": 0, "running": 0, "done": 3, "failed": 3}
    results = {item["line"]: item for item in batch["results"]["items"]}
    assert sorted(results) == [1, 2, 4, 5, 6, 7]
    assert [results[n]["state"] for n in (1, 2, 4, 5, 6, 7)] == ["done", "failed", "failed", "done", "failed", "done"]
    assert results[2]["error"]["status"] == 400 and results[2]["error"]["detail"].startswith("line 2:")
    assert results[4]["error"]["status"] == 400
    assert results[6]["error"]["status"] == 422 and "published_at" in results[6]["error"]["detail"]
    assert results[7]["outcome"] == "duplicate" and results[7]["article_id"] == results[5]["article_id"]
    assert article_count(client) == 2
    stored = client.get(results[1]["article"]).json()
    assert stored["source"] == "TASS" and stored["published_at"] == "2019-03-28"


def test_batch_results_come_in_pages(client: TestClient) -> None:
    lines = "\n".join(json.dumps({"text": ""}) for _ in range(5))
    location = client.post("/v1/batches", content=lines.encode(), headers=NDJSON).headers["Location"]
    page = client.get(location, params={"limit": 2, "offset": 2})
    body = page.json()
    assert [item["line"] for item in body["results"]["items"]] == [3, 4]
    assert body["results"]["total"] == 5 and body["results"]["next_offset"] == 4
    assert 'rel="next"' in page.headers["Link"]


def test_batches_refuse_what_they_cannot_read(client: TestClient) -> None:
    assert_problem(client.post("/v1/batches", content=b'{"text": "a"}', headers={"Content-Type": "text/csv"}), 415)
    assert_problem(client.post("/v1/batches", content=b"\n\n", headers=NDJSON), 400)
    limit = client.app.state.settings.max_batch_lines  # type: ignore[attr-defined]
    too_many = "\n".join(json.dumps({"text": f"story {n}"}) for n in range(limit + 1))
    assert_problem(client.post("/v1/batches", content=too_many.encode(), headers=NDJSON), 413)
    assert client.get("/v1/jobs").json()["total"] == 0


def test_failed_jobs_are_listed_with_their_problem(client: TestClient) -> None:
    client.post("/v1/batches", content=b'{"text": 5}\n{"nope": 1}\n', headers=NDJSON)
    failed = client.get("/v1/jobs", params={"state": "failed"}).json()
    assert failed["total"] == 2
    for job in failed["items"]:
        assert set(job["error"]) >= {"title", "status", "detail"} and job["error"]["status"] == 422
    assert client.get("/v1/jobs", params={"state": "done"}).json()["total"] == 0
    assert_problem(client.get("/v1/jobs", params={"state": "lost"}), 422)
    assert_problem(client.get("/v1/jobs/999999"), 404)
    assert_problem(client.get("/v1/batches/999999"), 404)


def test_reprocess_keeps_the_article_and_replaces_its_extraction(client: TestClient) -> None:
    created = client.post("/v1/articles", content=story("senate.txt").encode(), headers={"Content-Type": "text/plain"})
    article = created.json()
    mark_extracted_by(client, article["id"], "0.0-old")
    reply = client.post(f"/v1/articles/{article['id']}/reprocess")
    assert reply.status_code == 202
    job = wait_for(client, reply.headers["Location"])
    assert (job["kind"], job["state"], job["outcome"], job["article_id"]) == (
        "reprocess",
        "done",
        "reprocessed",
        article["id"],
    )
    again = client.get(f"/v1/articles/{article['id']}").json()
    assert (again["id"], again["text"], again["created_at"]) == (article["id"], article["text"], article["created_at"])
    assert [(q["start"], q["end"]) for q in again["quotes"]] == [(q["start"], q["end"]) for q in article["quotes"]]
    assert again["extractor_version"] == article["extractor_version"]  # written anew by the running extractor
    assert article_count(client) == 1
    assert store_problems(str(client.app.state.settings.database_url)) == []  # type: ignore[attr-defined]
    assert_problem(client.post("/v1/articles/999999/reprocess"), 404)


def test_metrics_count_requests_by_route_template_and_jobs_by_state(client: TestClient) -> None:
    location = client.post("/v1/articles", content=story("harbour.txt").encode(), headers=ASYNC).headers["Location"]
    wait_for(client, location)
    text = client.get("/metrics").text
    assert 'route="/v1/jobs/{job_id}"' in text
    assert f'route="{location}"' not in text  # never the raw path
    assert 'dateline_jobs{state="done"} 1.0' in text
    assert "dateline_queue_depth 0.0" in text
    assert "dateline_extraction_seconds_count" in text


def test_readyz_says_the_database_answers_and_jobs_run_here(client: TestClient) -> None:
    reply = client.get("/readyz")
    assert reply.status_code == 200
    assert reply.json() == {"status": "ready", "database": "ok", "broker": "embedded"}


def test_an_async_web_page_is_queued_with_its_html_and_extracted_by_the_job(client: TestClient) -> None:
    page = (story("webpage.html")).encode()
    reply = client.post("/v1/articles", content=page, headers={"Prefer": "respond-async", "Content-Type": "text/html"})
    assert reply.status_code == 202, reply.text
    job = wait_for(client, reply.headers["Location"])
    assert job["state"] == "done", job
    article = client.get(f"/v1/articles/{job['article_id']}").json()
    assert article["headline"] == "Valley farmers win water deal after drought talks"


def test_reprocess_rebuilds_the_story_bands_and_keeps_cluster_and_statements(client: TestClient) -> None:
    first = client.post("/v1/articles", content=story("wire_v1.txt").encode(), headers={"Content-Type": "text/plain"})
    article = first.json()
    engine = create_engine(client.app.state.settings.database_url)  # type: ignore[attr-defined]
    with engine.begin() as conn:  # as an article stored before bands existed
        conn.execute(sql("DELETE FROM article_bands WHERE article_id = :id"), {"id": article["id"]})
        conn.execute(sql("UPDATE articles SET minhash = NULL WHERE id = :id"), {"id": article["id"]})
    job = wait_for(client, client.post(f"/v1/articles/{article['id']}/reprocess").headers["Location"])
    assert job["state"] == "done", job
    with engine.connect() as conn:
        bands = conn.execute(sql("SELECT count(*) FROM article_bands WHERE article_id = :id"), {"id": article["id"]})
        assert bands.scalar() > 0
    engine.dispose()
    second = client.post("/v1/articles", content=story("wire_v2.txt").encode(), headers={"Content-Type": "text/plain"})
    assert second.json()["cluster_id"] == article["cluster_id"]  # the rebuilt bands find the first version
    again = client.get(f"/v1/articles/{article['id']}").json()
    assert all(q["statement_id"] for q in again["quotes"])


def test_a_batch_uploaded_as_a_file_of_lines_is_queued_like_ndjson(client: TestClient) -> None:
    lines = [json.dumps({"text": generated_story(seed)}) for seed in (41, 42)]
    headers = {"Content-Type": "application/octet-stream"}
    reply = client.post("/v1/batches", content="\n".join(lines).encode(), headers=headers)
    assert reply.status_code == 202, reply.text
    batch = wait_for_batch(client, reply.headers["Location"])
    assert batch["counts"].get("done") == 2, batch
