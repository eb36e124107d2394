"""The parts of newsroom pages that show other pages, kept per content generation.

`{% sidebar %}`, `{% teasers %}`, and an article's `{% category_line %}` and `{% prev_next %}`
show other pages than the one being read, and change only when content does. A page's own
content is rendered on every request; see docs/performance.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe

from drmonitor.core.fragments import cached_fragment, cached_fragments, cached_value, keeps
from drmonitor.newsroom import listings, teaser_images
from drmonitor.newsroom.models import ArticlePage

register = template.Library()


@register.simple_tag(takes_context=True)
def sidebar(context, exclude: ArticlePage | None = None) -> SafeString:
    """The sidebar, rendered once per content generation.

    An article's sidebar leaves the article itself out of "Recent", so the few newest articles
    each get their own copy; every other page shares one.
    """
    newest = cached_value(
        "recent-ids",
        lambda: list(
            listings.live_articles().values_list("pk", flat=True)[: listings.SIDEBAR_RECENT]
        ),
    )
    left_out = exclude.pk if exclude is not None and exclude.pk in newest else None
    request = context.get("request")

    def render() -> str:
        recent = listings.recent_articles(exclude=exclude if left_out else None)
        return render_to_string(
            "newsroom/includes/sidebar.html", {"recent_articles": recent}, request=request
        )

    return cached_fragment("sidebar", left_out, render)


def _article_part(context, name: str, article: ArticlePage, build) -> SafeString:
    """An article's part that links to other pages, rendered from `build(kept)`'s context.

    In a preview the article is an unsaved revision, whose sections or date may differ from
    the live ones: the part is rendered afresh and nothing of it is kept.
    """
    request = context.get("request")
    kept = keeps(request)
    host = request.get_host() if request is not None else ""

    def render() -> str:
        return render_to_string(f"newsroom/includes/{name}.html", build(kept), request=request)

    return cached_fragment(name, f"{host}:{article.pk}", render, kept=kept)


@register.simple_tag(takes_context=True)
def category_line(context, article: ArticlePage) -> SafeString:
    """'in News, Court Updates': the article's section and the extra sections it is listed in."""
    return _article_part(context, "category_line", article, lambda kept: {"article": article})


@register.simple_tag(takes_context=True)
def prev_next(context, article: ArticlePage) -> SafeString:
    """Links to the articles published just before and just after this one."""

    def build(kept: bool) -> dict:
        previous, following = listings.previous_and_next(article, kept=kept)
        return {"previous_article": previous, "next_article": following}

    return _article_part(context, "prev_next", article, build)


@register.simple_tag(takes_context=True)
def teasers(context, ids: Sequence[int], size: str = "", compact: bool = False) -> SafeString:
    """The teasers of the articles with these ids, each rendered once per content generation.

    An article's teaser is the same on the front page, in its sections, on its tags' pages and
    under related articles, and it is most of what a listing costs: the article's row, its
    byline and its picture. Only the teasers not kept are fetched, in one query.
    """
    request = context.get("request")
    host = request.get_host() if request is not None else ""

    def render(missing: list[int]) -> dict[int, str]:
        teaser = get_template("newsroom/includes/teaser.html").template
        # A plain Context: the teaser needs no context processors, only what is given here.
        return {
            article.pk: teaser.render(
                Context({"article": article, "size": size, "compact": compact, "request": request})
            )
            for article in listings.teasers_for(missing)
        }

    html = cached_fragments("teaser", f"{host}:{size}:{compact:d}", ids, render)
    return mark_safe("".join(html))  # noqa: S308 - each teaser was escaped by its template


@register.simple_tag
def teaser_image(image, style: str = "teaser") -> SafeString:
    """A teaser's or sidebar entry's picture in one of teaser_images.STYLES."""
    return teaser_images.picture(image, style)
