"""The bodies of the `cga-desk` sub-commands (composition level, like cli.py and app.py)."""
