"""The app in a real browser: Debian's headless Chromium driven by Playwright, against the app served on a
free localhost port with the real engine. Each test saves a screenshot under its tmp folder.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import served_app

pytestmark = [pytest.mark.integration, pytest.mark.browser]

CHROMIUM = os.environ.get("POLICY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT_MS = 30_000


def _chromium_or_skip() -> str:
    if Path(CHROMIUM).is_file() or shutil.which(CHROMIUM):
        return CHROMIUM
    reason = (f"no Chromium at {CHROMIUM}: `apt-get install chromium chromium-driver` (make test does it when "
              "run as root) or set POLICY_CHROMIUM")
    if os.environ.get("CI"):
        pytest.fail(reason)  # CI installs it; a skip there would hide the browser tests
    pytest.skip(reason)


@pytest.fixture(scope="module")
def served(real_engine, policy, tmp_path_factory):
    with served_app(real_engine, [policy], tmp_path_factory.mktemp("browser-app")) as (url, cfg):
        yield url, cfg


@pytest.fixture(scope="module")
def browser():
    executable = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, served, tmp_path):
    url, _ = served
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    page.wait_for_selector("#question textarea")
    yield page
    page.screenshot(path=str(tmp_path / "screenshot.png"), full_page=True)
    context.close()


def ask(page, question: str, answers_before: int) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#chat .answer-text').length > n", arg=answers_before, timeout=TIMEOUT_MS)


def last_answer(page):
    return page.locator("#chat .message-row, #chat .message").filter(has=page.locator(".answer-text")).last


def test_chat_answers_with_citation_card(page):
    ask(page, "我租的国有门面月租2万，能减免多少？", 0)
    answer = page.locator("#chat .answer-text").last
    assert "50000" in answer.inner_text().replace(",", "")
    card = page.locator("#chat .cite-card").last
    assert "减免中小微企业房租" in card.inner_text()
    # the whole clause folds out with the quoted sentence highlighted in it
    card.locator("summary").click()
    assert card.locator(".section-text mark.quote").count() >= 1
    assert "依据《太原市人民政府关于应对新型冠状病毒感染肺炎疫情支持中小微企业发展的意见》第六条" in \
        page.locator("#read-out textarea").input_value()


def test_follow_up_uses_the_conversation(page):
    ask(page, "国有房产的房租怎么减免？", 0)
    ask(page, "那第三个月呢？", 1)
    answer = page.locator("#chat .answer-text").last.inner_text()
    assert "减半" in answer
    assert "减免中小微企业房租" in page.locator("#chat .cite-card").last.inner_text()


def test_question_with_markup_shows_as_text(page):
    ask(page, "<img src=x onerror=\"document.title='pwned'\">房租怎么减免？", 0)
    assert page.title() != "pwned"
    assert "<img src=x" in page.locator("#chat").inner_text()


def test_lookup_highlights_the_searched_term(page):
    page.get_by_role("tab", name="条款查询").click()
    box = page.locator("#lookup-query textarea, #lookup-query input").first
    page.locator("#lookup-results .lookup-hit").first.wait_for()  # the whole document is listed first
    box.fill("反担保")
    box.press("Enter")
    page.wait_for_function(
        "() => (document.querySelector('#lookup-results .lookup-summary')?.innerText || '').includes('反担保')")
    hit = page.locator('#lookup-results .lookup-hit[data-section="3"]')
    assert page.locator("#lookup-results .lookup-hit").first.get_attribute("data-section") == "3"
    marks = hit.locator("mark.hit").all_inner_texts()
    assert marks and set(marks) == {"反担保"}
    assert "第三条" in hit.locator(".read-out").inner_text()
    assert page.locator("#lookup-read-out textarea").input_value().startswith("依据《")


def test_lookup_filters_by_department(page):
    page.get_by_role("tab", name="条款查询").click()
    page.locator("#lookup-results .lookup-hit").first.wait_for()  # the whole document, before filtering
    everything = page.locator("#lookup-results .lookup-hit").count()
    dropdown = page.locator("#lookup-department input")
    dropdown.click()
    dropdown.fill("市人社局")
    page.get_by_role("option", name="市人社局", exact=True).click()
    page.wait_for_function(
        "n => document.querySelectorAll('#lookup-results .lookup-hit').length < n", arg=everything)
    hits = page.locator("#lookup-results .lookup-hit")
    assert hits.count() >= 1
    for text in hits.locator(".cite-units").all_inner_texts():
        assert "市人社局" in text
    assert "市人社局" in page.locator("#lookup-results .lookup-summary").inner_text()


def test_rent_calculator_form(page):
    page.get_by_role("tab", name="计算器").click()
    page.locator("#calc-chooser").get_by_text(re.compile("房租减免")).click()
    form = page.locator("#calc-rent_relief-form")
    form.get_by_label(re.compile("月租金")).fill("abc")
    form.locator("#calc-rent_relief-run").click()
    error = form.locator(".prose.field-error-monthly_rent")
    error.wait_for()
    assert "月租金" in error.inner_text()
    assert form.locator(".prose.field-error:visible").count() == 2  # the landlord is not chosen yet either
    assert form.locator(".prose.field-error-landlord").is_visible()
    assert form.locator("#calc-rent_relief-result").inner_text().strip() == "请先改正上面标出的输入。"
    form.get_by_label(re.compile("月租金")).fill("2万")
    landlord = form.locator(".calc-field-landlord input")
    landlord.click()
    page.get_by_role("option", name=re.compile("国有")).click()
    form.locator("#calc-rent_relief-run").click()
    page.wait_for_function(
        "() => (document.querySelector('#calc-rent_relief-result')?.innerText || '').includes('计算过程')")
    result = form.locator("#calc-rent_relief-result").inner_text()
    assert "50000" in result.replace(",", "") and "减免中小微企业房租" in result
    assert form.locator(".prose.field-error:visible").count() == 0


def test_thumbs_down_is_stored(page, served):
    _, cfg = served
    ask(page, "反担保有什么规定？", 0)
    page.locator("#feedback-comment textarea").fill("想知道具体哪家担保机构")
    message = page.locator("#chat .answer-text").last
    message.hover()
    page.locator("#chat button[aria-label=\"踩\"], #chat button[aria-label=\"Dislike\"]").last.click()  # zh-CN: 踩
    page.wait_for_function(
        "() => (document.querySelector('#feedback-status')?.innerText || '').includes('已记录')")
    with sqlite3.connect(cfg.feedback_db) as db:
        rows = db.execute("SELECT rating, question, comment FROM feedback").fetchall()
    assert (-1, "反担保有什么规定？", "想知道具体哪家担保机构") in rows
