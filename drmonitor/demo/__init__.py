"""The demo site: content as data files (content/), one loader, and the pictures it draws.

Nothing else in the project imports it; `drmonitor setup` loads it when settings.DRM_DEMO_CONTENT
is on. docs/demo-content.md explains the files.
"""
