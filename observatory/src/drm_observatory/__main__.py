"""`python -m drm_observatory ...`: the same as the `drm-observatory` command."""

import sys

from drm_observatory.cli import main

sys.exit(main())
