"""The editor's look, on top of the application style sheet (no font sizes: the size setting rules)."""

EDITOR_STYLE = """
QWidget#editorHeader {
    background: #ffffff;
    border-bottom: 1px solid #d5dde5;
}
QLabel#patientLine {
    color: #40566c;
}
QLabel#statusChip {
    background: #e3ecf5;
    color: #1c3550;
    border: 1px solid #b9cde0;
    border-radius: 10px;
    padding: 3px 12px;
}
QLabel#statusChip[status="draft"], QLabel#statusChip[status="returned"] {
    background: #fff4dc;
    color: #6b4a00;
    border-color: #ecd39a;
}
QLabel#statusChip[status="submitted"], QLabel#statusChip[status="approved"],
QLabel#statusChip[status="scheduled"] {
    background: #e2f2e6;
    color: #1b5e30;
    border-color: #b3dbbe;
}
QTabWidget#editorTabs::pane {
    border: none;
    border-top: 1px solid #d5dde5;
}
QTabBar::tab {
    padding: 7px 16px;
    margin-right: 2px;
    color: #40566c;
    background: transparent;
    border: none;
    border-bottom: 3px solid transparent;
}
QTabBar::tab:selected {
    color: #1c3550;
    border-bottom: 3px solid #2f6da3;
}
QTabBar::tab:hover {
    color: #1c3550;
    background: #eaf1f8;
}
QScrollArea#editorScroll, QWidget#editorForm {
    background: #f4f6f8;
}
QLabel#sectionTitle {
    color: #1c3550;
    font-weight: bold;
    padding-top: 6px;
    border-bottom: 1px solid #d5dde5;
}
QPlainTextEdit {
    background: #ffffff;
    border: 1px solid #b4c1cd;
    border-radius: 4px;
    padding: 2px 4px;
    selection-background-color: #2f6da3;
}
QPlainTextEdit:focus {
    border: 1px solid #2f6da3;
}
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] {
    background: #eef2f5;
}
QLabel#computedStage {
    color: #1c3550;
}
QLabel#saveState {
    color: #40566c;
}
QTableWidget {
    background: #ffffff;
    border: 1px solid #cfd8e1;
    border-radius: 4px;
    gridline-color: #e2e8ee;
}
"""
