"""The editor's desk: the admin dashboard a newsroom runs its day from, and the admin's words
and defaults (what a button does, where the page tree opens, who writes a new story)."""
