"""``python -m tunehouse``: the same command line as the ``tunehouse`` console script (``tunehouse.cli:main``)."""

import sys

from tunehouse.cli import main

sys.exit(main())
