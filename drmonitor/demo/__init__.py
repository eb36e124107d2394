"""The demo site: content as data files (content/), one loader, and the pictures it draws.

No app of the site imports it (it sits above them all, beside the settings); `drmonitor setup`
loads it when settings.DRM_DEMO_CONTENT is on, and the benchmark's seed script borrows its
drawing. docs/demo-content.md explains the files.
"""
