"""政策助手 — the Gradio app: chat (owners), lookup (hotline staff), calculators, eval report (evaluators).

This module only wires: questions go to `Engine.answer`, searches to `assistant.lookup`, forms to
`assistant.calculator.forms`, ratings to `assistant.feedback`, and the report tab reads what
`python -m evals run` wrote. HTML comes from `assistant.render`, which escapes everything it shows.

Run: `python app.py` (settings come from the environment, prefix POLICY_; see assistant/settings.py).
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

import gradio as gr

from assistant import render
from assistant.calculator.forms import FORMS, Form, run_form
from assistant.feedback import FeedbackError, FeedbackStore, app_version
from assistant.logs import configure_logging
from assistant.policies import load_policies
from assistant.compose import clause_label
from assistant.lookup import Lookup, LookupQueryError, LookupResult, departments
from assistant.question import QuestionError
from assistant.settings import Settings, SettingsError, settings
from corpus.load import CorpusError
from corpus.records import Answer, Policy, Section
from evals import report as eval_report

log = logging.getLogger("policy.app")

TITLE = "政策助手"
EXAMPLES = ("我租的国有门面月租2万，能减免多少？", "反担保有什么规定？", "缓缴社保找哪个部门？", "这个政策现在还有效吗？")

LOADING_MESSAGE = "索引正在加载，请稍候再试。"
LOAD_FAILED_MESSAGE = "索引加载失败，暂时无法回答，请联系管理员查看服务器日志。"
EMPTY_MESSAGE = "请输入要咨询的问题。"
GENERIC_ERROR = "抱歉，处理这个问题时出错了，请稍后再试。"
NO_REPORT = "还没有评测报告。运行 `make eval`（或 `python -m evals run`）后点「刷新」。"
MAX_HISTORY_TURNS = 20  # earlier user turns kept for follow-up questions
# Engine calls (chat, /ask, /lookup) share the concurrency group "engine", at most this many at once. Measured with
# `python -m evals bench-load` (50 users x 30 s, 2 cores, two runs per value on a quiet machine; README "Concurrent
# load"): the limit barely moves throughput (1, 2, 4, 8 all gave 10.3-11.6 conversations/s). The server tops out at
# ~1.5 cores because a call's CPU (~45 ms) is mostly Python, Gradio's and the engine's, which holds the GIL; only
# the onnxruntime embedding (~30%) runs beside it. 2 is one engine call per core: one call's embedding overlaps the
# other's Python (1 gave the lowest figures, 10.6-11.0/s). Higher limits only added threads (each onnx run uses 2)
# and moved the waiting from chats onto every other event: 👍/👎 and 清空对话 p50 75 ms at 2, 180 ms at 4, 290 ms at
# 8, for a chat p99 of 1.8-2.1 s instead of 2.1-2.3 s.
ENGINE_CONCURRENCY = 2
# 👍/👎 rows: SQLite takes one writer at a time anyway, but with 1 slot each rating also waited for the others'
# Python and fsync (p50 3.6 s with 50 users); 4 lets those overlap (p50 under 0.1 s) without crowding the database.
FEEDBACK_CONCURRENCY = 4
CHAT_API_DOC = ("Ask in this session's conversation, as the chat box does: earlier questions of the session are its "
                "history. Pass the chatbot value the last call returned (or nothing). Returns (cleared box, chatbot "
                "messages as HTML, citation read-out lines). /clear or a new session starts the conversation over.")
FEEDBACK_API_DOC = ("Rate the latest answer of this session's conversation, as 👍/👎 does: rating 'up' or 'down', "
                    "an optional comment. Returns (cleared comment, status line with the feedback row number).")
ALL = "全部"

CSS = """
.cite-card, .lookup-hit { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 6px 10px; margin-top: 8px; }
.cite-label { font-weight: 600; }
.doc-title { font-weight: 400; opacity: 0.75; font-size: 0.9em; }
.cite-units, .read-out, .lookup-note, .refusal-note { font-size: 0.9em; opacity: 0.85; margin-top: 4px; }
.section-text { white-space: normal; line-height: 1.7; margin-top: 4px; }
mark.hit { background: #ffe066; color: inherit; padding: 0 1px; }
mark.quote { background: #c3f0ca; color: inherit; }
.field-error { color: #c92a2a; font-size: 0.9em; min-height: 0; }
"""


class AnswersQuestions(Protocol):
    index: Any

    def answer(self, question: str, history: list[dict]) -> Answer: ...


class EngineLoading(RuntimeError):
    """The engine is still being built; try again shortly."""


class EngineUnavailable(RuntimeError):
    """Building the engine failed; the cause was logged."""


class UserMessage(Exception):
    """A request that gets a message instead of a result; the text is safe to show to the user."""


class EngineLoader:
    """Builds the engine once in a background thread; `get` waits a little, then reports it still loading."""

    def __init__(self, build: Callable[[], AnswersQuestions], wait_seconds: float = 3.0) -> None:
        self._build = build
        self._wait = wait_seconds
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._engine: AnswersQuestions | None = None
        self._failed = False

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="engine-loader", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        try:
            self._engine = self._build()
        except BaseException:  # noqa: BLE001 - any failure must end the wait and be logged
            self._failed = True
            log.exception("building the engine failed")
        finally:
            self._ready.set()

    def get(self) -> AnswersQuestions:
        self.start()
        if not self._ready.wait(self._wait):
            raise EngineLoading(LOADING_MESSAGE)
        if self._failed or self._engine is None:
            raise EngineUnavailable(LOAD_FAILED_MESSAGE)
        return self._engine


class Services:
    """What the tabs share: the engine (built lazily), its lookup, and the corpus for finding sections."""

    def __init__(self, get_engine: Callable[[], AnswersQuestions], policies: Sequence[Policy], cfg: Settings) -> None:
        self._get_engine = get_engine
        self.policies = tuple(policies)
        self.cfg = cfg
        self.departments = departments(self.policies)
        self._lookup: Lookup | None = None
        self._lookup_lock = threading.Lock()
        self._feedback: FeedbackStore | None = None

    def engine(self) -> AnswersQuestions:
        try:
            return self._get_engine()
        except (EngineLoading, EngineUnavailable) as exc:
            raise UserMessage(str(exc)) from None

    def lookup(self) -> Lookup:
        engine = self.engine()
        with self._lookup_lock:
            if self._lookup is None or self._lookup.index is not engine.index:
                self._lookup = Lookup(engine.index)
            return self._lookup

    def section_of(self, doc: str, section_id: str) -> tuple[Policy, Section] | None:
        for policy in self.policies:
            if policy.doc == doc:
                return next(((policy, s) for s in policy.sections if s.id == section_id), None)
        return None

    def feedback(self) -> FeedbackStore:
        if self._feedback is None:
            self._feedback = FeedbackStore(self.cfg.feedback_db)
        return self._feedback


# -- asking ---------------------------------------------------------------------------------------------

def ask_engine(get_engine: Callable[[], AnswersQuestions], question: Any, history: list[dict],
               max_chars: int) -> Answer:
    """The engine's answer, or UserMessage with a message fit to show; unexpected errors are logged."""
    if not isinstance(question, str) or not question.strip():
        raise UserMessage(EMPTY_MESSAGE)
    if len(question) > max_chars:
        raise UserMessage(f"问题太长了（{len(question)} 字），请精简到 {max_chars} 字以内再问。")
    try:
        engine = get_engine()
        return engine.answer(question, history)
    except UserMessage:
        raise
    except (EngineLoading, EngineUnavailable) as exc:
        raise UserMessage(str(exc)) from None
    except QuestionError as exc:
        raise UserMessage(f"无法处理这个问题：{exc}") from None
    except Exception:  # noqa: BLE001 - the user gets one generic line; the log gets the traceback
        log.exception("answering failed for a question of %d characters", len(question))
        raise UserMessage(GENERIC_ERROR) from None


def parse_history_json(history_json: str | None) -> list:
    if history_json is None or not str(history_json).strip():
        return []
    try:
        history = json.loads(history_json)
    except (TypeError, ValueError) as exc:
        raise UserMessage(f"history_json 不是合法的 JSON：{exc}") from None
    if not isinstance(history, list):
        raise UserMessage('history_json 必须是列表，例如 [{"role": "user", "content": "房租能减免多少？"}]')
    return history


# -- chat ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Exchange:
    """What a rating of one assistant message records: the question, the history it was asked with, the answer."""

    question: str
    history: tuple[dict, ...]
    answer: dict


def make_respond(services: Services):
    """The chat handler: (message, chat, user turns, exchanges) → (cleared box, chat, turns, exchanges, read-out)."""
    max_chars = services.cfg.max_question_chars

    def respond(message: str, chat: list | None, turns: list[str] | None, exchanges: dict | None,
                doc: str | None = None):
        chat, turns, exchanges = list(chat or []), list(turns or []), dict(exchanges or {})
        get_engine = services.engine if _chosen(doc) is None else lambda: services.engine().for_documents({doc})
        message = message if isinstance(message, str) else ""
        history = [{"role": "user", "content": t} for t in turns]
        if message.strip():
            chat.append({"role": "user", "content": render.text_html(message)})
        try:
            answer = ask_engine(get_engine, message, history, max_chars)
        except UserMessage as msg:
            chat.append({"role": "assistant", "content": render.message_html(str(msg))})
            return "", chat, turns, exchanges, ""
        chat.append({"role": "assistant", "content": render.answer_html(answer, services.section_of)})
        exchanges[len(chat) - 1] = Exchange(message, tuple(history), answer.to_json())
        turns = (turns + [message])[-MAX_HISTORY_TURNS:]
        return "", chat, turns, exchanges, render.read_out_lines(answer, services.section_of)

    return respond


NOT_AN_ANSWER = "只能评价助手对问题的回答。"
API_RATINGS = {"up": 1, "down": -1}  # the /feedback API's values; the 👍/👎 buttons send LikeData instead


def rate_exchange(services: Services, exchanges: dict | None, index: Any, rating: int, comment: str | None) -> int:
    """Store a rating (+1/-1) of the assistant message at chat position `index`; returns the feedback row's id.

    UserMessage (text fit to show) when there is no answer at `index` or the row could not be stored.
    """
    exchange = (exchanges or {}).get(index)
    if exchange is None:
        raise UserMessage(NOT_AN_ANSWER)
    try:
        return services.feedback().record(rating, exchange.question, list(exchange.history), exchange.answer,
                                          comment=(comment or "").strip(), app_version=app_version())
    except FeedbackError as exc:
        raise UserMessage(f"反馈没有保存：{exc}") from None
    except Exception:  # noqa: BLE001 - a broken database must not break the chat
        log.exception("storing feedback failed")
        raise UserMessage("反馈没有保存：服务器出错，请稍后再试。") from None


def _thanks(rating: int, row: int) -> str:
    return f"已记录{'👍' if rating > 0 else '👎'}反馈（#{row}），谢谢！"


def make_rate(services: Services):
    """👍/👎 on an assistant message → one row in the feedback database, with the comment box's text."""

    def rate(exchanges: dict | None, comment: str | None, data: gr.LikeData):
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        rating = 1 if data.liked is True or data.liked == "Like" else -1
        try:
            row = rate_exchange(services, exchanges, index, rating, comment)
        except UserMessage as msg:
            return comment, str(msg)
        return "", _thanks(rating, row)

    return rate


def make_feedback_api(services: Services):
    """The /feedback API: what 👍/👎 does, for the latest answer in this session's conversation."""

    def feedback(exchanges: dict | None, rating: str | None, comment: str | None):
        if not isinstance(rating, str) or rating.strip() not in API_RATINGS:
            raise gr.Error(f"rating must be one of {list(API_RATINGS)}, got {rating!r}", print_exception=False)
        if comment is not None and not isinstance(comment, str):
            raise gr.Error(f"comment must be text, got {type(comment).__name__}", print_exception=False)
        if not exchanges:
            raise gr.Error("这个会话还没有可评价的回答：先用 /chat 提问，再用同一个会话评价。", print_exception=False)
        value = API_RATINGS[rating.strip()]
        try:
            row = rate_exchange(services, exchanges, max(exchanges), value, comment)
        except UserMessage as msg:
            raise gr.Error(str(msg), print_exception=False) from None
        return "", _thanks(value, row)

    return feedback


def make_ask(services: Services):
    max_chars = services.cfg.max_question_chars

    def ask(question: str, history_json: str = "[]") -> dict:
        """Answer a question about the policy document.

        Args:
            question: the question, at most the configured number of characters.
            history_json: earlier turns of the conversation as a JSON list of {"role", "content"}; only user turns are used.

        Returns:
            The answer as JSON: answer, refused, citations (doc, clause, title, quote, start, end), calculation, latency_ms.
        """
        try:
            history = parse_history_json(history_json)
            return ask_engine(services.engine, question, history, max_chars).to_json()
        except UserMessage as msg:
            raise gr.Error(str(msg), print_exception=False) from None

    return ask


# -- lookup ----------------------------------------------------------------------------------------------

def _chosen(value: str | None) -> str | None:
    return None if value in (None, "", ALL) else value


def section_choices(policies: Sequence[Policy], doc: str | None) -> list[tuple[str, str]]:
    """The 浏览条款 choices: every section of one document (of the only one, when there is one)."""
    shown = [p for p in policies if p.doc == doc] if doc else (list(policies) if len(policies) == 1 else [])
    return [(ALL, ALL)] + [(clause_label(s), f"{s.doc}::{s.id}") for p in shown for s in p.sections]


def document_choices(policies: Sequence[Policy]) -> list[tuple[str, str]]:
    return [(ALL, ALL)] + [(f"{p.title[:36]}（{p.doc[:8]}）", p.doc) for p in policies]


def run_lookup(services: Services, query: str, department: str | None, section: str | None = None,
               doc: str | None = None) -> LookupResult:
    """A search, or with no words and a section picked, that one section (what the tab and the API share)."""
    department, section, doc = _chosen(department), _chosen(section), _chosen(doc)
    lookup = services.lookup()
    if section and not (query or "").strip():
        doc_id, _, section_id = section.partition("::")
        hits = tuple(h for h in lookup.sections(department, doc_id) if h.section.id == section_id)
        return LookupResult("", department, (), hits)
    return lookup.search(query or "", department, doc=doc)


def make_search(services: Services):
    """The lookup tab's handler: (words, unit, clause) → (hits as HTML, their read-out lines to copy)."""

    def search(query: str, department: str | None, section: str | None, doc: str | None = None):
        try:
            result = run_lookup(services, query if isinstance(query, str) else "", department, section, doc)
        except UserMessage as msg:
            return render.message_html(str(msg)), ""
        except LookupQueryError as exc:
            return render.message_html(f"查询条件有误：{exc}"), ""
        return render.lookup_html(result), "\n".join(h.read_out for h in result.hits)

    return search


def make_lookup_api(services: Services):
    def lookup(query: str, department: str = "", document: str = "") -> dict:
        """Search the policy text the way hotline staff do: ranked sections holding the searched words.

        Args:
            query: words to search for (empty lists every section).
            department: only sections this responsible unit serves (empty for all).
            document: only this document (its id, the file stem; empty for all).

        Returns:
            JSON: query, department, terms, note, and hits (doc, clause, title, units, spans, read_out).
        """
        if query is not None and not isinstance(query, str):
            raise gr.Error("query 必须是文本", print_exception=False)
        if query and len(query) > services.cfg.max_question_chars:
            raise gr.Error(f"查询太长（{len(query)} 字），请精简到 {services.cfg.max_question_chars} 字以内。",
                           print_exception=False)
        try:
            result = run_lookup(services, query or "", department or None, None, document or None)
        except (UserMessage, LookupQueryError) as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        hits = [{"doc": h.section.doc, "clause": h.section.id, "title": h.section.title, "units": list(h.section.units),
                 "spans": [list(s) for s in h.spans], "read_out": h.read_out} for h in result.hits]
        return {"query": result.query, "department": result.department, "terms": list(result.terms),
                "note": result.note, "hits": hits}

    return lookup


# -- calculators -----------------------------------------------------------------------------------------

def make_calculate(services: Services, form: Form):
    names = [f.name for f in form.fields]

    def calculate(*values):
        result = run_form(form.kind, dict(zip(names, values)))
        errors = dict(result.field_errors)
        field_updates = [gr.update(value=f"⚠️ {errors[n]}" if n in errors else "", visible=n in errors) for n in names]
        if not result.ok:
            problem = errors.get("_form", "请先改正上面标出的输入。")
            return (*field_updates, render.message_html(problem))
        calculation = result.outcome if hasattr(result.outcome, "steps") else None
        found = None
        for policy in services.policies:
            if any(s.id == result.section for s in policy.sections):
                found = services.section_of(policy.doc, result.section)
                break
        return (*field_updates, render.calculation_html(result.text, calculation, found))

    return calculate


def _field_input(field):
    unit = f"（{field.unit}）" if field.unit and field.unit not in field.label else ""
    label = field.label + unit + ("" if field.required else "（选填）")
    classes = [f"calc-field-{field.name}"]
    if field.kind == "choice":
        return gr.Dropdown(choices=list(field.choices), label=label, info=field.help or None, value=None,
                           allow_custom_value=field.accepts_other, elem_classes=classes)
    return gr.Textbox(label=label, placeholder=f"例如 {field.example}" if field.example else None,
                      info=field.help or None, max_lines=1, elem_classes=classes)


# -- eval report -----------------------------------------------------------------------------------------

def load_report(folder: Path) -> dict | None:
    try:
        return json.loads((folder / "latest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def report_views(folder: Path):
    """(summary markdown, systems table, category table, chart, failures markdown) for the eval tab."""
    report = load_report(folder)
    if report is None:
        empty = gr.update(value=None)
        return NO_REPORT, empty, empty, "", ""
    meta = report.get("meta", {})
    split = "test" if "test" in report.get("splits", []) else (report.get("splits") or ["dev"])[0]
    summary = (f"**报告生成于** {meta.get('generated', '?')} · 模型 {meta.get('model', '?')} · "
               f"今天按 {meta.get('today', '?')} 计 · 下表为 **{split}**（留出集）结果；开发集失败案例可见全文，"
               "留出集失败案例只列编号（留出集不给调参的人看）。")
    header, rows = eval_report.systems_grid(report, split)
    cat_header, cat_rows = eval_report.category_grid(report, split)
    image = render.png_html(folder / f"accuracy_{split}.png", f"各类别准确率（{split}）")
    failures = [eval_report.describe_failure(row, reveal=row.get("split") == "dev", md=True)
                for s in report.get("splits", []) for row in eval_report.failing(report, s)]
    failing_md = "### 仍然答错的问题\n" + ("\n".join(failures) if failures else "（没有）")
    extra = report.get("extra")
    if extra and split in extra.get("overall", {}):
        header, rows = eval_report.extra_grids(extra, split)
        summary += (f"\n\n**多文件（{extra.get('meta', {}).get('documents', '?')} 份文件，evals/gold/extra.jsonl，{split}）**\n\n"
                    + eval_report.md_table(header, rows))
    return summary, {"headers": header, "data": rows}, {"headers": cat_header, "data": cat_rows}, image, failing_md


# -- app ---------------------------------------------------------------------------------------------------

def build_app(get_engine: Callable[[], AnswersQuestions], policies: Sequence[Policy] | None = None,
              cfg: Settings | None = None) -> gr.Blocks:
    cfg = cfg or settings()
    policies = load_policies(cfg) if policies is None else policies
    services = Services(get_engine, policies, cfg)
    max_chars = cfg.max_question_chars
    many = len(services.policies) > 1

    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\n根据政策文件原文作答，每个回答都附上出处条款、原文引用和责任单位。文件没有涉及的问题会直接说明。")
        with gr.Tabs():
            with gr.Tab("对话", id="chat"):
                chatbot = gr.Chatbot(label="对话", height=520, buttons=["copy"], sanitize_html=True,
                                     elem_id="chat", feedback_options=("Like", "Dislike"))
                turns, exchanges = gr.State([]), gr.State({})
                with gr.Row():
                    box = gr.Textbox(placeholder=f"输入问题，按回车发送（{max_chars} 字以内）", show_label=False,
                                     scale=6, max_lines=6, autofocus=True, elem_id="question")
                    send = gr.Button("发送", variant="primary", scale=1, min_width=80)
                    clear = gr.Button("清空对话", scale=1, min_width=80, elem_id="clear")
                gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[box], label="示例问题（点一下填入）")
                chat_document = gr.Dropdown(document_choices(services.policies), value=ALL, visible=many,
                                            label="只问这份文件（不选则在全部文件中查找）", elem_id="chat-document")
                read_out = gr.Textbox(label="引用（可复制，读给来电人听）", lines=2, interactive=False,
                                      buttons=["copy"], elem_id="read-out")
                with gr.Row():
                    comment = gr.Textbox(label="反馈意见（选填，点回答下的 👍/👎 时一并提交）", scale=4, max_lines=3,
                                         elem_id="feedback-comment")
                    feedback_status = gr.Markdown("", elem_id="feedback-status")
                    feedback_rating = gr.Textbox(visible=False, label="rating")  # only the /feedback API fills it

            with gr.Tab("条款查询", id="lookup"):
                with gr.Row():
                    query = gr.Textbox(label="搜索（按回车）", placeholder="例如：反担保、滞纳金、房租", scale=4,
                                       elem_id="lookup-query", max_lines=1)
                    department = gr.Dropdown([ALL, *services.departments], value=ALL, label="责任单位", scale=2,
                                             elem_id="lookup-department")
                    document = gr.Dropdown(document_choices(services.policies), value=ALL, label="文件", scale=3,
                                           visible=many, elem_id="lookup-document")
                    section = gr.Dropdown(section_choices(services.policies, None), value=ALL, label="浏览条款", scale=2,
                                          elem_id="lookup-section")
                lookup_out = gr.HTML(elem_id="lookup-results")
                lookup_lines = gr.Textbox(label="引用（可复制：每条一行，依次对应上面的结果）", lines=3, max_lines=12,
                                          interactive=False, buttons=["copy"], elem_id="lookup-read-out")

            with gr.Tab("计算器", id="calculator"):
                gr.Markdown("按条款规则精确计算，金额可写成 20000、2万、两万五；结果列出每一步和所依据的条款。")
                # One radio of all calculators instead of nested tabs: ten titles overflow a tab bar into a menu.
                chooser = gr.Radio([f.title for f in FORMS], value=FORMS[0].title, label="选择计算器",
                                   elem_id="calc-chooser")
                panels = []
                for n, form in enumerate(FORMS):
                    with gr.Column(visible=n == 0, elem_id=f"calc-{form.kind}-form") as panel:
                        gr.Markdown(f"**{form.title}**　{form.description}")
                        inputs, errors = [], []
                        for field in form.fields:
                            inputs.append(_field_input(field))
                            errors.append(gr.Markdown("", visible=False,
                                                      elem_classes=["field-error", f"field-error-{field.name}"]))
                        run = gr.Button("计算", variant="primary", elem_id=f"calc-{form.kind}-run")
                        result = gr.HTML(elem_id=f"calc-{form.kind}-result")
                        run.click(make_calculate(services, form), inputs=inputs, outputs=[*errors, result],
                                  api_visibility="private")
                    panels.append(panel)
                chooser.change(lambda title: [gr.update(visible=f.title == title) for f in FORMS], inputs=chooser,
                               outputs=panels, api_visibility="private", queue=False)

            with gr.Tab("评测报告", id="eval"):
                refresh = gr.Button("刷新", size="sm")
                summary = gr.Markdown(NO_REPORT)
                systems = gr.Dataframe(label="各系统对比（留出集）", interactive=False)
                categories = gr.Dataframe(label="完整系统：分类别结果", interactive=False)
                chart = gr.HTML(elem_id="eval-chart")
                failing = gr.Markdown("")

        # The chat is also an API ("/chat", "/feedback") so load tests and scripts go through what a browser does:
        # the conversation (turns, exchanges) lives server-side in this session's state, not in the request.
        respond = make_respond(services)
        gr.on(triggers=[send.click, box.submit], fn=respond, inputs=[box, chatbot, turns, exchanges, chat_document],
              outputs=[box, chatbot, turns, exchanges, read_out], api_name="chat", api_description=CHAT_API_DOC,
              concurrency_id="engine", concurrency_limit=ENGINE_CONCURRENCY)
        clear.click(lambda: ("", [], [], {}, "", ""), inputs=None,
                    outputs=[box, chatbot, turns, exchanges, read_out, feedback_status],
                    api_name="clear", api_description="Start this session's conversation over, as 清空对话 does.",
                    queue=False, concurrency_limit=None)  # no work to limit; API calls reach it through the queue
        chatbot.like(make_rate(services), inputs=[exchanges, comment], outputs=[comment, feedback_status],
                     api_visibility="private", concurrency_id="feedback", concurrency_limit=FEEDBACK_CONCURRENCY)
        gr.on(triggers=[], fn=make_feedback_api(services), inputs=[exchanges, feedback_rating, comment],
              outputs=[comment, feedback_status], api_name="feedback", api_description=FEEDBACK_API_DOC,
              concurrency_id="feedback", concurrency_limit=FEEDBACK_CONCURRENCY)

        search = make_search(services)
        gr.on(triggers=[query.submit, department.change, section.change, document.change], fn=search,
              inputs=[query, department, section, document], outputs=[lookup_out, lookup_lines],
              api_visibility="private")
        document.change(lambda doc: gr.update(choices=section_choices(services.policies, _chosen(doc)), value=ALL),
                        inputs=document, outputs=section, api_visibility="private", queue=False)
        demo.load(search, inputs=[query, department, section, document], outputs=[lookup_out, lookup_lines],
                  api_visibility="private")

        views = lambda: report_views(cfg.reports_dir)  # noqa: E731
        refresh.click(views, outputs=[summary, systems, categories, chart, failing], api_visibility="private")
        demo.load(views, outputs=[summary, systems, categories, chart, failing], api_visibility="private")

        gr.api(make_ask(services), api_name="ask", concurrency_id="engine", concurrency_limit=ENGINE_CONCURRENCY)
        gr.api(make_lookup_api(services), api_name="lookup", concurrency_id="engine",
               concurrency_limit=ENGINE_CONCURRENCY)
    return demo


def launch(demo: gr.Blocks, cfg: Settings, port: int | None = None, block: bool = True) -> str:
    """Serve on loopback (by default) without a share link; no file is served by path (charts are inlined)."""
    demo.launch(server_name=cfg.host, server_port=port or cfg.port, share=False, css=CSS, show_error=False,
                prevent_thread_lock=not block, quiet=not block)
    return f"http://{cfg.host}:{port or cfg.port}/"


def main() -> None:
    configure_logging(logging.INFO, "%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        cfg = settings()
        policies = load_policies(cfg)
    except (SettingsError, CorpusError) as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(2) from None

    from assistant.runtime import build_engine  # heavy imports only when actually serving

    def progress(message: str) -> None:
        print(f"[索引] {message}", flush=True)

    def build():
        started = time.perf_counter()
        progress("正在加载模型和索引……")
        engine = build_engine(cfg, progress)
        progress(f"已就绪（{time.perf_counter() - started:.1f} 秒）")
        return engine

    loader = EngineLoader(build)
    loader.start()
    print(f"[服务] 对话、/ask、/lookup 同时最多处理 {ENGINE_CONCURRENCY} 个（engine concurrency_limit={ENGINE_CONCURRENCY}）",
          flush=True)
    launch(build_app(loader.get, policies, cfg), cfg)


if __name__ == "__main__":
    main()
