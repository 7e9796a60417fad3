"""Named window presets, kept apart from the pipeline so the command line can list them without numpy.

Values are (width, level) in Hounsfield units, as radiologists say them ("lung 1500/-600").
"""

from __future__ import annotations

PRESETS: dict[str, tuple[float, float]] = {
    "lung": (1500, -600),
    "mediastinum": (350, 40),
    "soft_tissue": (400, 40),
    "bone": (2000, 350),
    "brain": (80, 40),
    "liver": (150, 90),
    "abdomen": (400, 50),
}

# Not a fixed window: "file" is the header's first window (else its VOI LUT, else the full range) and
# "full" the data's own minimum..maximum after the modality LUT.
FILE, FULL = "file", "full"
PRESET_NAMES: tuple[str, ...] = (FILE, FULL, *PRESETS)
