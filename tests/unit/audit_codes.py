"""Every audit action and entity code the services can write, found by reading the source (ast).

An audit call names its action as a literal, a conditional between literals, an f-string, or a parameter
of the function it sits in; a parameter is followed to the literals that function's callers in the same
module pass. What cannot be resolved is reported, so a new way of writing events cannot slip past.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
# (how the call is spelled, index of the action argument); the entity follows it
CALLS = {("audit_chain", "record"): 2, (None, "audit"): 3}
WRAPPERS = {("services/meeting_common.py", "audit")}  # pass their caller's codes through


def _call_key(node: ast.Call):
    f = node.func
    if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
        return (f.value.id, f.attr)
    if isinstance(f, ast.Name):
        return (None, f.id)
    return None


def _callers_values(tree: ast.Module, fn: ast.FunctionDef, param: str) -> set[str] | None:
    names = [a.arg for a in fn.args.args]
    index = names.index(param) - (1 if names and names[0] == "self" else 0)
    found: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _call_key(node) and _call_key(node)[1] == fn.name):
            continue
        arg = next((k.value for k in node.keywords if k.arg == param), None)
        if arg is None and index < len(node.args):
            arg = node.args[index]
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            return None
        found.add(arg.value)
    return found or None


def _values(expr, tree, fn) -> set[str] | None:
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.IfExp):
        a, b = _values(expr.body, tree, fn), _values(expr.orelse, tree, fn)
        return a | b if a is not None and b is not None else None
    if isinstance(expr, ast.Name) and fn is not None and expr.id in [a.arg for a in fn.args.args]:
        return _callers_values(tree, fn, expr.id)
    if isinstance(expr, ast.JoinedStr):
        parts = []
        for v in expr.values:
            p = _values(v.value if isinstance(v, ast.FormattedValue) else v, tree, fn)
            if p is None:
                return None
            parts.append(sorted(p))
        return {"".join(x) for x in itertools.product(*parts)}
    return None


def audit_codes() -> tuple[set[str], set[str], list[str]]:
    """(action codes, entity codes, unresolved call sites)."""
    actions, entities, unresolved = set(), set(), []
    for path in sorted(APP.rglob("*.py")):
        rel = path.relative_to(APP).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            if (rel, fn.name) in WRAPPERS:
                continue
            for node in ast.walk(fn):
                if not isinstance(node, ast.Call) or _call_key(node) not in CALLS:
                    continue
                i = CALLS[_call_key(node)]
                if len(node.args) <= i + 1 and _call_key(node)[0] is None:
                    continue  # another function called `audit` (the demo writer's method)
                for what, expr, into in (("action", node.args[i] if len(node.args) > i else None, actions),
                                         ("entity", node.args[i + 1] if len(node.args) > i + 1 else None,
                                          entities)):
                    values = _values(expr, tree, fn) if expr is not None else None
                    if values is None:
                        # a record code computed in the call's function (printing picks one of three)
                        # is checked on a real trail by test_the_codes_of_a_working_hospital_all_have_labels
                        if what == "action":
                            unresolved.append(f"{rel}:{node.lineno}")
                        continue
                    into |= values
    return actions, entities, unresolved
