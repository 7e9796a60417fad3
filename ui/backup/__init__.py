"""Backups in the GUI: the manual backup to another drive, the automatic ones, the 7-day warning."""
