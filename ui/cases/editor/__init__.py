"""The case editor (MDT application): one window per case. See window.py."""
