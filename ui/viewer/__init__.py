"""The meeting image viewer: DICOM series (stack scroll, window/level, key images) and photos."""

from ui.viewer.viewer import ImageViewer

__all__ = ["ImageViewer"]
