"""Site search: the results page and the live endpoint.

Database-agnostic on purpose: `make test` runs them on SQLite (FTS5) and CI runs them again with
DATABASE_URL pointing at PostgreSQL (full-text search with tsvector), through the same backend.
"""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from drmonitor.newsroom.factories import AuthorFactory, ImageFactory
from drmonitor.newsroom.search import PER_PAGE
from drmonitor.newsroom.tests.discovery_support import publish, section


def day(year: int, month: int, dd: int, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, dd, hour))


@pytest.fixture
def newsroom(home):
    """Four live articles and a draft, each findable by one thing only."""
    court_updates = section(home, "drm-exclusive", "court-updates")
    editorial = section(home, "editorial")
    media_news = section(home, "in-media", "news")
    qureshi = AuthorFactory(name="Zainab Qureshi", slug="zainab-qureshi")
    return {
        "body": publish(
            court_updates,
            "Court hears petition against the platform ban",
            standfirst="Lawyers asked the bench to lift the ban.",
            body="Counsel compared the blanket order to draining a pond to catch one zebrafish.",
            when=day(2024, 3, 12),
            image=ImageFactory(),
        ),
        "tag": publish(
            editorial,
            "What the new rules mean for readers",
            tags=["Surveillance"],
            when=day(2024, 6, 2),
        ),
        "author": publish(
            media_news,
            "Operators report slower mobile data",
            authors=[qureshi],
            when=day(2025, 1, 20),
        ),
        "extra": publish(
            editorial,
            "A second look at the platform ban",
            extra_sections=[court_updates],
            when=day(2025, 2, 1),
        ),
        "draft": publish(
            court_updates,
            "Unpublished note on the zebrafish hearing",
            body="zebrafish zebrafish",
            tags=["Surveillance"],
            live=False,
        ),
    }


def titles(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-hit__title a")]


def test_finds_a_word_that_is_only_in_the_body(client, newsroom):
    assert titles(client.get("/search/", {"q": "zebrafish"})) == [newsroom["body"].title]


def test_finds_articles_by_tag_and_by_author_given_in_the_same_publish(client, newsroom):
    assert titles(client.get("/search/", {"q": "surveillance"})) == [newsroom["tag"].title]
    assert titles(client.get("/search/", {"q": "Qureshi"})) == [newsroom["author"].title]
    assert titles(client.get("/search/", {"q": "zainab qureshi"})) == [newsroom["author"].title]


def test_every_word_must_match(client, newsroom):
    found = titles(client.get("/search/", {"q": "platform ban"}))
    assert sorted(found) == sorted([newsroom["body"].title, newsroom["extra"].title])
    assert titles(client.get("/search/", {"q": "platform surveillance"})) == []


def test_a_renamed_author_is_found_by_the_new_name(client, newsroom):
    author = newsroom["author"].authors()[0]
    author.name = "Zainab Qureshi-Malik"
    author.save()
    assert titles(client.get("/search/", {"q": "Malik"})) == [newsroom["author"].title]


def test_drafts_are_never_found(client, newsroom):
    found = titles(client.get("/search/", {"q": "zebrafish"}))
    assert newsroom["draft"].title not in found
    live = client.get("/search/live/", {"q": "Unpublished note"}).json()
    assert live["results"] == []


def test_section_filter_includes_child_sections_and_extra_sections(client, home, newsroom):
    exclusive = section(home, "drm-exclusive")
    found = titles(client.get("/search/", {"q": "ban", "section": exclusive.pk}))
    assert sorted(found) == sorted([newsroom["body"].title, newsroom["extra"].title])
    in_media = section(home, "in-media")
    assert titles(client.get("/search/", {"q": "ban", "section": in_media.pk})) == []


def test_tag_filter(client, newsroom):
    found = titles(client.get("/search/", {"tag": "surveillance"}))
    assert found == [newsroom["tag"].title]
    assert titles(client.get("/search/", {"q": "platform", "tag": "surveillance"})) == []


def test_the_chosen_filters_stay_chosen(client, home, newsroom):
    exclusive = section(home, "drm-exclusive")
    response = client.get("/search/", {"q": "ban", "section": exclusive.pk, "tag": "surveillance"})
    soup = BeautifulSoup(response.content, "html.parser")
    chosen = {
        select["name"]: [option.text for option in select.select("option[selected]")]
        for select in soup.select(".search-filters select")
    }
    assert chosen == {"section": ["DRM Exclusive"], "tag": ["Surveillance"], "order": []}
    tags = [option.text for option in soup.select("select[name=tag] option")]
    assert tags[0] == "Any tag" and "Surveillance" in tags


def test_date_range_filter_counts_whole_days(client, newsroom):
    found = titles(client.get("/search/", {"from": "2024-06-02", "to": "2025-01-20"}))
    assert found == [newsroom["author"].title, newsroom["tag"].title]  # newest first
    found = titles(client.get("/search/", {"q": "ban", "to": "2024-12-31"}))
    assert found == [newsroom["body"].title]


def test_sorting_newest_first(client, newsroom):
    found = titles(client.get("/search/", {"q": "ban", "order": "newest"}))
    assert found == [newsroom["extra"].title, newsroom["body"].title]


def test_bad_filter_input_gets_field_errors_not_a_crash(client, newsroom):
    response = client.get("/search/", {"q": "ban", "from": "yesterday", "to": "2024-01-01"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    errors = [p.get_text(strip=True) for p in soup.select(".field-error")]
    assert any("valid date" in error for error in errors)
    response = client.get("/search/", {"from": "2025-01-01", "to": "2024-01-01"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert "The end date is before the start date." in soup.select_one(".field-error").text


def test_results_are_paginated_and_keep_the_query(client, home):
    news = section(home, "drm-exclusive", "news")
    start = day(2024, 1, 1)
    for n in range(PER_PAGE + 2):
        publish(news, f"Firewall report {n:02d}", when=start + datetime.timedelta(days=n))
    first = client.get("/search/", {"q": "firewall", "order": "newest"})
    assert len(titles(first)) == PER_PAGE
    soup = BeautifulSoup(first.content, "html.parser")
    assert "12 results" in soup.select_one(".search-page__count").text
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert "q=firewall" in next_link and "order=newest" in next_link and "page=2" in next_link
    second = client.get("/search/" + next_link)
    assert titles(second) == ["Firewall report 01", "Firewall report 00"]
    assert client.get("/search/", {"q": "firewall", "page": 3}).status_code == 404


def test_no_result_page_says_so(client, newsroom):
    response = client.get("/search/", {"q": "qwxzkjv"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert "No Result" in soup.select_one(".search-page__count").text
    assert soup.select_one(".search-page__empty")


def test_search_responses_are_never_cached(client, newsroom):
    for path in ("/search/?q=ban", "/search/live/?q=ban", "/search/"):
        cache_control = client.get(path)["Cache-Control"]
        assert "no-cache" in cache_control and "private" in cache_control


def test_header_search_box_is_a_plain_get_form_to_the_results_page(client, home):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    form = soup.select_one("form.search-box")
    assert form["action"] == "/search/" and form["method"] == "get"
    assert form.select_one("input[name=q]")


# --- the live endpoint -----------------------------------------------------------------


def test_live_search_lists_matches_with_what_the_dropdown_shows(client, newsroom):
    data = client.get("/search/live/", {"q": "zebrafish"}).json()
    assert data["query"] == "zebrafish"
    assert data["all_url"] == "/search/?q=zebrafish"
    [hit] = data["results"]
    article = newsroom["body"]
    assert hit["title"] == article.title
    assert hit["url"] == article.url
    assert hit["date"].startswith("2024-03-12")
    assert hit["date_display"] == "12 March 2024"
    assert hit["thumbnail"].endswith(".png") or hit["thumbnail"].endswith(".jpg")


def test_live_search_completes_the_word_being_typed(client, newsroom):
    data = client.get("/search/live/", {"q": "Operators rep"}).json()
    assert [hit["title"] for hit in data["results"]] == [newsroom["author"].title]
    data = client.get("/search/live/", {"q": "surveil"}).json()
    assert [hit["title"] for hit in data["results"]] == [newsroom["tag"].title]


def test_live_search_answers_no_result(client, newsroom):
    data = client.get("/search/live/", {"q": "qwxzkjv"}).json()
    assert data["results"] == []
    assert client.get("/search/live/", {"q": "   "}).json()["results"] == []


def test_live_search_shows_at_most_six(client, home):
    news = section(home, "drm-exclusive", "news")
    for n in range(8):
        publish(news, f"Shutdown diary {n}")
    data = client.get("/search/live/", {"q": "shutdown"}).json()
    assert len(data["results"]) == 6


def test_live_search_queries_do_not_grow_with_the_results(
    client, home, django_assert_max_num_queries
):
    news = section(home, "drm-exclusive", "news")
    publish(news, "Throttling noted in one city", image=ImageFactory())
    client.get("/search/live/", {"q": "throttling"})  # renditions made once
    # One count per kind of result (articles, the tracker's records, campaigns, public
    # playlists), the private sections each kind of page leaves out (articles, campaigns), then
    # the hits with their pictures, bylines and sections.
    with django_assert_max_num_queries(15) as one:
        client.get("/search/live/", {"q": "throttling"})
    queries_for_one = len(one.captured_queries)  # read now: each request clears the log
    for n in range(5):
        publish(news, f"Throttling noted again {n}", image=ImageFactory())
    client.get("/search/live/", {"q": "throttling"})
    with django_assert_max_num_queries(queries_for_one):
        data = client.get("/search/live/", {"q": "throttling"}).json()
    assert len(data["results"]) == 6


def test_a_plain_query_is_indexable_under_one_address_and_the_rest_is_not(client, newsroom):
    def robots_and_canonical(params):
        soup = BeautifulSoup(client.get("/search/", params).content, "html.parser")
        robots = soup.select_one("meta[name=robots]")
        return (robots["content"] if robots else None), soup.select_one("link[rel=canonical]")[
            "href"
        ]

    assert robots_and_canonical({"q": "platform ban"}) == (
        None,
        "http://testserver/search/?q=platform+ban",
    )
    for narrowed in ({"q": "platform ban", "from": "2025-01-01"}, {"q": "nothing-matches-this"}):
        assert robots_and_canonical(narrowed)[0] == "noindex, follow"
