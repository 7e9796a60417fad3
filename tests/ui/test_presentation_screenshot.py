"""`--view presentation`: the audience window of the demo meeting in progress, masked, 1920×1080."""

import test_presentation_support as support
from PySide6.QtGui import QImage

from ui.screenshot import take_screenshot


def test_presentation_screenshot_of_the_demo_meeting(tmp_path_factory, tmp_path):
    d = support.demo_copy(tmp_path_factory, tmp_path)
    path = tmp_path / "presentation.png"
    assert take_screenshot(d, str(path), "presentation") == 0
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1920, 1080)
    colours = {image.pixel(x, y) for x in range(0, 1920, 9) for y in range(0, 1080, 9)}
    assert len(colours) > 20  # large text on a dark background, not an empty surface

