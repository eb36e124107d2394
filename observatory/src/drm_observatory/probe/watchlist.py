"""The built-in watch list: platforms and news sites whose blocking in Pakistan is a story.

`THROTTLE_ASSETS` names, per host, a static file the probe downloads to compare throughput with
the control (`--throttle-assets FILE` replaces it: JSON {host: url}). The control downloads the
same file, so its size is known from the control's side.
"""

from __future__ import annotations

WATCHLIST = [
    "https://x.com/",
    "https://twitter.com/",
    "https://www.youtube.com/",
    "https://www.facebook.com/",
    "https://www.instagram.com/",
    "https://web.whatsapp.com/",
    "https://telegram.org/",
    "https://signal.org/",
    "https://bsky.app/",
    "https://www.tiktok.com/",
    "https://www.wikipedia.org/",
    "https://en.wikipedia.org/wiki/Pakistan",
    "https://www.dawn.com/",
    "https://www.geo.tv/",
    "https://tribune.com.pk/",
    "https://www.thenews.com.pk/",
    "https://www.dw.com/",
    "https://www.bbc.com/urdu",
    "https://www.voanews.com/",
    "https://www.ooni.org/",
]

THROTTLE_ASSETS: dict[str, str] = {
    "www.wikipedia.org": "https://upload.wikimedia.org/wikipedia/commons/3/3f/Fronalpstock_big.jpg",
    "en.wikipedia.org": "https://upload.wikimedia.org/wikipedia/commons/3/3f/Fronalpstock_big.jpg",
}
