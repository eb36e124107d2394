"""Reader input that once gave a 500: a lone quote in the search box, dates at the ends of the
calendar. Each gets an answer a reader can use (results, none, or a field error), never an
error page."""

from __future__ import annotations

import pytest

from drmonitor.newsroom.tests.discovery_support import publish, section

HOSTILE_QUERIES = ['"', '"ban', "ban\"'", "'", "(", "*", "ban OR", "NEAR(", "-", "^", ":"]


@pytest.fixture
def article(home):
    return publish(section(home, "editorial"), "Platform ban lifted", standfirst="Court orders.")


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_search_answers_punctuation_in_the_query(client, article, query):
    page = client.get("/search/", {"q": query})
    live = client.get("/search/live/", {"q": query})
    assert page.status_code == 200
    assert live.status_code == 200
    assert live.json()["query"] == query


def test_a_quoted_word_still_finds_the_article(client, article):
    live = client.get("/search/live/", {"q": '"ban'})
    assert [hit["title"] for hit in live.json()["results"]] == ["Platform ban lifted"]


@pytest.mark.parametrize(
    "dates",
    [
        {"from": "0001-01-01"},
        {"to": "9999-12-31"},
        {"from": "0001-01-01", "to": "9999-12-31"},
    ],
)
def test_search_takes_dates_at_the_ends_of_the_calendar(client, article, dates):
    response = client.get("/search/", {"q": "ban", **dates})
    assert response.status_code == 200
    assert "Platform ban lifted" in response.content.decode()
