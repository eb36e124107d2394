"""The parts of newsroom pages that show other pages, kept until what they show changes.

`{% sidebar %}`, `{% teasers %}`, and an article's `{% category_line %}`, `{% prev_next %}` and
`{% article_asides %}` show other pages than the one being read. A page's own content is
rendered on every request; see docs/performance.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django import template
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

from drmonitor.core.caching import depends_on, keep, keep_many
from drmonitor.core.caching import keys as core_keys
from drmonitor.core.routing import page_url
from drmonitor.newsroom import hooks as newsroom_hooks
from drmonitor.newsroom import keys, listings, teaser_images
from drmonitor.newsroom.models import ArticlePage
from drmonitor.newsroom.teasers import Teaser, pool_for

register = template.Library()


def date_text(local: datetime) -> str:
    """The site's one date format, as the templates' `date:"j F Y"` writes it: 24 November
    2025. Written here without Django's format parser, which cost a teaser more than its link
    and its picture together."""
    return f"{local.day} {MONTHS[local.month]} {local.year}"


def _host(context) -> str:
    request = context.get("request")
    return request.get_host() if request is not None else ""


def _safe(html: str) -> SafeString:
    return mark_safe(html)  # noqa: S308 - rendered by our own templates, escaped there


@register.simple_tag(takes_context=True)
def sidebar(context, exclude: ArticlePage | None = None) -> SafeString:
    """The sidebar: the newest articles, About, follow links.

    Every page shows it and every publish changes it, so pages do not go stale with it: they
    show the new one when they expire (see core/caching/kept.py). An article's sidebar leaves
    the article itself out of "Recent", so the few newest articles each get their own copy.
    """
    newest = listings.recent_ids()
    left_out = exclude.pk if exclude is not None and exclude.pk in newest else None
    request = context.get("request")

    def render() -> str:
        shown = newest
        if left_out is not None:
            others = listings.live_articles().exclude(pk=left_out)
            shown = list(others.values_list("pk", flat=True)[: listings.SIDEBAR_RECENT])
        depends_on(*map(core_keys.page, shown))
        entries = pool_for(request).take(shown)
        recent = [teaser_context(teaser, "small", True, request) for teaser in entries]
        return render_to_string(
            "newsroom/includes/sidebar.html", {"recent_articles": recent}, request=request
        )

    name = f"sidebar:{_host(context)}:{left_out}"
    return _safe(keep(name, render, depends=[keys.ARTICLES], propagate=False))


def _article_part(context, name: str, article: ArticlePage, build) -> SafeString:
    """An article's part that shows other pages, rendered from `build()`'s context."""
    request = context.get("request")

    def render() -> str:
        return render_to_string(f"newsroom/includes/{name}.html", build(), request=request)

    return _safe(
        keep(f"{name}:{_host(context)}:{article.pk}", render, depends=[core_keys.page(article.pk)])
    )


@register.simple_tag(takes_context=True)
def category_line(context, article: ArticlePage) -> SafeString:
    """'in News, Court Updates': the article's section and the extra sections it is listed in."""

    def build() -> dict:
        sections = article.sections()
        depends_on(*(core_keys.page(section.pk) for section in sections))
        return {"article": article, "sections": sections}

    return _article_part(context, "category_line", article, build)


@register.simple_tag(takes_context=True)
def prev_next(context, article: ArticlePage) -> SafeString:
    """Links to the articles published just before and just after this one."""

    def build() -> dict:
        previous, following = article.neighbours()
        return {"previous_article": previous, "next_article": following}

    return _article_part(context, "prev_next", article, build)


@register.simple_tag(takes_context=True)
def teasers(context, ids: Sequence[int], size: str = "", compact: bool = False) -> SafeString:
    """The teasers of the articles with these ids, each kept until its article changes.

    An article's teaser is the same on the front page, in its sections, on its tags' pages and
    under related articles, and it is most of what a listing costs: the article's row, its
    byline and its picture. Only the teasers not kept are fetched, in one query, or with all
    the other teasers of the page (see teasers.pool_for).
    """
    request = context.get("request")

    def build(missing: list[int]) -> dict[int, tuple[str, list[str]]]:
        teaser = get_template("newsroom/includes/teaser.html").template
        built = {}
        for article in pool_for(request).take(missing):
            # A plain Context: the teaser needs no context processors, only what is given here.
            html = teaser.render(Context(teaser_context(article, size, compact, request)))
            shown = [core_keys.page(article.pk), *map(keys.author, article.byline_ids)]
            built[article.pk] = (html, shown)
        return built

    html = keep_many(f"teaser:{_host(context)}:{size}:{compact:d}", list(ids), build)
    return _safe("".join(html))


# The picture style of each teaser size; sizes not named here take "teaser".
PICTURE_STYLES = {"lead": "lead", "small": "thumb"}


def teaser_context(article: Teaser, size: str, compact: bool, request) -> dict:
    """All a teaser shows, worked out here rather than by the template's tags and filters."""
    local = timezone.localtime(article.date_published)
    image = article.featured_image if size != "rank" else None  # a ranked list shows none
    names = article.byline
    picture = teaser_images.picture(image, PICTURE_STYLES.get(size, "teaser")) if image else ""
    return {
        "article": article,
        "size": size,
        "href": page_url(article.url_path, request),
        "heading": "h2" if size == "lead" else "h3",
        "standfirst": "" if compact else article.standfirst,
        "picture": picture,
        "byline": " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names),
        "date_iso": local.isoformat(),
        "date_text": date_text(local),
    }


@register.simple_tag
def teaser_image(image, style: str = "teaser") -> SafeString:
    """A teaser's or sidebar entry's picture in one of teaser_images.STYLES."""
    return teaser_images.picture(image, style)


@register.simple_tag(takes_context=True)
def article_asides(context, article: ArticlePage) -> SafeString:
    """The boxes other apps add under an article (the tracker's "In the tracker")."""
    request = context.get("request")
    parts = (
        function(article, request) for function in hooks.get_hooks(newsroom_hooks.ARTICLE_ASIDES)
    )
    return _safe("".join(part for part in parts if part))
