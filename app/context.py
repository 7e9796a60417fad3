"""Opening a data dir: lock, look before touching, migrate with a backup, then hand out the services."""

from __future__ import annotations

import logging
from functools import cached_property

from app.config import DataDir
from app.errors import DataDirError, SchemaError
from app.i18n import QT_TRANSLATE_NOOP
from app.instance import InstanceLock
from app.storage_errors import READ_ONLY, GuardedDatabase, storage_error
from db.blobs import BlobStore
from db.migrate import SchemaProblem, classify, head_revision, upgrade
from db.session import Database

log = logging.getLogger(__name__)


def schema_error(problem: SchemaProblem) -> DataDirError:
    if problem.reason == "newer":
        return SchemaError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This data folder was written by a newer version of MDT Desk. Install that version "
                "(or newer) to open it. Nothing was changed.",
            ),
            details=problem.detail,
        )
    if problem.reason == "foreign":
        return DataDirError(
            QT_TRANSLATE_NOOP(
                "errors", "The database file in this folder is not an MDT Desk database. Nothing was changed."
            ),
            details=problem.detail,
        )
    return DataDirError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The database file is damaged (truncated or corrupted). Nothing was changed. Restore it from "
            "a backup, or ask IT for help.",
        ),
        details=problem.detail,
    )


class AppContext:
    """Everything a use case needs for one data dir. Services are created on first use."""

    def __init__(self, data_dir: DataDir, db: Database, lock: InstanceLock | None) -> None:
        self.data_dir = data_dir
        self.db = db
        self.blobs = BlobStore(data_dir.blobs)
        self._lock = lock

    @cached_property
    def auth(self):
        from app.services.auth import AuthService

        return AuthService(self)

    @cached_property
    def setup(self):
        from app.services.setup import SetupService

        return SetupService(self)

    @cached_property
    def users(self):
        from app.services.users import UserService

        return UserService(self)

    @cached_property
    def account_settings(self):
        from app.services.account_settings import AccountSettingsService

        return AccountSettingsService(self)

    @cached_property
    def audit_query(self):
        from app.services.audit_query import AuditQueryService

        return AuditQueryService(self)

    @cached_property
    def patients(self):
        from app.services.patients import PatientService

        return PatientService(self)

    @cached_property
    def patient_import(self):
        from app.services.patient_import import PatientImportService

        return PatientImportService(self)

    @cached_property
    def cases(self):
        from app.services.cases import CaseService

        return CaseService(self)

    @cached_property
    def case_records(self):
        from app.services.case_records import CaseRecordService

        return CaseRecordService(self)

    @cached_property
    def drafts(self):
        from app.services.drafts import DraftService

        return DraftService(self)

    @cached_property
    def meetings(self):
        from app.services.meetings import MeetingService

        return MeetingService(self)

    @cached_property
    def agenda(self):
        from app.services.agenda import AgendaService

        return AgendaService(self)

    @cached_property
    def attendance(self):
        from app.services.attendance import AttendanceService

        return AttendanceService(self)

    @cached_property
    def capture(self):
        from app.services.capture import CaptureService

        return CaptureService(self)

    @cached_property
    def decisions(self):
        from app.services.decisions import DecisionService

        return DecisionService(self)

    @cached_property
    def attachments(self):
        from app.services.attachments import AttachmentService

        return AttachmentService(self)

    @cached_property
    def attachment_import(self):
        from app.services.attachment_import import AttachmentImportService

        return AttachmentImportService(self)

    @cached_property
    def attachment_browse(self):
        from app.services.attachment_browse import AttachmentBrowseService

        return AttachmentBrowseService(self)

    @cached_property
    def rendering(self):
        from app.services.rendering import RenderService

        return RenderService(self)

    @cached_property
    def slides(self):
        from app.services.slides import SlideService

        return SlideService(self)

    @cached_property
    def key_images(self):
        from app.services.key_images import KeyImageService

        return KeyImageService(self)

    @cached_property
    def annotations(self):
        from app.services.annotations import AnnotationService

        return AnnotationService(self)

    @cached_property
    def image_sources(self):
        from app.services.image_sources import ImageSourceService

        return ImageSourceService(self)

    @cached_property
    def teams(self):
        from app.services.teams import TeamService

        return TeamService(self)

    @cached_property
    def privacy(self):
        from app.services.privacy import PrivacyService

        return PrivacyService(self)

    @cached_property
    def integrity(self):
        from app.services.integrity import IntegrityService

        return IntegrityService(self)

    @cached_property
    def backups(self):
        from app.services.backup_service import BackupService

        return BackupService(self)

    @cached_property
    def execution(self):
        from app.services.execution import ExecutionService

        return ExecutionService(self)

    @cached_property
    def followups(self):
        from app.services.followups import FollowUpService

        return FollowUpService(self)

    @cached_property
    def my_work(self):
        from app.services.my_work import MyWorkService

        return MyWorkService(self)

    @cached_property
    def statistics(self):
        from app.services.statistics import StatisticsService

        return StatisticsService(self)

    @cached_property
    def plan_content(self):
        from app.services.plan_content import PlanContentService

        return PlanContentService(self)

    @cached_property
    def handwriting(self):
        from app.services.handwriting import HandwritingService

        return HandwritingService(self)

    @cached_property
    def credentials(self):
        from app.services.credentials import CredentialService

        return CredentialService(self)

    @cached_property
    def documents(self):
        from app.services.documents import DocumentService

        return DocumentService(self)

    @cached_property
    def printing(self):
        from app.services.printing import PrintingService

        return PrintingService(self)

    @cached_property
    def packages(self):
        from app.services.packages import PackageService

        return PackageService(self)

    def close(self) -> None:
        self.db.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None


def open_context(data_dir: DataDir, *, lock: bool = True, create: bool = False,
                 check_integrity: bool = True) -> AppContext:
    """Open (or with `create`, make) the data dir. Refuses damaged, foreign and newer databases untouched."""
    if not create and not data_dir.is_initialised():
        raise DataDirError(
            QT_TRANSLATE_NOOP(
                "errors",
                "No MDT Desk database in {path}. Start the app to set it up, or run `python -m app init`.",
            ),
            path=str(data_dir.root),
        )
    instance = InstanceLock(data_dir) if lock else None
    if instance:
        try:
            instance.acquire()
        except OSError as e:  # a read-only or full folder: said plainly, not as a traceback
            raise (storage_error(e) or DataDirError(READ_ONLY, details=repr(e))) from e
    try:
        try:
            state = classify(data_dir.db_path, check_integrity=check_integrity)
        except SchemaProblem as p:
            raise schema_error(p) from None
        data_dir.ensure()
        migrating = state.kind != "versioned" or state.revision != head_revision()
        # A reader without the lock (CLI `cases`, `patients`) still migrates only while holding it, so it can
        # never race a starting app; with the app running the schema is already current.
        guard = InstanceLock(data_dir) if migrating and instance is None else None
        if guard:
            guard.acquire()
        db = GuardedDatabase(data_dir.db_path)  # a full or read-only disk is said in plain words
        try:
            result = upgrade(db.engine, data_dir.db_path, data_dir.backups, check_integrity=False)
        except SchemaProblem as p:
            db.dispose()
            raise schema_error(p) from None
        finally:
            if guard:
                guard.release()
        if result.backup:
            log.info("backed up before migration to %s", result.backup.name)
            from app.services.backups import note_backup

            note_backup(db, "pre_migration", result.backup)
    except BaseException:
        if instance:
            instance.release()
        raise
    return AppContext(data_dir, db, instance)
