"""Passwords, permissions and (later) the hospital CA and user keys."""
