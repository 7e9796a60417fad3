"""MDT Desk desktop interface (PySide6). Talks to `app` services only; never to SQL or `db`."""
