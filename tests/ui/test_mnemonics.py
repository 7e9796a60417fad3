"""Alt+letter works in every section: no two buttons, tabs, field labels or menus of one window share a
letter (Qt then only moves the focus between them instead of acting), in Chinese and in English."""

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar

from ui import i18n as ui_i18n
from ui.main_window import SECTIONS, MainWindow

MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def mnemonics(window, section: str) -> Counter:
    """The Alt letters a user can reach while `section` is shown: menu bar, visible widgets of the section."""
    letters = [letter(a.text()) for a in window.menuBar().actions() if a.isVisible()]
    view = window.view(section)
    for w in view.findChildren(QAbstractButton):
        if w.isVisibleTo(window) and w.text():
            letters.append(letter(w.text()))
    for w in view.findChildren(QLabel):
        if w.isVisibleTo(window) and w.buddy() is not None:
            letters.append(letter(w.text()))
    for bar in view.findChildren(QTabBar):
        if bar.isVisibleTo(window):
            letters += [letter(bar.tabText(i)) for i in range(bar.count())]
    return Counter(x for x in letters if x)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_two_controls_of_a_section_share_an_alt_letter(qtbot, ui_session, language):
    ui_i18n.install_translators(QApplication.instance(), language)
    try:
        window = MainWindow(ui_session)
        qtbot.addWidget(window)
        window.show()
        clashes = {}
        for section in SECTIONS:
            view = window.show_section(section)
            qtbot.waitUntil(lambda v=view: getattr(v, "is_loaded", True), timeout=15_000)
            twice = sorted(k for k, n in mnemonics(window, section).items() if n > 1)
            if twice:
                clashes[section] = twice
        assert not clashes, f"Alt letters used twice ({language}): {clashes}"
    finally:
        ui_i18n.install_translators(QApplication.instance(), "zh_CN")
