"""A case's attachments: DICOM series, photos and reports, with import from files, folders and discs."""

from ui.cases.attachments.panel import AttachmentPanel

__all__ = ["AttachmentPanel"]
