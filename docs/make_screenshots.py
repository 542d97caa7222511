"""Screenshots of each tab for the README: `make screenshots` (or `python docs/make_screenshots.py [FOLDER]`).

Serves the app on a free loopback port with the configured index (built if needed), drives Debian's headless
Chromium through one realistic use of each tab, and writes chat.png, lookup.png, calculator.png and eval.png.
The eval tab shows evals/reports/latest.json, so run `make eval` first for a filled-in report.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_text(page, selector: str, text: str) -> None:
    page.wait_for_function("([sel, t]) => (document.querySelector(sel)?.innerText || '').includes(t)",
                           arg=[selector, text], timeout=60_000)


def shoot(url: str, folder: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page.goto(url)
        page.wait_for_selector("#question textarea")

        box = page.locator("#question textarea")
        box.fill("国有房产的房租怎么减免？")
        box.press("Enter")
        page.wait_for_function("() => document.querySelectorAll('#chat .cite-card').length >= 1", timeout=60_000)
        box.fill("我租的国有门面月租2万，能减免多少？")
        box.press("Enter")
        page.wait_for_function("() => document.querySelectorAll('#chat .cite-card').length >= 2", timeout=60_000)
        page.locator("#chat .cite-card summary").last.click()
        shots.append(folder / "chat.png")
        page.screenshot(path=str(shots[-1]))

        page.get_by_role("tab", name="条款查询").click()
        query = page.locator("#lookup-query textarea, #lookup-query input").first
        page.locator("#lookup-results .lookup-hit").first.wait_for()
        query.fill("反担保")
        query.press("Enter")
        wait_text(page, "#lookup-results .lookup-summary", "反担保")
        shots.append(folder / "lookup.png")
        page.screenshot(path=str(shots[-1]))

        page.get_by_role("tab", name="计算器").click()
        page.locator("#calc-chooser").get_by_text("中小微企业规模判定（结语）").click()
        form = page.locator("#calc-sme_size-form")
        industry = form.locator(".calc-field-industry input")
        industry.click()
        industry.fill("饭店")
        industry.press("Enter")
        form.locator(".calc-field-employees input, .calc-field-employees textarea").first.fill("50")
        form.locator(".calc-field-revenue_wan input, .calc-field-revenue_wan textarea").first.fill("800")
        form.locator("#calc-sme_size-run").click()
        wait_text(page, "#calc-sme_size-result", "计算过程")
        shots.append(folder / "calculator.png")
        page.screenshot(path=str(shots[-1]), full_page=True)

        page.get_by_role("tab", name="评测报告").click()
        page.wait_for_timeout(1500)
        shots.append(folder / "eval.png")
        page.screenshot(path=str(shots[-1]))
        browser.close()
    return shots


def main(argv: list[str]) -> int:
    import app
    from assistant.runtime import build_engine
    from assistant.settings import settings
    from assistant.policies import load_policies

    folder = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    cfg = settings()
    engine = build_engine(cfg, lambda message: print(f"[索引] {message}", flush=True))
    demo = app.build_app(lambda: engine, load_policies(cfg), cfg)
    url = app.launch(demo, cfg, port=free_port(), block=False)
    try:
        for path in shoot(url, folder):
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    finally:
        demo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
