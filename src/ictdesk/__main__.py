"""``python -m ictdesk`` runs the same entry point as the ``ictdesk`` command."""

import sys

from ictdesk.cli import main

sys.exit(main())
