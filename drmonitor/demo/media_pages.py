"""Vodcast series, episodes and infographics from the demo's files (series.yaml, and the
`episode:` or `infographic:` fields of an article in those sections).

An episode or an infographic is an article with more fields, so the loader makes it where it
makes any article (publication.py), asking here for the page of the right kind.
"""

from __future__ import annotations

from drmonitor.demo.media import MediaLibrary
from drmonitor.demo.reading import Article, DemoContentError, Located
from drmonitor.demo.saving import reported, save_checked
from drmonitor.demo.schema import EpisodeSpec, InfographicSpec, SeriesSpec
from drmonitor.media.models import (
    EpisodeCaptions,
    EpisodePage,
    InfographicPage,
    Season,
    SeriesPage,
)
from drmonitor.newsroom.models import ArticlePage
from drmonitor.newsroom.sections import find_section


def ensure_series(entries: list[Located[SeriesSpec]], home, media: MediaLibrary) -> None:
    """Fill in each series' blank podcast details and add its missing seasons."""
    for entry in entries:
        spec = entry.spec
        with reported(entry, "section"):
            series = find_section(home, spec.section)
        if not isinstance(series, SeriesPage):
            problem = entry.problem("section", f"{spec.section} is not a vodcast series")
            raise DemoContentError([problem])
        changed = False
        for name, value in (("introduction", spec.introduction), ("owner_email", spec.owner_email)):
            if value and not getattr(series, name):
                setattr(series, name, value)
                changed = True
        if spec.artwork and series.artwork_id is None:
            series.artwork = media.image(spec.artwork)
            changed = True
        if changed:
            with reported(entry):
                series.save_revision().publish()
        for n, season in enumerate(spec.seasons, 1):
            if not Season.objects.filter(series=series, number=season.number).exists():
                with reported(entry, f"seasons[{n}]"):
                    save_checked(Season(series=series, sort_order=n, **season.model_dump()))


def page_for(entry: Located[Article], section, media: MediaLibrary, fields: dict) -> ArticlePage:
    """The unsaved page an article file makes: an episode, an infographic or an article."""
    front = entry.spec.front
    if front.episode is not None:
        return _episode(entry, front.episode, section, media, fields)
    if front.infographic is not None:
        return _infographic(front.infographic, media, fields)
    return ArticlePage(**fields)


def _episode(
    entry: Located[Article], spec: EpisodeSpec, section, media: MediaLibrary, fields: dict
) -> EpisodePage:
    season = None
    if spec.season is not None:
        season = Season.objects.get(series=section, number=spec.season)
    episode = EpisodePage(
        **fields,
        season=season,
        episode_number=spec.number,
        recording=media.recording(entry) if spec.recording_seconds else None,
        external_video_url=spec.external_video_url or "",
        poster=media.image(spec.poster) if spec.poster else None,
        duration=spec.recording_seconds,
        guests=[("guest", guest.model_dump(exclude_none=True)) for guest in spec.guests],
        chapters=[("chapter", chapter.model_dump()) for chapter in spec.chapters],
        transcript=[
            ("line", {**line.model_dump(), "start": line.start or ""}) for line in spec.transcript
        ],
    )
    episode.captions = [
        EpisodeCaptions(
            document=media.attachment("captions", captions.file),
            sort_order=n,
            **captions.model_dump(exclude={"file"}),
        )
        for n, captions in enumerate(spec.captions)
    ]
    return episode


def _infographic(spec: InfographicSpec, media: MediaLibrary, fields: dict) -> InfographicPage:
    return InfographicPage(
        **fields,
        graphic=media.image(spec.graphic),
        alt_text=spec.alt_text,
        long_description=spec.long_description,
        data_file=media.attachment("data", spec.data) if spec.data else None,
    )
