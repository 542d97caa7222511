"""Check the installed dependencies against the PyPI advisory database with pip-audit (run by `make test`).

Offline-tolerant by design: where the advisory service cannot be reached (a build machine that only sees a
package mirror), pip-audit marks every package "not found" or fails to connect; that is reported as "not
checked" and the run passes. Where it is reachable, any known vulnerability fails the run unless it is listed
in ACCEPTED with a reason.

    python scripts/audit_dependencies.py            # audit the running environment
    python scripts/audit_dependencies.py --json F   # judge a saved `pip-audit -f json` report instead
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Vulnerability id → why it does not affect us. Empty: nothing accepted so far.
ACCEPTED: dict[str, str] = {}

# Words in pip-audit's output that mean "the advisory service was not reached", not "the audit failed".
UNREACHABLE_SIGNS = ("ConnectionError", "NameResolutionError", "Max retries exceeded", "timed out",
                     "Temporary failure in name resolution", "Network is unreachable", "ProxyError")
TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    vuln_id: str
    fix_versions: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str
    findings: tuple[Finding, ...] = ()


def judge(report: dict) -> Verdict:
    """A pip-audit JSON report → pass/fail and the lines to print."""
    deps = report.get("dependencies")
    if not isinstance(deps, list):
        return Verdict(False, f"pip-audit report has no 'dependencies' list: keys {sorted(report)}")
    skipped = [d for d in deps if d.get("skip_reason")]
    audited = [d for d in deps if not d.get("skip_reason")]
    findings = tuple(
        Finding(d["name"], d.get("version", "?"), v["id"], tuple(v.get("fix_versions") or ()),
                tuple(v.get("aliases") or ()))
        for d in audited for v in d.get("vulns") or ())
    open_findings = tuple(f for f in findings
                          if f.vuln_id not in ACCEPTED and not set(f.aliases) & set(ACCEPTED))
    if not audited:
        return Verdict(True, f"advisory database unreachable: none of {len(deps)} packages could be checked "
                             f"(e.g. {skipped[0]['name']}: {skipped[0]['skip_reason']}); not audited"
                       if skipped else "no dependencies to audit")
    lines = [f"checked {len(audited)} packages against the advisory database"]
    if skipped:
        lines.append(f"{len(skipped)} could not be checked: " + ", ".join(d["name"] for d in skipped[:10])
                     + (" …" if len(skipped) > 10 else ""))
    for f in findings:
        fix = ", ".join(f.fix_versions) or "no fixed version yet"
        status = f"accepted: {ACCEPTED.get(f.vuln_id) or 'alias accepted'}" if f not in open_findings else "OPEN"
        lines.append(f"  {f.package} {f.version}: {f.vuln_id} (fixed in {fix}) [{status}]")
    if open_findings:
        lines.append(f"{len(open_findings)} known vulnerabilities: upgrade the pins in constraints.txt "
                     f"and pyproject.toml, or add the id to ACCEPTED in {Path(__file__).name} with a reason")
    else:
        lines.append("no open known vulnerabilities")
    return Verdict(not open_findings, "\n".join(lines), open_findings)


def judge_failure(returncode: int, stdout: str, stderr: str) -> Verdict:
    """pip-audit printed no JSON: unreachable service passes (said plainly), anything else fails."""
    text = stdout + stderr
    if any(sign in text for sign in UNREACHABLE_SIGNS):
        return Verdict(True, "advisory database unreachable (network error); dependencies not audited")
    tail = " | ".join(text.strip().splitlines()[-3:]) or "no output"
    return Verdict(False, f"pip-audit failed with exit code {returncode}: {tail}")


def run_pip_audit() -> Verdict:
    command = [sys.executable, "-m", "pip_audit", "--format", "json", "--progress-spinner", "off",
               "--skip-editable", "--vulnerability-service", "pypi", "--timeout", "15"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return Verdict(True, f"advisory database did not answer within {TIMEOUT_SECONDS} s; not audited")
    except OSError as exc:
        return Verdict(False, f"could not run pip-audit ({exc}); install the test extras: pip install -e '.[test]'")
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        return judge_failure(done.returncode, done.stdout, done.stderr)
    return judge(report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Audit dependencies for known vulnerabilities (offline-tolerant).")
    parser.add_argument("--json", metavar="FILE", help="judge a saved `pip-audit -f json` report")
    args = parser.parse_args(argv)
    if args.json:
        try:
            with open(args.json, encoding="utf-8") as fh:
                verdict = judge(json.load(fh))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"dependency audit: cannot read report {args.json!r}: {exc}", file=sys.stderr)
            return 2
    else:
        verdict = run_pip_audit()
    print("dependency audit: " + verdict.message)
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
