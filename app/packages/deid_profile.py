"""DICOM PS3.15 Annex E, Table E.1-1 (Basic Application Level Confidentiality Profile), as data.

Action codes as in the standard: X remove, Z replace with an empty value, D replace with a dummy (here:
the package pseudonym), U replace the UID (consistently within the package). Attributes of the table
that are handled by a rule over their value representation instead are not repeated here:

- every PN (person name) other than PatientName is emptied (physicians, operators, authors...);
- every UI is remapped unless it is a UID defined by the standard (SOP classes, transfer syntaxes, codes);
- every DA/DT is shifted by the package's date offset (Retain Longitudinal Temporal Information with
  Modified Dates Option, 113107), TM is kept;
- private attributes are removed; text attributes left in place are cleaned of the patient's identifiers
  (Clean Descriptors Option, 113105); age, sex, size and weight stay (Retain Patient Characteristics, 113108).
"""

from __future__ import annotations

ACTIONS: dict[str, str] = {
    "PatientName": "D",
    "PatientID": "D",
    "AccessionNumber": "Z",
    "StudyID": "Z",
    "ReferringPhysicianName": "Z",
    **dict.fromkeys((
        "AcquisitionComments", "AcquisitionDeviceProcessingDescription", "ActualHumanPerformersSequence",
        "AdditionalPatientHistory", "AdmissionID", "AdmittingDiagnosesCodeSequence",
        "AdmittingDiagnosesDescription", "Allergies", "AuthorObserverSequence", "BranchOfService",
        "CommentsOnThePerformedProcedureStep", "ConfidentialityConstraintOnPatientDataDescription",
        "ContentSequence", "ContributionDescription", "CountryOfResidence", "CurrentPatientLocation",
        "CustodialOrganizationSequence", "DataSetTrailingPadding", "DerivationDescription", "DeviceSerialNumber",
        "DigitalSignaturesSequence", "DischargeDiagnosisDescription", "DistributionAddress", "DistributionName",
        "EthnicGroup", "FrameComments", "GantryID", "GeneratorID", "IconImageSequence", "IdentifyingComments",
        "ImageComments", "ImagingServiceRequestComments", "Impressions", "InstitutionAddress",
        "InstitutionCodeSequence", "InstitutionName", "InstitutionalDepartmentName", "InsurancePlanIdentification",
        "IntendedRecipientsOfResultsIdentificationSequence", "InterpretationApproverSequence",
        "InterpretationAuthor", "InterpretationDiagnosisDescription", "InterpretationRecorder",
        "InterpretationText", "InterpretationTranscriber", "IssuerOfAdmissionID", "IssuerOfPatientID",
        "MedicalAlerts", "MedicalRecordLocator", "MilitaryRank", "ModifiedAttributesSequence", "ModifyingDeviceID",
        "NamesOfIntendedRecipientsOfResults", "Occupation", "OperatorIdentificationSequence",
        "OriginalAttributesSequence", "OtherPatientIDs", "OtherPatientIDsSequence", "OtherPatientNames",
        "PatientAddress", "PatientBirthName", "PatientBirthTime", "PatientComments", "PatientInstitutionResidence",
        "PatientInsurancePlanCodeSequence", "PatientMotherBirthName", "PatientReligiousPreference", "PatientState",
        "PatientTelephoneNumbers", "PatientTransportArrangements", "PerformedLocation",
        "PerformedProcedureStepDescription", "PerformedProcedureStepID", "PerformedStationAETitle",
        "PerformedStationGeographicLocationCodeSequence", "PerformedStationName",
        "PerformedStationNameCodeSequence", "PerformingPhysicianIdentificationSequence", "PersonAddress",
        "PersonTelephoneNumbers", "PhysicianApprovingInterpretation",
        "PhysiciansOfRecordIdentificationSequence", "PhysiciansReadingStudyIdentificationSequence",
        "PreMedication", "ReasonForStudy", "ReferencedPatientAliasSequence", "ReferencedPatientSequence",
        "ReferringPhysicianAddress", "ReferringPhysicianIdentificationSequence",
        "ReferringPhysicianTelephoneNumbers", "RegionOfResidence", "RequestAttributesSequence",
        "RequestedContrastAgent", "RequestedProcedureComments", "RequestedProcedureID",
        "RequestedProcedureLocation", "RequestingPhysician", "RequestingService", "ResponsibleOrganization",
        "ResponsiblePerson", "ResultsComments", "ResultsDistributionListSequence",
        "ScheduledPerformingPhysicianIdentificationSequence", "ScheduledProcedureStepDescription",
        "ScheduledProcedureStepID", "ServiceEpisodeDescription", "ServiceEpisodeID", "SpecialNeeds",
        "StationName", "StudyComments", "TextComments", "TextString", "TopicAuthor", "TopicKeywords",
        "TopicSubject", "TopicTitle", "VerifyingObserverIdentificationCodeSequence", "VisitComments",
    ), "X"),
}

# Overlay comments and data (groups 60xx) can carry burned-in text of their own.
OVERLAY_ELEMENTS = (0x3000, 0x4000)

# UIDs kept as they are even though the standard does not define them: they name software, not a patient.
KEEP_UIDS = ("ImplementationClassUID",)

METHOD = "PS3.15 Basic Profile, options 113107 113108 113105"  # LO: at most 64 characters
METHOD_CODES = (
    ("113100", "Basic Application Confidentiality Profile"),
    ("113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
    ("113108", "Retain Patient Characteristics Option"),
    ("113105", "Clean Descriptors Option"),
)

# Modalities whose pixels commonly carry burned-in text (ultrasound, secondary capture, camera images...).
BURNED_IN_MODALITIES = frozenset({"US", "SC", "XC", "ES", "OT", "GM"})
