"""NextStep's domain layer: sessions, understanding, bundles, consent, audit and drives.

Depends on the leaf libraries :mod:`scanners` and :mod:`crypto`; never on :mod:`kiosk` or
Textual, so everything here runs headless (CLI, tests, the demo).
"""

__version__ = "0.1.0"
