"""The site's tests skip (or, in CI, fail) on a missing part by the observatory's one rule.

The rule lives in the observatory because its tests run without the site; the site depends on
the observatory, so both suites share it rather than keep two copies.
"""

from drm_observatory.testing.requirements import require

__all__ = ["require"]
