"""The database file: pragmas, migrations, refusal of damaged/foreign/newer files, backups, the lock."""

import hashlib
import shutil
import sqlite3

import pytest
from sqlalchemy import text

from app.config import DataDir
from app.context import open_context
from app.errors import DataDirError, SchemaError
from app.services.integrity import check_data_dir
from db import migrate
from db.base import Base


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_connection_gets_the_durability_pragmas(ctx):
    with ctx.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_migrations_build_exactly_the_models(ctx):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with ctx.db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []
    assert check_data_dir(ctx.data_dir).schema_revision == migrate.head_revision()


def test_foreign_keys_are_enforced(ctx):
    from sqlalchemy.exc import IntegrityError

    from db.models import Case

    with pytest.raises(IntegrityError), ctx.db.session() as s:
        s.add(Case(case_no="X-1", patient_id=999))


def test_a_database_from_a_newer_version_is_refused_untouched(ctx, data_dir):
    ctx.close()
    con = sqlite3.connect(data_dir.db_path)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = digest(data_dir.db_path)
    with pytest.raises(SchemaError) as err:
        open_context(data_dir)
    assert "newer version" in str(err.value)
    assert digest(data_dir.db_path) == before
    report = check_data_dir(data_dir)
    assert not report.ok and "newer" in report.problems[0].message


def test_a_truncated_database_is_refused_untouched(ctx, data_dir, admin):
    for i in range(300):  # enough rows for several pages
        ctx.patients.create(admin, name=f"病人{i}", sex="F")
    ctx.close()
    size = data_dir.db_path.stat().st_size
    with open(data_dir.db_path, "r+b") as f:
        f.truncate(size // 2 + 100)
    before = digest(data_dir.db_path)
    with pytest.raises(DataDirError) as err:
        open_context(data_dir)
    assert "damaged" in str(err.value)
    assert digest(data_dir.db_path) == before
    assert not check_data_dir(data_dir).ok


def test_a_corrupted_page_is_found_by_check(ctx, data_dir, admin):
    for i in range(400):
        ctx.patients.create(admin, name=f"患者{i:03d}", sex="M", hospital_number=f"ZY{i:05d}")
    ctx.close()
    con = sqlite3.connect(data_dir.db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    rootpage = con.execute("SELECT rootpage FROM sqlite_master WHERE name='ix_patients_name'").fetchone()[0]
    con.close()
    with open(data_dir.db_path, "r+b") as f:  # scribble over an index page's header
        f.seek((rootpage - 1) * page_size)
        f.write(b"\x07" * 12)
    report = check_data_dir(data_dir)
    assert not report.ok
    assert report.problems[0].area == "database"


def test_a_file_that_is_not_mdt_desk_is_refused(data_dir):
    data_dir.root.mkdir(parents=True)
    con = sqlite3.connect(data_dir.db_path)
    con.execute("CREATE TABLE other(x)")
    con.commit()
    con.close()
    before = digest(data_dir.db_path)
    with pytest.raises(DataDirError) as err:
        open_context(data_dir)
    assert "not an MDT Desk database" in str(err.value)
    assert digest(data_dir.db_path) == before


def test_garbage_instead_of_a_database_is_refused(data_dir):
    data_dir.root.mkdir(parents=True)
    data_dir.db_path.write_bytes(b"this is not sqlite" * 1000)
    with pytest.raises(DataDirError):
        open_context(data_dir)
    assert data_dir.db_path.read_bytes() == b"this is not sqlite" * 1000


def test_a_second_instance_on_the_same_folder_gets_a_clear_message(ctx, data_dir):
    with pytest.raises(DataDirError) as err:
        open_context(data_dir)
    assert "already running" in str(err.value)
    # the first instance keeps working
    assert ctx.setup.is_initialised()


def test_older_schema_is_backed_up_then_upgraded(tmp_path, monkeypatch):
    """A real second revision, in a copy of the migrations, exercises upgrade + pre-migration backup."""
    from app.services.auth import AuthService  # noqa: F401  (services import cleanly after migrate)

    dd = DataDir(tmp_path / "d")
    c = open_context(dd, create=True)
    c.setup.initialise("测试县人民医院", "admin", "Admin2026!")
    c.close()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (scripts / "versions" / "9999_test_column.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9999'\ndown_revision = '{head}'\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('patients') as b:\n"
        "        b.add_column(sa.Column('nickname', sa.String(50), nullable=True))\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    c = open_context(dd)
    try:
        with c.db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
            cols = [r[1] for r in conn.execute(text("PRAGMA table_info(patients)"))]
        assert "nickname" in cols
        assert c.setup.info().name == "测试县人民医院"  # data survived the migration
    finally:
        c.close()
    backups = list(dd.backups.glob(f"pre-migration-{head}-*.sqlite"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_oldest_released_schema_fixture_opens_with_its_data(tmp_path):
    """Each released schema keeps a fixture database; opening it must upgrade and keep every row."""
    fixtures = sorted((migrate.MIGRATIONS_DIR.parents[1] / "tests" / "data" / "schemas").glob("*.sqlite"))
    assert fixtures, "a fixture database per released schema lives in tests/data/schemas/"
    for fixture in fixtures:
        dd = DataDir(tmp_path / fixture.stem)
        dd.root.mkdir()
        shutil.copy(fixture, dd.db_path)
        c = open_context(dd)
        try:
            actor = c.auth.login("admin", "Admin2026!")
            assert c.setup.info().name == "测试县人民医院"
            assert [p.name for p in c.patients.search(actor, "zs")] == ["张三"]
        finally:
            c.close()
        assert check_data_dir(dd).ok


def test_revision_chain_read_from_scripts_matches_alembic():
    chain = [s.revision for s in reversed(list(migrate.script_directory().walk_revisions()))]
    assert migrate.known_revisions() == chain
    assert migrate.head_revision() == migrate.script_directory().get_current_head()


def test_version_matches_pyproject():
    import tomllib

    from app import __version__

    pyproject = tomllib.loads((migrate.MIGRATIONS_DIR.parents[1] / "pyproject.toml").read_text("utf-8"))
    assert __version__ == pyproject["project"]["version"]
