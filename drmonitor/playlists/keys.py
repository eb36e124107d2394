"""The dependency keys of playlists (see core/caching).

Playlist pages are personal or may turn private at any moment, so they are never cached; the
only cached thing that shows playlists is the sitemap, which lists the public ones.
"""

from __future__ import annotations

# Which playlists are public, and when each last changed: the sitemap.
PUBLIC = "playlists:public"
