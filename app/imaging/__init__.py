"""Images without Qt: DICOM display pipeline, photos, thumbnails."""
