"""An article in standard news formats: IPTC ninjs 2.x and schema.org NewsArticle JSON-LD."""

from __future__ import annotations

from typing import Any

from app.schemas import ArticleOut

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
SCHEMA_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "EVENT": "Event",
    "PRODUCT": "Product",
    "WORK_OF_ART": "CreativeWork",
    "LAW": "Legislation",
    "LANGUAGE": "Language",
    "NORP": "Thing",
}
NINJS_GROUPS = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "places",
    "LOC": "places",
    "FAC": "places",
    "EVENT": "events",
}


def _quotes(article: ArticleOut) -> list[dict[str, Any]]:
    return [q.model_dump(mode="json", exclude={"snippet"}) for q in article.quotes]


def to_ninjs(article: ArticleOut, base_url: str) -> dict[str, Any]:
    """IPTC ninjs 2.1; quotes travel in the extension property `dateline:quotes`."""
    uri = f"{base_url}/v1/articles/{article.id}"
    doc: dict[str, Any] = {
        "$schema": NINJS_SCHEMA,
        "uri": article.url or uri,
        "type": "text",
        "profile": "dateline-article",
        "firstcreated": article.created_at.isoformat(),
        "versioncreated": article.created_at.isoformat(),
        "pubstatus": "usable",
        "language": article.language,
        "headlines": [{"role": "main", "value": article.headline}] if article.headline else [],
        "descriptions": (
            [{"role": "summary", "contenttype": "text/plain", "value": article.standfirst}]
            if article.standfirst
            else []
        ),
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": article.body}],
    }
    if article.published_at:
        doc["contentcreated"] = article.published_at
    if article.byline:
        doc["by"] = article.byline
    if article.dateline and article.dateline.agency:
        doc["infosources"] = [{"name": article.dateline.agency, "role": "source"}]
    if article.dateline and article.dateline.place:
        doc["located"] = article.dateline.place
    for entity in article.entities:
        group = NINJS_GROUPS.get(entity.type)
        if group is None:
            continue
        item: dict[str, Any] = {"name": entity.name, "uri": f"{base_url}/v1/entities/{entity.id}"}
        if entity.country_code:
            item["literal"] = entity.country_code
        doc.setdefault(group, []).append(item)
    doc["dateline:quotes"] = _quotes(article)
    return doc


def to_jsonld(article: ArticleOut, base_url: str) -> dict[str, Any]:
    """schema.org NewsArticle with `mentions` for entities and Quotation parts for quotes."""
    uri = f"{base_url}/v1/articles/{article.id}"
    by_id = {e.id: e for e in article.entities}

    def thing(entity_id: int) -> dict[str, Any]:
        entity = by_id[entity_id]
        node: dict[str, Any] = {
            "@type": SCHEMA_TYPES.get(entity.type, "Thing"),
            "@id": f"{base_url}/v1/entities/{entity.id}",
            "name": entity.name,
        }
        if entity.country_code:
            node["identifier"] = entity.country_code
        return node

    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": uri,
        "identifier": str(article.id),
        "url": article.url or uri,
        "headline": article.headline,
        "articleBody": article.body,
        "inLanguage": article.language,
        "dateCreated": article.created_at.isoformat(),
        "mentions": [thing(e.id) for e in article.entities],
        "hasPart": [
            {
                "@type": "Quotation",
                "text": q.text,
                "additionalType": q.type,
                **(
                    {"creator": thing(q.speaker.entity_id)}
                    if q.speaker and q.speaker.entity_id in by_id
                    else ({"creator": {"@type": "Person", "name": q.speaker.name}} if q.speaker else {})
                ),
            }
            for q in article.quotes
        ],
    }
    if article.standfirst:
        doc["description"] = article.standfirst
    if article.published_at:
        doc["datePublished"] = article.published_at
    if article.dateline:
        parts = [p for p in (article.dateline.place, article.dateline.date_text) if p]
        if parts:
            doc["dateline"] = ", ".join(parts)
        if article.dateline.agency:
            doc["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": article.dateline.agency}
    if article.byline:
        doc["author"] = {"@type": "Person", "name": article.byline.removeprefix("By ").strip()}
    return doc
