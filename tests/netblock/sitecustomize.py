"""Block the network in Python processes started by the tests (see netblock_guard.py).

Active when this directory is on PYTHONPATH, as the ``run_cli`` fixture arranges.
"""

import netblock_guard

netblock_guard.install()
