"""Pathology pictures as tile pyramids: photos, large images and whole-slide images (no Qt here).

Decoded tiles are cached by the viewer in the process's one byte-capped cache (app.imaging.byte_cache).
"""

from app.imaging.slides.opening import MAX_DECODED_PIXELS, open_slide
from app.imaging.slides.source import TILE, Level, SlideSource

__all__ = ["MAX_DECODED_PIXELS", "TILE", "Level", "SlideSource", "open_slide"]
