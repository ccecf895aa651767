"""An article in standard news formats: IPTC ninjs 2.x and schema.org NewsArticle JSON-LD."""

from __future__ import annotations

from typing import Any

from app.schemas import ArticleOut, QuoteOut

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
# Where the app serves its extension of ninjs 2.1 (IPTC's pattern: a schema of the publisher's own that takes
# in ninjsType and adds properties; ninjs documents name it in `$schema`).
EXTENSION_PATH = "/v1/schemas/ninjs"
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


def ninjs_extension(base_url: str) -> dict[str, Any]:
    """The JSON Schema of Dateline's ninjs: every property of IPTC ninjs 2.1, plus `$schema` and the
    `dateline:` properties, nothing else (draft 2020-12, as ninjs 2.1 itself)."""
    quote = QuoteOut.model_json_schema(ref_template="#/$defs/{model}")
    defs = quote.pop("$defs", {})
    quote["properties"].pop("snippet", None)
    defs["Quote"] = quote
    url = base_url + EXTENSION_PATH
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": url,
        "title": "Dateline's extension of IPTC ninjs 2.1",
        "description": "All properties of IPTC ninjs 2.1, plus the properties Dateline adds (prefixed dateline:).",
        "type": "object",
        "allOf": [{"$ref": f"{NINJS_SCHEMA}#/$defs/ninjsType"}],
        "required": ["uri"],
        "properties": {
            "$schema": {"description": "This schema's URL", "type": "string", "const": url},
            "dateline:quotes": {
                "description": "The article's quotes, each with its speaker and character offsets into the text",
                "type": "array",
                "items": {"$ref": "#/$defs/Quote"},
            },
            "dateline:published_at": {
                "description": "Publication date or date-time as submitted (a bare date has no contentcreated)",
                "type": "string",
            },
            "dateline:url": {"description": "Where the article was published, as submitted", "type": "string"},
            "dateline:source": {"description": "Publisher or feed, as submitted", "type": "string"},
        },
        "unevaluatedProperties": False,
        "$defs": defs,
    }


def to_ninjs(article: ArticleOut, base_url: str) -> dict[str, Any]:
    """IPTC ninjs 2.1 under Dateline's extension schema; quotes travel in `dateline:quotes`."""
    uri = f"{base_url}/v1/articles/{article.id}"
    extension = base_url + EXTENSION_PATH
    doc: dict[str, Any] = {
        "$schema": extension,
        "uri": uri,
        "standard": {"name": "ninjs", "version": "2.1", "schema": extension},
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
        doc["dateline:published_at"] = article.published_at
        if "T" in article.published_at:  # contentcreated is a date-time; a bare date stays in the extension
            doc["contentcreated"] = article.published_at
    if article.url:
        doc["dateline:url"] = article.url
    if article.source:
        doc["dateline:source"] = article.source
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
