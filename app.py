"""政策助手 — Gradio chat UI and `ask` API over the engine.

This module only wires: it turns questions into `Engine.answer` calls and answers into HTML. Everything shown
that came from a user or from the document is HTML-escaped here.

Run: `python app.py` (settings come from the environment, prefix POLICY_; see assistant/settings.py).
"""

from __future__ import annotations

import html
import json
import logging
import sys
import threading
import time
from typing import Any, Callable, Protocol

import gradio as gr

from assistant.logs import configure_logging
from assistant.question import QuestionError
from assistant.settings import SettingsError, settings
from corpus.records import Answer, Citation

log = logging.getLogger("policy.app")

TITLE = "政策助手"
EXAMPLES = ("房租能减免多少？", "反担保有什么规定？", "缓缴社保找哪个部门？", "这个政策现在还有效吗？")

LOADING_MESSAGE = "索引正在加载，请稍候再试。"
LOAD_FAILED_MESSAGE = "索引加载失败，暂时无法回答，请联系管理员查看服务器日志。"
EMPTY_MESSAGE = "请输入要咨询的问题。"
GENERIC_ERROR = "抱歉，处理这个问题时出错了，请稍后再试。"
REFUSAL_NOTE = "政策文件未涉及这一问题，以上不是政策答复，也没有可引用的条款。"
MAX_HISTORY_TURNS = 20  # earlier user turns kept for follow-up questions

CSS = """
.cite-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 6px 10px; margin-top: 8px; }
.cite-label { font-weight: 600; }
.cite-units { font-size: 0.9em; opacity: 0.85; }
.refusal-note { font-size: 0.9em; opacity: 0.85; margin-top: 6px; }
"""


class AnswersQuestions(Protocol):
    def answer(self, question: str, history: list[dict]) -> Answer: ...


class EngineLoading(RuntimeError):
    """The engine is still being built; try again shortly."""


class EngineUnavailable(RuntimeError):
    """Building the engine failed; the cause was logged."""


class UserMessage(Exception):
    """A question that gets a message instead of an answer; the text is safe to show to the user."""


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


# -- formatting ------------------------------------------------------------------------------------------

def _text_html(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.strip().split("\n"))


def clause_label(citation: Citation) -> str:
    """「第6项 · 减免中小微企业房租」 for a numbered item; the section's own title (e.g. 「结语」) otherwise."""
    if citation.clause.isdigit():
        return f"第{citation.clause}项 · {citation.title}" if citation.title else f"第{citation.clause}项"
    return citation.title or citation.clause


def format_citation(citation: Citation) -> str:
    parts = [
        '<div class="cite-card">',
        f'<div class="cite-label">📄 {html.escape(clause_label(citation))}</div>',
        f"<blockquote>{_text_html(citation.quote)}</blockquote>",
    ]
    if citation.units:
        parts.append(f'<div class="cite-units">责任单位：{html.escape("、".join(citation.units))}</div>')
    parts.append("</div>")
    return "".join(parts)


def format_answer(answer: Answer) -> str:
    """One assistant message: the answer text, then a card per citation (all escaped)."""
    blocks = [f'<div class="answer-text">{_text_html(answer.text)}</div>']
    if answer.refused:
        blocks.append(f'<div class="refusal-note">ℹ️ {html.escape(REFUSAL_NOTE)}</div>')
    if answer.calculation is not None and answer.calculation.steps:
        steps = "".join(f"<li>{html.escape(step)}</li>" for step in answer.calculation.steps)
        blocks.append(f'<div class="calculation">计算过程：<ol>{steps}</ol></div>')
    blocks.extend(format_citation(c) for c in answer.citations)
    return "\n\n".join(blocks)


def format_message(message: str) -> str:
    return f'<div class="answer-text">{_text_html(message)}</div>'


def format_question(question: str) -> str:
    return _text_html(question)


# -- app ---------------------------------------------------------------------------------------------------

def make_respond(get_engine: Callable[[], AnswersQuestions], max_chars: int):
    """The chat handler: (message, chat, user_turns) → (cleared box, chat, user_turns)."""

    def respond(message: str, chat: list | None, turns: list[str] | None):
        chat = list(chat or [])
        turns = list(turns or [])
        message = message if isinstance(message, str) else ""
        history = [{"role": "user", "content": t} for t in turns]
        if message.strip():
            chat.append({"role": "user", "content": format_question(message)})
        try:
            answer = ask_engine(get_engine, message, history, max_chars)
        except UserMessage as msg:
            chat.append({"role": "assistant", "content": format_message(str(msg))})
            return "", chat, turns
        chat.append({"role": "assistant", "content": format_answer(answer)})
        turns = (turns + [message])[-MAX_HISTORY_TURNS:]
        return "", chat, turns

    return respond


def make_ask(get_engine: Callable[[], AnswersQuestions], max_chars: int):
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
            return ask_engine(get_engine, question, history, max_chars).to_json()
        except UserMessage as msg:
            raise gr.Error(str(msg), print_exception=False) from None

    return ask


def build_app(get_engine: Callable[[], AnswersQuestions]) -> gr.Blocks:
    max_chars = settings().max_question_chars
    respond = make_respond(get_engine, max_chars)

    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\n根据政策文件原文作答，每个回答都附上出处条款、原文引用和责任单位。文件没有涉及的问题会直接说明。")
        chatbot = gr.Chatbot(label="对话", height=520, buttons=["copy"], sanitize_html=True)
        turns = gr.State([])
        with gr.Row():
            box = gr.Textbox(placeholder=f"输入问题，按回车发送（{max_chars} 字以内）", show_label=False,
                             scale=6, max_lines=6, autofocus=True)
            send = gr.Button("发送", variant="primary", scale=1, min_width=80)
            clear = gr.Button("清空", scale=1, min_width=80)
        gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[box], label="示例问题")

        gr.on(triggers=[send.click, box.submit], fn=respond, inputs=[box, chatbot, turns],
              outputs=[box, chatbot, turns], api_visibility="private", concurrency_id="engine")
        clear.click(lambda: ("", [], []), inputs=None, outputs=[box, chatbot, turns],
                    api_visibility="private", queue=False)
        gr.api(make_ask(get_engine, max_chars), api_name="ask", concurrency_id="engine")
    return demo


def main() -> None:
    configure_logging(logging.INFO, "%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        cfg = settings()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(2) from None

    from assistant.runtime import default_engine  # heavy imports only when actually serving

    def progress(message: str) -> None:
        print(f"[索引] {message}", flush=True)

    def build():
        started = time.perf_counter()
        progress("正在加载模型和索引……")
        engine = default_engine(progress)
        progress(f"已就绪（{time.perf_counter() - started:.1f} 秒）")
        return engine

    loader = EngineLoader(build)
    loader.start()
    demo = build_app(loader.get)
    demo.launch(server_name=cfg.host, server_port=cfg.port, share=False, css=CSS)


if __name__ == "__main__":
    main()
