import subprocess
import sys

import pytest

from assistant.settings import SettingsError, load_settings
from evals.gold_set import CATEGORIES, GoldError, load_gold
from evals.metrics import facts_ok, percentile, summarize, top_citation_ok, CaseScore
from tests.conftest import ROOT


def test_settings_defaults_and_errors(monkeypatch):
    cfg = load_settings()
    assert cfg.host == "127.0.0.1" and cfg.port == 7860 and cfg.model == "m3e-small"
    monkeypatch.setenv("POLICY_PORT", "http")
    with pytest.raises(SettingsError, match="POLICY_PORT='http'"):
        load_settings()
    monkeypatch.setenv("POLICY_PORT", "7861")
    monkeypatch.setenv("POLICY_BACKEND", "gpu")
    with pytest.raises(SettingsError, match="onnx"):
        load_settings()


def test_gold_set_schema_and_size():
    done = subprocess.run([sys.executable, str(ROOT / "evals" / "gold" / "check_gold.py")], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    cases = load_gold()
    assert len(cases) >= 60
    assert {c.split for c in cases} == {"dev", "test"}
    assert {"out_of_scope", "followup", "traditional", "typo", "colloquial"} <= {c.category for c in cases}
    assert {c.category for c in cases} <= set(CATEGORIES)
    with pytest.raises(GoldError, match="split must be one of"):
        load_gold(split="train")


def test_metrics_on_hand_made_cases():
    assert top_citation_ok(["6", "5"], ["6"]) and not top_citation_ok([], ["6"]) and not top_citation_ok(["5"], ["6"])
    assert facts_ok("前两个月房租免收、第三个月\n房租减半", ["第三个月房租减半"])
    assert not facts_ok("第三个月房租减半", ["50%"])
    assert percentile([1, 2, 3, 4], 50) == 2 and percentile([], 95) == 0.0
    scores = [CaseScore("a", "test", "x", True, False, True, 1.0), CaseScore("b", "test", "x", None, None, False, 3.0)]
    s = summarize(scores)
    assert s["top_citation"] == 1.0 and s["facts"] == 0.0 and s["refusal"] == 0.5 and s["latency_p50_ms"] == 2.0


def test_readme_commands_exist_in_the_makefile():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    for target in ("run", "test", "install"):
        done = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_chroma_host_must_be_loopback():
    from assistant.settings import SettingsError, load_settings

    assert load_settings(chroma_host="127.0.0.1").chroma_host == "127.0.0.1"
    assert load_settings(chroma_host="  ").chroma_host is None
    with pytest.raises(SettingsError, match="POLICY_CHROMA_HOST='10.0.0.5'.*loopback"):
        load_settings(chroma_host="10.0.0.5")
