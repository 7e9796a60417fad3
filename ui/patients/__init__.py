"""Patients: register and edit (PatientDialog), pick one (PatientPicker), import a list (PatientImportDialog)."""
