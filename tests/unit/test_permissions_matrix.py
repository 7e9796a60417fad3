"""Role x action: every mutating service call and every export, for each of the five roles.

Allowed roles succeed and change the data; the others get PermissionDenied and the database and the file
store stay byte-for-byte as they were. The table lives in permission_table.py (one line per call); a
public service method that is in neither OPS nor READS fails `test_every_service_call_is_in_the_table`.
"""

from __future__ import annotations

import inspect
from functools import cached_property

import pytest
from permission_table import NOT_TESTED_ACTIONS, OPS, PENDING, READS, Op
from permission_world import ROLES, build, copy_data, fingerprint

from app.context import AppContext, open_context
from app.errors import PermissionDenied
from app.services.cases import CaseQuery


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch):
    """Signing keys and stamps are sealed with argon2: its lightest profile, the roles are what is tested."""
    monkeypatch.setattr("app.signing.secret_box.TIME_COST", 1)
    monkeypatch.setattr("app.signing.secret_box.MEMORY_KIB", 64)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("permissions")
    return root, build(root)


class Copies:
    """Fresh copies of the template hospital, each opened; all closed at the end of the test."""

    def __init__(self, template, tmp_path) -> None:
        self.root, self.world = template
        self.tmp_path = tmp_path
        self.opened = []

    def __call__(self):
        data_dir = copy_data(self.root, self.tmp_path / f"data{len(self.opened)}")
        ctx = open_context(data_dir, check_integrity=False)
        self.opened.append(ctx)
        return ctx

    def close(self) -> None:
        for ctx in self.opened:
            ctx.close()


@pytest.fixture
def copies(template, tmp_path):
    c = Copies(template, tmp_path)
    yield c
    c.close()


@pytest.fixture
def fresh(copies):
    return copies(), copies.world


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_each_role_may_or_may_not(op: Op, copies, tmp_path):
    """All five roles: each allowed one on its own fresh copy; the refused ones in turn on one copy (a
    refusal changes nothing, which is checked after each)."""
    world, admin = copies.world, copies.world.actors["admin"]
    refused = copies()
    if op.prepare is not None:
        op.prepare(refused, world, admin, tmp_path)
    before = fingerprint(refused.data_dir)
    for role in ROLES:
        out = tmp_path / f"out-{role}"
        out.mkdir()
        actor = world.actors[role]
        if role in op.roles:
            ctx = copies()
            if op.prepare is not None:
                op.prepare(ctx, world, admin, out)
            start = fingerprint(ctx.data_dir)
            op.call(ctx, world, actor, out)
            if op.writes:
                assert fingerprint(ctx.data_dir) != start, f"{op.name} by {role} changed nothing"
        else:
            with pytest.raises(PermissionDenied):
                op.call(refused, world, actor, out)
            assert fingerprint(refused.data_dir) == before, f"{op.name} refused to {role} but changed the data"
            assert not any(out.iterdir()), f"{op.name} refused to {role} but wrote {list(out.iterdir())}"


def test_every_role_and_call_is_covered():
    """The proof's size: every role against every mutating call and export in the table."""
    assert len(ROLES) == 5 and len(OPS) >= 60
    assert all(op.roles <= set(ROLES) for op in OPS)


def _service_attributes() -> list[str]:
    return [name for name, v in vars(AppContext).items() if isinstance(v, cached_property)]


def _actor_methods(service) -> list[str]:
    """Public methods whose first parameter is the acting user: the calls a person makes."""
    names = []
    for name, fn in inspect.getmembers(type(service), inspect.isfunction):
        if name.startswith("_"):
            continue
        params = list(inspect.signature(fn).parameters)
        if len(params) > 1 and params[1] == "actor":
            names.append(name)
    return names


def test_every_service_call_is_in_the_table(ctx):
    """A new public call must say who may make it: add it to OPS (mutating, export) or READS."""
    covered = {op.method for op in OPS} | READS
    missing = []
    for attr in _service_attributes():
        if attr in PENDING:
            continue
        try:
            service = getattr(ctx, attr)
        except ImportError:  # a service another helper is still writing
            continue
        missing += [f"{attr}.{m}" for m in _actor_methods(service) if f"{attr}.{m}" not in covered]
    assert not missing, f"service calls missing from tests/unit/permission_table.py: {missing}"


def test_the_table_names_only_real_calls(ctx):
    for name in {op.method for op in OPS} | READS:
        attr, method = name.split(".")
        assert callable(getattr(getattr(ctx, attr), method, None)), name


def test_every_matrix_action_is_tested_or_read_only():
    from app.security.permissions import MATRIX

    used = {op.action for op in OPS if op.action}
    assert set(MATRIX) - used - NOT_TESTED_ACTIONS == set()


def test_the_viewer_reads_cases_and_meetings(fresh):
    """Reads are open to every role (the viewer sees masked identities, see test_accounts_masking)."""
    ctx, world = fresh
    viewer = world.actors["viewer"]
    assert ctx.cases.search_ids(viewer, CaseQuery())
    assert ctx.meetings.get(viewer, world.planned_id).agenda


def test_prepare_lays_out_only_for_signers(copies):
    """Finalising calls `documents.prepare` for whoever finalised: a signer gets the document laid out, anyone
    else None and no change."""
    world = copies.world
    for role in ("admin", "viewer"):
        ctx = copies()
        before = fingerprint(ctx.data_dir)
        assert ctx.documents.prepare(world.actors[role], world.final_decision_id) is None
        assert fingerprint(ctx.data_dir) == before
    ctx = copies()
    doc = ctx.documents.prepare(world.actors["chair"], world.final_decision_id)
    assert doc.status == "signing" and doc.signatures[-1].role == "chair"
