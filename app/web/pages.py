"""HTML pages served by the app itself: server-rendered shells; charts and the dashboard read the JSON API."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from app.deps import IdPath, SessionDep
from app.errors import NotFound
from app.schemas import ArticleEntityOut, QuoteOut
from app.services import queries
from app.web.highlight import highlight

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
MARK = re.compile(r"(<mark>|</mark>)")


def static_files() -> StaticFiles:
    """The pages' CSS, JS and data files, to mount at /static."""
    return StaticFiles(directory=HERE / "static")


def safe_snippet(snippet: str | None) -> Markup | None:
    """A search snippet as HTML: the article text escaped, only the <mark> tags the search added kept."""
    if snippet is None:
        return None
    parts = MARK.split(snippet)
    keep = {"<mark>": Markup("<mark>"), "</mark>": Markup("</mark>")}
    opened = 0
    out = []
    for part in parts:
        if part in keep and (part == "<mark>") == (opened == 0):
            opened = 1 - opened
            out.append(keep[part])
        elif part not in keep:
            out.append(escape(part))
    if opened:
        out.append(Markup("</mark>"))
    return Markup("".join(out))


def is_web_url(value: object) -> bool:
    """Whether a stored URL is safe to link to: http(s) only, never javascript: or data:."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


templates.env.filters["snippet"] = safe_snippet
templates.env.tests["web_url"] = is_web_url


def not_found(request: Request, what: str) -> HTMLResponse:
    """A 404 page that says what was missing."""
    return templates.TemplateResponse(request, "404.html", {"what": what}, status_code=404)


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=500)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """The paste box and the recent articles, or those matching a search."""
    q = (q or "").strip() or None
    page = queries.list_articles(session, queries.ArticleFilters(q=q), queries.PageRequest(PAGE_SIZE, offset))
    return templates.TemplateResponse(request, "home.html", {"page": page, "q": q or ""})


def quote_types(quotes: list[QuoteOut]) -> Counter[str]:
    """How many quotes of each type an article has."""
    return Counter(q.type for q in quotes)


def entities_by_type(entities: list[ArticleEntityOut]) -> dict[str, list[ArticleEntityOut]]:
    """An article's entities grouped by type, most mentioned first within each."""
    groups: dict[str, list[ArticleEntityOut]] = {}
    for entity in sorted(entities, key=lambda e: (-len(e.mentions), e.name)):
        groups.setdefault(entity.type, []).append(entity)
    return dict(sorted(groups.items()))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: IdPath, session: SessionDep) -> HTMLResponse:
    """One article: its text with quotes and mentions marked, its quotes and its entities."""
    try:
        article = queries.get_article(session, article_id)
    except NotFound:
        return not_found(request, f"article {article_id}")
    context = {
        "article": article,
        "marked": highlight(article.text, article.quotes, article.entities),
        "quote_types": quote_types(article.quotes),
        "groups": entities_by_type(article.entities),
    }
    return templates.TemplateResponse(request, "article.html", context)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: IdPath, session: SessionDep) -> HTMLResponse:
    """One entity: counts, mentions over time, its quotes, the articles and entities it appears with."""
    try:
        entity = queries.entity_detail(session, entity_id, quotes_limit=50, related_limit=15)
    except NotFound:
        return not_found(request, f"entity {entity_id}")
    articles = queries.list_articles(session, queries.ArticleFilters(entity=str(entity_id)), queries.PageRequest(10))
    return templates.TemplateResponse(request, "entity.html", {"entity": entity, "articles": articles})


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    """Mentions over time, top speakers and entities, and a map of the countries in the news."""
    return templates.TemplateResponse(request, "dashboard.html", {})
