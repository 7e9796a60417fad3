"""诊断与分期 Diagnosis and staging: tumour type (the template), ICD-10, histology, grade, biomarkers, stage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSizePolicy, QWidget

from app.domain.codes import icdo3, is_neoplasm_code, search_icd10, search_icdo3
from app.domain.templates import template_for
from app.domain.vocab import codes, label
from ui.cases.editor.biomarkers import BiomarkerEditor
from ui.cases.editor.code_picker import CodePicker
from ui.cases.editor.staging import STAGE_FIELDS, StagingBox
from ui.cases.editor.widgets import FormTab, combo_data, required_label, required_text, set_combo_data

GRADES = ("G1", "G2", "G3", "G4", "GX")
# ICD-10 category -> the tumour type whose template fits (offered when no type is chosen yet)
TYPE_OF_ICD10 = {"C34": "lung", "C16": "gastric", "C18": "colorectal", "C19": "colorectal",
                 "C20": "colorectal", "C22": "liver", "C15": "oesophageal", "C50": "breast",
                 "C53": "cervical", "C11": "nasopharyngeal"}


def histology_type(code: str, name: str) -> str:
    """squamous / adenocarcinoma from an ICD-O-3 code (807x squamous, 814x–838x glandular) or the name."""
    digits = code.replace("/", "")[:4]
    if digits.isdigit():
        if digits.startswith("807"):
            return "squamous"
        if 8140 <= int(digits) <= 8389:
            return "adenocarcinoma"
    return name


class DiagnosisTab(FormTab):
    FIELDS = ("tumour_type", "primary_site", "icd10_code", "icd10_name", "histology_code", "histology_name",
              "grade", "biomarkers", *STAGE_FIELDS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosisTab")
        self.tumour_type = QComboBox()
        self.tumour_type.setObjectName("tumourType")
        self.tumour_type.addItem(self.tr("(other or not chosen)"), "")
        for code in codes("tumour_type"):
            self.tumour_type.addItem(label("tumour_type", code), code)
        self.add_row("tumour_type", self.tr("Tumour type (template)"), self.tumour_type)

        self.primary_site = QLineEdit()
        self.primary_site.setObjectName("primarySite")
        self.primary_site.setPlaceholderText(self.tr("e.g. right upper lobe"))
        self.add_row("primary_site", self.tr("Primary site"), self.primary_site)

        self.icd10 = CodePicker(search_icd10)
        self.icd10.setObjectName("icd10Picker")
        self.icd10.code.setPlaceholderText(self.tr("code, name or pinyin"))
        self.icd10.name.setPlaceholderText(self.tr("diagnosis as written in the record"))
        self.add_row("icd10_code", required_label(self.tr("Diagnosis (ICD-10)")), self.icd10, focus=self.icd10.code)
        self._errors["icd10_name"] = self._errors["icd10_code"]
        self._widgets["icd10_name"] = self.icd10.name

        self.histology = CodePicker(search_icdo3)
        self.histology.setObjectName("histologyPicker")
        self.histology.code.setPlaceholderText(self.tr("code, name or pinyin"))
        self.histology.name.setPlaceholderText(self.tr("histology as in the pathology report"))
        self.histology_label = QLabel()
        self.histology_label.setTextFormat(Qt.TextFormat.RichText)
        self.add_row("histology_code", self.histology_label, self.histology, focus=self.histology.code)
        self._errors["histology_name"] = self._errors["histology_code"]
        self._widgets["histology_name"] = self.histology.name

        self.grade = QComboBox()
        self.grade.setObjectName("grade")
        self.grade.setEditable(True)
        self.grade.addItem("")
        self.grade.addItems(GRADES)
        self.grade.setMinimumContentsLength(6)
        self.grade.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.grade.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.add_row("grade", self.tr("Grade"), self.grade)

        self.biomarkers = BiomarkerEditor()
        self.add_row("biomarkers", self.tr("Biomarkers"), self.biomarkers)

        self.staging = StagingBox(self.form, self)
        self.staging.sources = self.staging_sources
        for f in STAGE_FIELDS:
            self.register(f, self.staging.inputs[f], self.staging.errors[f])
        self.body.addStretch(1)

        self.watch(self.tumour_type, self.primary_site, self.icd10.code, self.icd10.name, self.histology.code,
                   self.histology.name, self.grade)
        self.biomarkers.changed.connect(self._changed)
        self.staging.changed.connect(self._changed)
        self.tumour_type.currentIndexChanged.connect(self._template_changed)
        self.icd10.picked.connect(self._icd10_picked)
        self.icd10.code.editingFinished.connect(self._check_icd10)
        self.icd10.code.textEdited.connect(lambda _t: self.clear_error("icd10_code"))
        self.histology.code.editingFinished.connect(self._check_histology)
        self.histology.code.textEdited.connect(lambda _t: self.clear_error("histology_code"))
        self._template_changed()

    # -- the template ----------------------------------------------------------------------------

    def tumour(self) -> str:
        return combo_data(self.tumour_type) or ""

    def _template_changed(self, *_args) -> None:
        template = template_for(self.tumour())
        self.biomarkers.set_template(template.biomarkers)
        self.staging.set_site(self.tumour())
        text = self.tr("Histology (ICD-O-3)")
        if "histology_code" in template.required_fields:
            self.histology_label.setText(required_text(text))
        else:
            self.histology_label.setText(text)

    def _icd10_picked(self, code: str, _name: str) -> None:
        suggested = TYPE_OF_ICD10.get(code[:3])
        if suggested and not self.tumour():
            set_combo_data(self.tumour_type, suggested)

    def _check_icd10(self) -> None:
        code = self.icd10.code.text().strip()
        if code and not is_neoplasm_code(code):
            self.show_error("icd10_code", self.tr("Not an ICD-10 code of a neoplasm (C00–D48). Type a code, a "
                                                  "Chinese name or pinyin, and choose from the list."))

    def _check_histology(self) -> None:
        code = self.histology.code.text().strip()
        if code and icdo3(code) is None:
            self.show_error("histology_code", self.tr("This morphology code is not in the bundled ICD-O-3 "
                                                      "list: check it, or choose from the list."))

    def staging_sources(self) -> dict[str, object]:
        markers = self.biomarkers.values()
        code, name = self.histology.value()
        return {"grade": self.grade.currentText().strip(), "er": markers.get("ER", ""),
                "pr": markers.get("PR", ""), "her2": markers.get("HER2", ""),
                "histology": histology_type(code, name)}

    # -- values ----------------------------------------------------------------------------------

    def values(self) -> dict:
        icd_code, icd_name = self.icd10.value()
        histology_code, histology_name = self.histology.value()
        return {
            "tumour_type": self.tumour(),
            "primary_site": self.primary_site.text(),
            "icd10_code": icd_code,
            "icd10_name": icd_name,
            "histology_code": histology_code,
            "histology_name": histology_name,
            "grade": self.grade.currentText().strip(),
            "biomarkers": self.biomarkers.values(),
            **self.staging.values(),
        }

    def set_values(self, fields: dict) -> None:
        self.tumour_type.blockSignals(True)
        set_combo_data(self.tumour_type, fields.get("tumour_type") or "")
        self.tumour_type.blockSignals(False)
        template = template_for(self.tumour())
        self.biomarkers.set_template(template.biomarkers)
        self.biomarkers.set_values(fields.get("biomarkers") or {})
        self.staging.set_site(self.tumour())
        self._template_changed()
        self.primary_site.setText(fields.get("primary_site") or "")
        self.icd10.set_value(fields.get("icd10_code") or "", fields.get("icd10_name") or "")
        self.histology.set_value(fields.get("histology_code") or "", fields.get("histology_name") or "")
        self.grade.setEditText(fields.get("grade") or "")
        self.staging.set_values(fields)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.biomarkers.set_read_only(read_only)
        self.staging.set_read_only(read_only)
