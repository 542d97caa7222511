"""Which of several policies applies.

A caller who sets the document beside a higher level's (「国家后来免三个月，市里只写两个月，照哪个办？」) is answered
by the document's own rule for that (「中央、省出台相关支持政策，太原市遵照从优执行」), quoted beside the clause
the question is about.
"""

from __future__ import annotations

import re

# another level's policy named: the nation's, the province's, "the ones above"
# (not 「上面说的」, the text above, nor a firm's title: 「国家高新技术企业」)
_OTHER_LEVEL = re.compile(r"国家(?!高新|级|重点|专精)|中央|国务院|部委|省里|省上|省级|省政府|省委|省(?:后来|再|又)?(?:出|发)的|"
                          r"上头|上面(?!说|提|讲|写|那)|上级|上边")
# asking which one counts, or saying the other one is better
_WHICH = re.compile(
    r"(按|照|以|依|听|认)着?(哪个|哪份|哪边|哪头|哪一个|哪一份|谁的|哪家的)的?(文件|政策|规定|说法|待遇)?的?"
    r"(来|办|算数|执行|为准|走|享受)|"
    r"哪个(更)?(算数|作数|管用|优先|为准|说了算)|(更|还要)(实惠|优惠|划算|宽松)的(政策|说法|规定|文件|标准)|"
    r"(说法|规定|文件|政策|标准)[^。？?，,]{0,4}不一(样|致)|只认")
# the document's own rule: the more favourable one applies
STATES_PRECEDENCE = re.compile(r"从优(执行|享受|适用)|就高不就低|按(照)?(最|更)优")


def asks_which_applies(text: str) -> bool:
    """Whether the question sets another level's policy against the document's and asks which counts."""
    return bool(_OTHER_LEVEL.search(text)) and bool(_WHICH.search(text))
