"""H&E-like slide photos drawn with Pillow: eosin-pink stroma, glands, haematoxylin-purple nuclei.

Deterministic (seeded numpy and `random`); about 1600x1200 like a microscope camera's JPEG. Also a
108-megapixel whole-slide scan (`make_whole_slide`): one seamless 2048-pixel tissue patch repeated under
a tissue-on-glass mask, written band by band as a pyramidal TIFF (about 4 s of CPU, 17 MB).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

WIDTH, HEIGHT = 1600, 1200


@dataclass(frozen=True)
class SlideStyle:
    glands: int  # gland-like lumens (adenocarcinoma); 0 for solid sheets
    nuclei: int  # scattered stromal and tumour nuclei
    nucleus_size: tuple[int, int]  # min, max radius in pixels
    tint: tuple[int, int, int]  # eosin background
    magnification: str


STYLES = {
    "lung": SlideStyle(glands=26, nuclei=2600, nucleus_size=(5, 10), tint=(236, 168, 200), magnification="x200"),
    "gastric": SlideStyle(glands=30, nuclei=3400, nucleus_size=(4, 9), tint=(232, 160, 196), magnification="x100"),
    "breast": SlideStyle(glands=8, nuclei=4200, nucleus_size=(5, 11), tint=(240, 176, 206), magnification="x200"),
}


def _smooth_noise(rng: np.random.Generator, cells: tuple[int, int]) -> np.ndarray:
    from PIL import Image

    coarse = rng.random((cells[1], cells[0])).astype(np.float32)
    img = Image.fromarray(coarse, mode="F").resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    return np.asarray(img)


def _nucleus(draw, r: random.Random, x: float, y: float, size: tuple[int, int], dark: float) -> None:
    rad = r.uniform(*size)
    aspect = r.uniform(0.65, 1.0)
    rx, ry = (rad, rad * aspect) if r.random() < 0.5 else (rad * aspect, rad)
    base = (int(88 * dark + 40), int(48 * dark + 20), int(128 * dark + 50))
    draw.ellipse((x - rx, y - ry, x + rx, y + ry), fill=base)
    if rad > 7 and r.random() < 0.5:  # a nucleolus in the larger, atypical nuclei
        draw.ellipse((x - 1.5, y - 1.5, x + 1.5, y + 1.5), fill=(40, 18, 70))


def _outline(r: random.Random, cx: float, cy: float, a: float, b: float) -> list[tuple[float, float]]:
    """An irregular closed outline around (cx, cy): glands in a tumour are never neat ellipses."""
    phase, lobes = r.uniform(0, 6.3), r.choice([2, 3, 4])
    points = []
    for k in range(36):
        t = 2 * np.pi * k / 36
        f = 1 + 0.16 * np.sin(lobes * t + phase) + r.uniform(-0.05, 0.05)
        points.append((cx + a * f * np.cos(t), cy + b * f * np.sin(t)))
    return points


def make_slide_photo(path: Path, kind: str, seed: int, caption: str = "") -> Path:
    """Write an H&E-like JPEG for `kind` (lung | gastric | breast) to `path`."""
    from PIL import Image, ImageDraw, ImageFilter

    style = STYLES[kind]
    rng = np.random.default_rng(seed)
    r = random.Random(seed)
    # Stroma: pink with soft blotches and fibre-like streaks.
    blotch = _smooth_noise(rng, (24, 18))
    streak = _smooth_noise(rng, (14, 150))
    shade = 0.78 + 0.16 * blotch + 0.10 * streak
    rgb = np.empty((HEIGHT, WIDTH, 3), np.float32)
    for c, v in enumerate(style.tint):
        rgb[..., c] = v * shade
    rgb[..., 2] += 18 * (streak - 0.5)
    img = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(img)
    # Scattered nuclei, denser in a band of tumour cells across the field, and red cells in capillaries.
    band = r.uniform(0.3, 0.7) * HEIGHT
    for _ in range(style.nuclei):
        x = r.uniform(0, WIDTH)
        y = r.gauss(band, HEIGHT * 0.22) if r.random() < 0.6 else r.uniform(0, HEIGHT)
        small = (max(2, style.nucleus_size[0] - 2), style.nucleus_size[0] + 1)
        _nucleus(draw, r, x, y, style.nucleus_size if r.random() < 0.55 else small, r.uniform(0.55, 1.0))
    for _ in range(90):
        x, y = r.uniform(0, WIDTH), r.uniform(0, HEIGHT)
        draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=(226, 70, 96))
    # Glands on top: pale lumens lined by crowded, stratified nuclei; no two overlap.
    centres: list[tuple[float, float, float, float]] = []
    for _ in range(style.glands * 6):
        if len(centres) == style.glands:
            break
        cx, cy = r.uniform(60, WIDTH - 60), r.uniform(60, HEIGHT - 60)
        a, b = r.uniform(35, 95), r.uniform(25, 70)
        if any((cx - x) ** 2 + (cy - y) ** 2 < (max(a, b) + max(p, q) + 30) ** 2 for x, y, p, q in centres):
            continue
        centres.append((cx, cy, a, b))
        draw.polygon(_outline(r, cx, cy, a + 14, b + 14), fill=(214, 132, 182))
        draw.polygon(_outline(r, cx, cy, a, b), fill=(243, 224, 236))
    for cx, cy, a, b in centres:
        steps = int((a + b) * 0.55)
        for k in range(steps):
            t = 2 * np.pi * k / steps + r.uniform(-0.04, 0.04)
            grow = r.uniform(1.02, 1.22)
            _nucleus(draw, r, cx + a * grow * np.cos(t), cy + b * grow * np.sin(t), style.nucleus_size,
                     r.uniform(0.7, 1.0))
    img = img.filter(ImageFilter.GaussianBlur(1.1))
    grain = rng.normal(0, 4, (HEIGHT, WIDTH, 1)).astype(np.float32)
    img = Image.fromarray(np.clip(np.asarray(img, np.float32) + grain, 0, 255).astype(np.uint8), "RGB")
    # Scale bar and caption, as a microscope camera stamps them.
    draw = ImageDraw.Draw(img)
    bar = 200 if style.magnification == "x200" else 100
    draw.rectangle((WIDTH - 80 - bar * 2, HEIGHT - 60, WIDTH - 80, HEIGHT - 52), fill=(20, 20, 20))
    draw.text((WIDTH - 80 - bar * 2, HEIGHT - 48), f"100 um   HE {style.magnification}", fill=(20, 20, 20))
    if caption:
        draw.text((40, HEIGHT - 48), caption, fill=(20, 20, 20))
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=88, optimize=True)
    return path


# -- A whole-slide image: ≥100 megapixels as a pyramidal TIFF --------------------------------------------

WSI_WIDTH, WSI_HEIGHT = 12000, 9000  # 108 megapixels
WSI_MPP = 0.5  # microns per pixel, a 20× scan
PATCH = 2048  # the tissue texture tiles seamlessly with this period (1 mm at 0.5 µm/pixel)
GLASS = (243, 240, 246)


def _periodic_noise(rng: np.random.Generator, side: int, cells: int) -> np.ndarray:
    """Smooth noise in [0, 1] that wraps around at the edges, so tiled patches meet without a seam."""
    from PIL import Image

    small = 256
    spectrum = np.fft.fft2(rng.standard_normal((small, small)))
    f = np.fft.fftfreq(small)
    radius = np.sqrt(f[:, None] ** 2 + f[None, :] ** 2)
    field = np.real(np.fft.ifft2(spectrum * np.exp(-((radius * small / cells) ** 2))))
    field = (field - field.min()) / (np.ptp(field) or 1.0)
    return np.asarray(Image.fromarray(field.astype(np.float32), "F").resize((side, side), Image.Resampling.BILINEAR))


def _tissue_patch(seed: int) -> np.ndarray:
    """A PATCH×PATCH H&E texture that tiles: stroma, glands lined by nuclei, scattered nuclei, red cells."""
    from PIL import Image, ImageDraw, ImageFilter

    rng, r = np.random.default_rng(seed), random.Random(seed)
    style = STYLES["lung"]
    shade = 0.8 + 0.14 * _periodic_noise(rng, PATCH, 10) + 0.08 * _periodic_noise(rng, PATCH, 40)
    rgb = np.minimum(shade[..., None] * np.array(style.tint, np.float32), 255).astype(np.uint8)
    img = Image.fromarray(rgb, "RGB")
    draw = ImageDraw.Draw(img)

    def wrapped(x: float, y: float, size: tuple[int, int], dark: float) -> None:
        xs = (x, x - PATCH) if x > PATCH - 16 else (x, x + PATCH) if x < 16 else (x,)
        ys = (y, y - PATCH) if y > PATCH - 16 else (y, y + PATCH) if y < 16 else (y,)
        if len(xs) == len(ys) == 1:
            _nucleus(draw, r, x, y, size, dark)
            return
        state = r.getstate()  # the same nucleus on both sides of the seam
        for px in xs:
            for py in ys:
                r.setstate(state)
                _nucleus(draw, r, px, py, size, dark)

    for _ in range(9000):
        wrapped(r.uniform(0, PATCH), r.uniform(0, PATCH), style.nucleus_size if r.random() < 0.5 else (3, 6),
                r.uniform(0.55, 1.0))
    for _ in range(400):
        x, y = r.uniform(8, PATCH - 8), r.uniform(8, PATCH - 8)
        draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=(226, 70, 96))
    centres: list[tuple[float, float, float, float]] = []
    for _ in range(200):
        if len(centres) == 16:
            break
        cx, cy = r.uniform(160, PATCH - 160), r.uniform(160, PATCH - 160)
        a, b = r.uniform(45, 120), r.uniform(35, 90)
        if any((cx - x) ** 2 + (cy - y) ** 2 < (max(a, b) + max(p, q) + 40) ** 2 for x, y, p, q in centres):
            continue
        centres.append((cx, cy, a, b))
        draw.polygon(_outline(r, cx, cy, a + 16, b + 16), fill=(214, 132, 182))
        draw.polygon(_outline(r, cx, cy, a, b), fill=(243, 224, 236))
        steps = int((a + b) * 0.6)
        for k in range(steps):
            t = 2 * np.pi * k / steps + r.uniform(-0.04, 0.04)
            grow = r.uniform(1.02, 1.2)
            _nucleus(draw, r, cx + a * grow * np.cos(t), cy + b * grow * np.sin(t), style.nucleus_size,
                     r.uniform(0.7, 1.0))
    img = img.filter(ImageFilter.BoxBlur(1))  # soft edges, as out of the scanner's optics
    grain = rng.integers(-5, 6, (PATCH, PATCH, 1), dtype=np.int16)
    return np.clip(np.asarray(img, np.int16) + grain, 0, 255).astype(np.uint8)


def _tissue_mask(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """Where tissue lies on the glass, at 1/16 scale, 0..255: two irregular fragments of a resection."""
    h, w = -(-height // 16) + 1, -(-width // 16) + 1
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    noise = _periodic_noise(rng, max(w, h), 6)[:h, :w]
    inside = np.zeros((h, w), np.float32)
    for cx, cy, ax, ay in ((0.36, 0.5, 0.3, 0.4), (0.76, 0.45, 0.17, 0.3)):
        d = ((xx / w - cx) / ax) ** 2 + ((yy / h - cy) / ay) ** 2
        inside = np.maximum(inside, 1.0 - d + 0.55 * (noise - 0.5))
    return (np.clip(inside * 6.0, 0.0, 1.0) * 255).astype(np.uint8)


def _slide_bands(seed: int, width: int, height: int, band: int = 512):
    from PIL import Image

    rng = np.random.default_rng(seed)
    patch = _tissue_patch(seed)
    mask = Image.fromarray(_tissue_mask(rng, width, height), "L")
    glass = Image.new("RGB", (width, band), GLASS)
    for y0 in range(0, height, band):
        rows = min(band, height - y0)
        strip = patch[y0 % PATCH:y0 % PATCH + rows]  # never crosses the patch's edge: PATCH % band == 0
        tissue = np.tile(strip, (1, -(-width // PATCH), 1))[:, :width]
        m = mask.resize((width, rows), Image.Resampling.BILINEAR, box=(0, y0 / 16, width / 16, (y0 + rows) / 16))
        g = glass if rows == band else glass.crop((0, 0, width, rows))
        yield np.asarray(Image.composite(Image.fromarray(np.ascontiguousarray(tissue), "RGB"), g, m))


def make_whole_slide(path: Path, seed: int = 7, width: int = WSI_WIDTH, height: int = WSI_HEIGHT) -> Path:
    """A ≥100-megapixel H&E-like scan as a pyramidal JPEG TIFF with its microns per pixel, band by band."""
    from app.imaging.slides.pyramid import write_pyramid

    path.parent.mkdir(parents=True, exist_ok=True)
    return write_pyramid(path, width, height, _slide_bands(seed, width, height), mpp=WSI_MPP, quality=80)
