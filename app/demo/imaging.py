"""A synthetic chest CT series written with pydicom: a body phantom with lungs, heart, spine and a nodule.

No external files: every slice is computed from ellipses on a shared coordinate grid (numpy work is done
once and reused), then saved as a standard CT Image Storage file with real geometry, so the viewer can
sort by position, window with the stored presets and measure in millimetres.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

SIZE = 512
SPACING = 0.7  # mm per pixel
THICKNESS = 5.0  # mm between slices
FOV_MM = SIZE * SPACING
CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"

AIR, FAT, SOFT, LUNG, BONE, CORTEX, BLOOD, TUMOUR = -1000, -100, 40, -850, 650, 1100, 45, 30


@dataclass(frozen=True)
class CtSubject:
    name: str  # Chinese, written with SpecificCharacterSet ISO_IR 192 (UTF-8)
    patient_id: str  # the hospital number
    sex: str
    birth_date: date
    study_date: date
    accession: str
    institution: str


_DEMO_NAMESPACE = uuid.UUID("6f1c2a1e-5d0b-4c1f-9a57-3e2d6b0c8a41")


def _uid(*parts: str) -> str:
    """The same UID for the same parts (a study's series share their study UID): DICOM's 2.25 form of a
    name-based UUID. pydicom's generate_uid ignores its entropy sources without a prefix of its own."""
    return f"2.25.{uuid.uuid5(_DEMO_NAMESPACE, '|'.join(['mdt-desk-demo', *parts])).int}"


class _Phantom:
    """The anatomy as functions of the slice's height t (0 = lung apex, 1 = below the diaphragm)."""

    def __init__(self, seed: int, size: int = SIZE) -> None:
        rng = np.random.default_rng(seed)
        self.size, self.spacing = size, FOV_MM / size  # the same field of view at any matrix
        SIZE, SPACING = self.size, self.spacing  # noqa: N806 - the module's names, for this matrix
        c = (np.arange(SIZE, dtype=np.float32) - SIZE / 2 + 0.5) * SPACING  # mm from the centre
        self.x = c[np.newaxis, :]  # patient's left is +x (image right), DICOM LPS
        self.y = c[:, np.newaxis]  # posterior is +y (image bottom)
        # Reused noise and lung texture: rolled per slice instead of drawn anew (cheap and deterministic).
        self.noise = [rng.normal(0.0, 9.0, (SIZE, SIZE)).astype(np.float32) for _ in range(3)]
        self.vessels = [self._vessel_texture(rng) for _ in range(2)]

    def _vessel_texture(self, rng: np.random.Generator) -> np.ndarray:
        """Branching bright lines: the zero crossings of smooth noise look like pulmonary vessels."""
        from PIL import Image

        SIZE = self.size  # noqa: N806

        coarse = rng.normal(0.0, 1.0, (40, 40)).astype(np.float32)
        smooth = np.asarray(Image.fromarray(coarse, mode="F").resize((SIZE, SIZE), Image.Resampling.BICUBIC))
        lines = np.clip(1.0 - np.abs(smooth) / 0.09, 0.0, 1.0)
        return (lines * 520.0).astype(np.float32)

    def _ellipse(self, img: np.ndarray, cx: float, cy: float, a: float, b: float, value,
                 wobble: tuple[float, int, float] | None = None) -> np.ndarray | None:
        """Paint an ellipse (mm) into img; only the bounding box is evaluated. Returns the mask painted."""
        if a <= 0 or b <= 0:
            return None
        SIZE, SPACING = self.size, self.spacing  # noqa: N806
        half = SIZE / 2
        extra = 1.0 + (wobble[0] if wobble else 0.0)
        x0 = max(0, int((cx - a * extra) / SPACING + half) - 1)
        x1 = min(SIZE, int((cx + a * extra) / SPACING + half) + 2)
        y0 = max(0, int((cy - b * extra) / SPACING + half) - 1)
        y1 = min(SIZE, int((cy + b * extra) / SPACING + half) + 2)
        if x0 >= x1 or y0 >= y1:
            return None
        dx = (self.x[:, x0:x1] - cx) / a
        dy = (self.y[y0:y1, :] - cy) / b
        r2 = dx * dx + dy * dy
        if wobble:
            amp, lobes, phase = wobble
            theta = np.arctan2(dy, dx)
            r2 = r2 / (1.0 + amp * np.sin(lobes * theta + phase)) ** 2
        mask = r2 <= 1.0
        region = img[y0:y1, x0:x1]
        if isinstance(value, np.ndarray):
            region[mask] = value[y0:y1, x0:x1][mask]
        else:
            region[mask] = value
        return mask

    def slice(self, i: int, n: int, tumour_z: float, z: float) -> np.ndarray:
        t = i / (n - 1)
        SIZE, SPACING = self.size, self.spacing  # noqa: N806
        img = np.full((SIZE, SIZE), AIR, np.float32)
        body_y = -5.0
        # Table, skin/fat, then muscle and organs inside.
        img[int((150 / SPACING) + SIZE / 2):int((156 / SPACING) + SIZE / 2), 40:SIZE - 40] = 120.0
        self._ellipse(img, 0, body_y, 168 - 12 * (1 - t) ** 2, 118, FAT)
        self._ellipse(img, 0, body_y, 155 - 12 * (1 - t) ** 2, 106, SOFT + 5)
        # Lungs grow from the apex, are widest at two thirds and give way to the liver dome below.
        grow = min(1.0, math.sqrt(max(t, 0.02) / 0.6))
        shrink = 1.0 if t < 0.72 else max(0.0, 1.0 - ((t - 0.72) / 0.3) ** 1.5)
        w = (i % 8) / 8.0  # blend two textures so vessels drift smoothly from slice to slice
        lung_value = LUNG + (self.vessels[0] * (1 - w) + self.vessels[1] * w) * (0.45 + 0.55 * t)
        for side, cx, squeeze in ((-1, -72.0, 1.0), (1, 74.0, 0.92)):
            s = grow * shrink * (squeeze if t > 0.8 else 1.0)
            self._ellipse(img, cx, 0.0, 56 * s, 86 * s, lung_value, wobble=(0.05, 3, 0.7 * side))
        if t > 0.72:  # liver (right, image left) and stomach air (left) below the lungs
            k = min(1.0, (t - 0.72) / 0.2)
            self._ellipse(img, -45, 5, 95 * k, 75 * k, 60.0)
            self._ellipse(img, 70, -20, 28 * k, 20 * k, AIR)
        # Mediastinum: heart in the lower half, trachea and bronchi above.
        if 0.4 < t < 0.95:
            k = math.sin(math.pi * (t - 0.4) / 0.55)
            self._ellipse(img, 18, -28, 62 * k, 50 * k, SOFT)
            self._ellipse(img, 30, -22, 22 * k, 18 * k, BLOOD + 10)
        if t < 0.38:
            self._ellipse(img, 0, 8, 9, 8, AIR)
        elif t < 0.5:
            self._ellipse(img, -14, 12, 6, 6, AIR)
            self._ellipse(img, 14, 12, 6, 6, AIR)
        self._ellipse(img, 24, 48, 12, 12, BLOOD)  # descending aorta
        if 0.25 < t < 0.45:
            self._ellipse(img, 10, -18, 14, 14, BLOOD)  # ascending aorta / arch
        # Spine: vertebral body with cortex, canal, and the sternum in front.
        self._ellipse(img, 0, 72, 20, 17, CORTEX)
        self._ellipse(img, 0, 72, 17, 14, BONE)
        self._ellipse(img, 0, 96, 8, 7, SOFT - 20)
        self._ellipse(img, 0, 108, 16, 6, BONE + 200)
        self._ellipse(img, 0, -100, 14, 6, BONE)
        # Ribs: small ovals round the chest wall, shifting a little from slice to slice.
        for k in range(14):
            phi = -math.pi + (k + 0.5) * 2 * math.pi / 14 + 0.12 * math.sin(z / 23.0 + k)
            if abs(math.cos(phi)) > 0.25:
                self._ellipse(img, 140 * math.cos(phi), -5 + 93 * math.sin(phi), 7, 5, CORTEX)
        # The nodule: a lobulated sphere in the right upper lobe, growing and shrinking over ~6 slices.
        dz = z - tumour_z
        radius = 14.0
        if abs(dz) < radius:
            r = math.sqrt(radius * radius - dz * dz)
            self._ellipse(img, -78, -18, r, r * 0.9, TUMOUR, wobble=(0.09, 5, dz / 4))
        img += self.noise[i % 3] if t < 0.5 else np.roll(self.noise[i % 3], 37, axis=0)
        return img


def write_ct_series(folder: Path, subject: CtSubject, slices: int = 64, *, size: int = SIZE,
                    thickness: float = THICKNESS, series: str = "", description: str = "胸部 5mm 纵隔窗",
                    series_number: int = 2, j2k: bool = False) -> list[Path]:
    """Write one axial chest CT series of `slices` files into `folder`; returns the paths in order.

    `series` tells apart several series of one study (a thin-slice reconstruction: `thickness` 1.25 at
    `size` 256 keeps it cheap); `j2k` stores the pixels JPEG 2000 lossless, as some PACS export them."""
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import PYDICOM_IMPLEMENTATION_UID, ExplicitVRLittleEndian, JPEG2000Lossless

    folder.mkdir(parents=True, exist_ok=True)
    key = f"{subject.patient_id}|{subject.study_date:%Y%m%d}"
    tag = (series,) if series else ()
    study_uid, series_uid, frame_uid = _uid(key, "study"), _uid(key, "series", *tag), _uid(key, "frame")
    phantom = _Phantom(seed=20261123, size=size)
    SIZE, SPACING, THICKNESS = phantom.size, phantom.spacing, thickness  # noqa: N806
    top = 20.0  # z (mm) of the first, most cranial slice; z falls towards the feet
    tumour_z = top - THICKNESS * round(slices * 0.3) - 1.5
    study_date = f"{subject.study_date:%Y%m%d}"
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CT_IMAGE_STORAGE
    meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
    ds = Dataset()  # one dataset, its per-slice elements changed in the loop: building it is the slow part
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.SOPClassUID = CT_IMAGE_STORAGE
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = study_date
    ds.StudyTime = ds.SeriesTime = "093012"
    ds.AccessionNumber = subject.accession
    ds.Modality = "CT"
    ds.Manufacturer = "MDT Desk demo phantom"
    ds.InstitutionName = subject.institution
    ds.ReferringPhysicianName = ""
    ds.StudyDescription = "胸部CT平扫"
    ds.SeriesDescription = description
    ds.PatientName = subject.name
    ds.PatientID = subject.patient_id
    ds.PatientBirthDate = f"{subject.birth_date:%Y%m%d}"
    ds.PatientSex = subject.sex if subject.sex in ("M", "F") else "O"
    ds.BodyPartExamined = "CHEST"
    ds.SliceThickness = THICKNESS
    ds.SpacingBetweenSlices = THICKNESS
    ds.KVP = 120
    ds.PatientPosition = "FFS"
    ds.StudyInstanceUID = study_uid
    ds.SeriesInstanceUID = series_uid
    ds.StudyID = "1"
    ds.SeriesNumber = series_number
    ds.AcquisitionNumber = 1
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.FrameOfReferenceUID = frame_uid
    ds.PositionReferenceIndicator = ""
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = ds.Columns = SIZE
    ds.PixelSpacing = [SPACING, SPACING]
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 1
    ds.WindowCenter = [40, -600]
    ds.WindowWidth = [400, 1500]
    ds.WindowCenterWidthExplanation = ["MEDIASTINUM", "LUNG"]
    ds.RescaleIntercept = -1024
    ds.RescaleSlope = 1
    ds.RescaleType = "HU"
    paths = []
    for i in range(slices):
        z = top - i * THICKNESS
        hu = phantom.slice(i, slices, tumour_z, z)
        stored = (np.clip(np.rint(hu), -1024, 3071) + 1024).astype("<i2")
        sop_uid = _uid(key, "image", *tag, str(i))
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID = sop_uid
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.ContentTime = f"0930{12 + i // 10:02d}"
        ds.InstanceNumber = i + 1
        ds.ImagePositionPatient = [-(SIZE / 2 - 0.5) * SPACING, -(SIZE / 2 - 0.5) * SPACING, z]
        ds.SliceLocation = z
        ds.PixelData = stored.tobytes()
        if j2k:
            ds.compress(JPEG2000Lossless, stored, encoding_plugin="pylibjpeg")
        path = folder / f"CT{i + 1:04d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def nodule_instance(slices: int = 64) -> int:
    """The instance number (1-based) of the slice through the nodule's centre: the key image."""
    return round(slices * 0.3) + 1
