"""What kind of answer a question wants. Patterns over the cleaned (simplified) question text.

These recognise the *form* of a question (who is responsible, who interprets, is it still valid, a
follow-up), never its topic: the topic always comes from retrieval.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from assistant.lexicon import english_as_chinese


class Intent(str, Enum):
    LOOKUP = "lookup"
    DEPARTMENT = "department"
    INTERPRETATION = "interpretation"
    TIME = "time"
    ISSUED = "issued"
    ISSUER = "issuer"
    ELIGIBILITY = "eligibility"
    ADDRESSEES = "addressees"


_DEPARTMENT = re.compile(
    r"(哪个|哪些|什么|啥|哪|那个|哪几个|哪几家|哪几|哪[一两三四五]个|哪[一两三四五]家)(市级|区级|县级|省级|市里|区里|政府|市直|区直|县直|省直)?(部门|单位|机构|机关|局)|找谁|问谁|谁(来)?(负责|管|办|受理|牵头|落实)|"
    r"(负责|责任|主管|牵头)(部门|单位|主体)|归谁管|哪家(单位|部门|机构)?来?(负责|牵头|落实|主管)|哪几家(单位|部门|机构)?来?管(?!饭|吃|住)|(有没有|有无|负不负|是否有|是不是)[^。？?]{0,4}(责任|负责)|去哪(里|儿)?(办|申请|问|咨询)|which\s+(department|office|agency)|who\s+(is\s+)?(in\s+charge|responsible)",
    re.IGNORECASE,
)
_INTERPRETATION = re.compile(
    r"(谁|哪个部门|哪个单位|哪些部门|由谁|哪家|哪个机关)[^。？?]{0,6}解释|解释权|解释(的)?(责任|负责|主管|牵头)?(部门|机关|单位)|"
    r"who\s+interprets|"
    # 「市金融办说贴息那条归他们解释」: a body claiming the reading is a question about the interpreting body
    r"(归|由)[^。？?，,]{0,10}解释|"
    # not understanding the text itself is a question for the interpreting body
    r"(看不懂|没看懂|不明白|不理解|有歧义|怎么理解|理解不一样|理解不同|说法不一|解读)[^。？?]{0,12}(找|问|谁|哪)|"
    # 「…的理解跟我们会计不一样，有没有一个牵头的单位能出个正式说法」
    r"理解[^。？?]{0,12}(不一样|不同|不一致|有出入|对不上)[^。]{0,24}(谁|哪|单位|部门|说法|为准)|"
    # two readings of a clause: whose reading settles it is the interpreting body's
    r"(以|按|听)(谁|哪个部门|哪个单位|哪些部门|哪家|哪个机关|哪几(?:家|个)(?:单位|部门|机关)|哪些单位)[^。？?]{0,8}为准|"
    # 「有权给这句话下定论的单位」: the body that may rule on a wording
    r"有权[^。？?，,]{0,10}(下定论|定论)[^。？?，,]{0,4}(单位|部门|机关|谁)|"
    r"解释[^。？?]{0,16}(说了算|为准|负责)|解释[^。？?，,]{0,6}(找|问|归|听)(谁|哪)|"
    # asking for an authoritative reading of a wording: 「这个口径谁说了算」「找哪个部门给个权威说法」
    r"(口径|说法|提法|字眼|表述|定义)[^。？?]{0,10}(谁说了算|谁定|谁来定)|(要|给|讨|出)个?(权威)?解释|"
    # 「负责说明这份文件的单位」「有权解读这个政策的部门」: the interpreting body named by what it does
    r"(负责|有权)(说明|解读|阐释|释义)[^。？?，,]{0,6}(文件|政策|意见|条款|条文|内容|规定)|"
    # 「到底谁有权给出说法」: who may rule on the wording
    r"(谁|哪个部门|哪家|哪个单位|哪个机关)有权[^。？?，,]{0,3}(给出?|出|作出|做出)[^。？?，,]{0,3}(说法|解释|解读|答复|认定)|"
    r"权威(说法|解释|解读|口径)|(出|给|要|讨|拿)个?(正式|官方)的?(说法|解释|解读|口径|答复)|理解上?有(争议|分歧)|"
    # 「这种争执，文件写明由哪家部门给说法」: whose word settles a dispute over the wording
    r"(争执|争议|分歧|扯皮|说不清)[^。？?]{0,12}(哪家|哪个|哪些|谁)[^。？?，,]{0,4}(给|出|下)个?(说法|定论|结论|解释)|"
    # two offices telling a caller different things: whose word settles it is the interpreting body's
    r"(文件|政策|意见|条款|规定|说法|口径|窗口)[^。？?]{0,8}(谁说了算|听谁的|以谁为准|谁拍板)|最后拍板|"
    # 「这个字眼到底该听哪家的？」: whose reading of a wording counts
    r"(字眼|提法|表述|读法|这句话|这个词)[^。？?]{0,8}(该|应该|应当|到底|究竟|要)听(哪家|谁|哪个部门|哪个单位|哪边)的|"
    r"(两种|不同|两样|几种)的?(读法|理解|解读|说法)[^。]{0,24}(谁|哪|说了算|为准)|"
    # 「“力争”到底算不算硬杠杠？…写个书面请示问清楚，抬头该写给哪个部门」
    r"(算不算|啥意思|什么意思|怎么理解)[^。]{0,30}(请示|问清楚|书面)[^。]{0,16}(哪个部门|哪家|谁)|"
    # a wording of the document quoted, what it means asked, and who settles it: 「“适当延长追偿时限”…“适当”到底是
    # 多长，谁说了算」「“前两个月”是按自然月算还是按60天算…转到哪个单位给权威答复」
    r"[“\"「][^”\"」]{1,24}[”\"」][^。]{0,40}(到底|理解|意思|读错|读法|说法|算还是|是指|指的是|指啥|指什么|多长|咋调|怎么调|"
    r"怎么算|释义|含义|定义)[^？?]{0,30}(谁说了算|谁来定|来定|哪个部门|哪家单位|哪个单位|哪家|准信|准话|权威答复|正式答复|"
    r"发给哪|寄给哪|问谁)|"
    r"(出|给)个?口径|((?<![主需重])要|讨|拿|求)个(准|正式|官方)?口径|官方\s*clarification|clarif(y|ication)[^。]{0,80}(部门|department|office|write\s+to)|"
    r"(各说各的|口径不一|说法不一|理解不一)[^。]{0,24}(谁说了算|听谁的|以谁为准|准话)|(给|能给|给个|要|讨|拿)[^。？?]{0,3}准话",
    re.IGNORECASE,
)
# 「还能申请吗」「来得及吗」 ask about the period over one document whose measures have ended; over many, the
# same words often ask whether a situation still qualifies (「没按时还上，以后还能接着享受贴息不」): see still_only.
_STILL = (
    r"(还|仍|现在|目前|如今)(能|可以|可)[^。？?]{0,10}(享受|申请|办理|(?<![咋怎么])办|用|算上|算进|作数)|"
    # 「那这条现在还能拿来催吗」「城管说那文件早不管用了，真是这样？」
    r"(还|仍|现在|目前|如今)(能|可以|可)拿(来|着|它)|(早就?|已经|早已)(不|没)(管用|作数|算数|有效|好使|顶用|管事)了?|"
    r"(赶得上|赶得及|来得及|赶趟|晚不晚|太晚|还有戏(?![曲剧院台])|有戏没|有没有戏(?![曲剧院台]))|(政策|文件|意见|优惠|措施|这条|那条|这个)[^。？?，,]{0,4}(过期了|过时了)|"
    # 「银行说那文件比的根本不是今年，而且早过期了。到底谁说得对？」: someone says the document no longer holds
    r"(文件|政策|意见|号文|这篇|那篇)[^。？?]{0,16}早(就|已)?(过期|失效|作废|不管用|不算数)了?|"
    # 「能拿这篇去跟他们说不用押东西吗」: the document held up to someone today, years after it was issued
    r"(能|可以|可不可以|能不能)拿(这篇|这份(?:文件|意见)?(?![证合协材单发])|这个文件|这文件|那篇|那份(?:文件|意见)?(?![证合协材单发])|"
    r"那个文件|那文件|\d号文|这个政策|这政策)[^。？?，,]{0,3}(去|来)?"
    r"(跟|和|找|给|对|同)[^。？?，,]{0,6}(说|讲|谈|要|争|理论)|"
    # 「今年接了个…纠纷，承租方想在起诉状里援引…第六条」: cited in a dispute of today
    r"(今年|现在|如今|目前)[^。]{0,30}(援引|引用|援用)[^。，,]{0,16}(号|文件|意见|第[一二三四五六七八九十\d]+条)"
    r"[^？?]{0,60}(站得住|站不住|成立|有效|管用|算数|作数|支持|行不行|能不能行|可以吗|行吗)"
)
_PERIOD = re.compile(
    r"(还|仍|仍然|现在|目前|今年|如今)[^。？?]{0,8}(有效|适用|执行|算数|管用|好使|管事|顶用|作数|作不作数|算不算数)|"
    # 「按文件头两个月房租得给他免了。这个要求我们现在还得照办吗？」: whether the document still binds
    r"(现在|目前|如今|今天)(还|仍)(得|要|需要|必须|应该|应当)(照办|照做|照着办|照文件办|遵照)|"
    r"(还|仍|现在|目前|如今)(能|可以|可|能不能|能否|可不可以)(按|用|依据?|照|套用|拿)[^。？?]{0,6}(文件|政策|意见|规定|条款|号文)|"
    # 「我们2026年这一季度的社保也能照这个缓吗」: a later time asked to run on the same rule (not another case:
    # 「另一个店是私人的房子…也能照这个标准免吗」)
    r"(\d{4}年|今年|明年|后年|现在|如今|目前|以后|往后|下个?月|下个?季度?|下半年)(?![^。？?]{0,16}另)[^。？?]{0,16}"
    r"(也|还)(能|可以)(照|按|套)(这个|这条|这|文件|政策|意见)[^。？?]{0,6}(缓|减|免|办|享受|执行)|"
    # 「现在拿它当依据还行不行」
    r"(拿|用)[^。？?]{0,4}(当|作为|做)依据[^。？?]{0,6}(行|可以|管用|有效|算数)|"
    r"(管|执行|有效|实施)到[^。？?，,]{0,10}(年底|月底|为止)|(政策|文件|意见|措施)[^。？?，,]{0,6}(管|执行|有效)到|"
    r"一直(管|有效|执行|适用)|(3|三)个月[^。？?，,]{0,10}(算起|起算|开始算)|"
    r"(执行|有效|实施|适用|管)到(什么时候|啥时候|哪天|哪一天|几月|何时)|(多久|多长时间)[^。？?，,]{0,2}有效|"
    r"现行有效|(临时|短期|一阵子)的?还是(长期|长久|一直)|窗口期|按年管|管(几个月|几年|多久|多长时间)|(优惠|政策|减免|文件)[^。？?，,]{0,4}管(几个月|多久|多长时间|多长)|有效期|执行期|(政策|意见|文件|措施|优惠)[^。？?]{0,6}(多久|多长时间|多长|期限)|(政策|意见|文件|措施|优惠|减免|执行)[^。？?，,]{0,8}(什么时候|哪天)?(结束|截止|到期|过期|失效)|还在执行|"
    r"still\s+(valid|apply|in\s+force)|expire",
    re.IGNORECASE,
)
_TIME = re.compile(f"{_PERIOD.pattern}|{_STILL}", re.IGNORECASE)
# When the document itself was issued (not how long its measures run: that is TIME)
_ISSUED = re.compile(
    r"(哪天|哪一天|什么时候|啥时候|何时|几月几[日号]|哪年哪月|什么时间|哪个月)[^。？?，,]{0,4}(发布|印发|出台|下发|公布|颁布|发的)|"
    r"(文件|意见|通知)[^。？?]{0,12}(发布|印发|出台|下发|发)的[吧吗呀][^。]{0,8}(哪天|哪一天|几号|几月几[日号]|什么时候|啥时候)|"
    # 「这个文件是疫情刚起来那会儿出的，还是过了年中才出的？具体哪天？」
    r"(文件|意见|通知)[^。]{0,16}(出|发|印发|出台|下发)的[，,？?吧吗呀][^。]{0,16}(哪天|哪一天|几号|几月几[日号])|"
    # 「非说那个2号文是正月十五那天出的。到底是哪天？」: a day said for the document, then the day asked
    r"(文件|意见|通知|号文)[^。？?]{0,16}(那天|那日|当天)(出|发|印发|出台|下发)的[。，,？?！!]+(到底|究竟|具体|那)?(是)?"
    r"(哪天|哪一天|几号|几月几[日号])(?=[？?。！!吗呢啊呀]|$)|"
    # 「同事说这份意见是春节假期里就出了…到底是哪天的？」「这文件到底是哪天的」: the document's day, after a story
    r"(文件|意见|通知|号文|公文)[^。？?]{0,24}(出|发|印发|出台|下发)(了|的)[^？?]{0,40}[。，,？?！!]\s*"
    r"(到底|究竟)是?(哪天|哪一天|几号|几月几[日号])(出|发|印发|出台|下发)?的(?=[？?。！!吗呢啊呀]|$)|"
    r"(文件|意见|通知|号文|公文)(到底|究竟)?是(哪天|哪一天|几月几[日号])(出|发|印发|出台|下发)?的(?=[？?。！!吗呢啊呀]|$)|"
    r"(发布|印发|出台|成文|下发|发文|落款)(日期|时间)|"
    # 「这份意见是情人节前后、2月中旬出的，能这么写吗？」: a date said for the document, to be checked
    r"(文件|意见|通知|公文)[^。？?的]{0,16}([\d一二三四五六七八九十正腊]月|[上中下]旬|前后|年初|年底)[^。？?，,]{0,4}(出|发|印发|发布|出台|下发)的"
    r"(?=[吧吗呀啊？?]|$|[，,](能这么|对吗|对不对|没错|是吗|是不是|这么写))|"
    r"落款[^。？?，,]{0,4}(哪天|哪一天|几号|什么时候|啥时候|日期)|when\s+was\s+(it|this|the)(\s+\w+)?\s+(issued|published|released)",
    re.IGNORECASE,
)
# Which body issued the document itself (「这个意见是哪个部门发的」「以哪个机关的名义发出来的」), not which bodies carry
# out a clause (DEPARTMENT) nor who issued another document the question names (_ISSUER_OF)
_ISSUER = re.compile(
    r"(这个|这份|这篇|本|该|此)[^。？?，,]{0,4}(文件|意见|通知|公文|东西)[^。？?，,]{0,3}"
    r"((哪个|哪家|哪一?级|什么|啥)(部门|单位|机关|机构|政府)[^。？?，,]{0,6}(发布|印发|发|发出|出台|下发|颁布)(出来)?的?"
    r"(?=[吗呢呀啊？?。，,]|$)|(以|用)(谁|哪个[^。？?，,]{0,3})的?名义|谁(发布|印发|发|出台|下发)的)|"
    r"发文(机关|单位|部门)|who\s+(issued|published)|"
    # 「落款是哪个单位？」: the body that signed it
    r"落款(单位|机关|部门)?(是|为)?(哪个|哪家|谁)|落款(单位|机关|部门)?(是|为)?(什么|啥)(单位|部门|机关|机构)|"
    # its full name is its title line, which names the issuer: 「这份意见的全称是什么？」
    r"(文件|意见|通知|这份|本文)[^。？?，,]{0,4}(全称|全名|标题|文件名|名称)(是什么|是啥|叫什么|叫啥)|"
    # 「这份东西到底叫啥、是以谁的名义下发的」
    r"(这份|这个|这篇)(东西|文件|意见|通知|公文)[^。？?，,]{0,3}叫(什么|啥)|"
    r"(以|用)(谁|哪个[^。？?，,]{0,3})的?名义[^。？?，,]{0,2}(下发|印发|发布|发出|发的|出台|颁布)|"
    # 「那是以市政府名义发的，还是哪个局自己发的？」: whether a named body issued it
    r"(以|用)[^。？?，,]{0,6}(政府|委员会|办公厅)的?名义(发|下发|印发|发布|发出|出台|颁布)的|"
    # 「这文件…到底是哪一级、哪个机关发的？」
    r"(文件|通知|抬头|红头)[^。]{0,30}(哪一级|哪级)[^。？?]{0,10}(发|印发|发布|出台|下发)的",
    re.IGNORECASE,
)
# Which enterprises the document as a whole is for (「这些好处是所有企业都能沾光，还是只管小的？」「个体户能沾上边
#不？」), not who one measure is for: a question naming a measure (房租, 贷款, 社保…) is that measure's lookup
_ELIGIBILITY = re.compile(
    r"(所有|全部|哪些|什么样的?|啥样的?|哪类|哪种)的?(企业|公司|单位|商户|老板)[^。？?]{0,8}(能|可以|可)?(享受|沾|适用|用上|申请)|"
    r"(好处|优惠|扶持|政策|文件|意见)[^。？?]{0,8}(沾上|沾光|沾边|沾得上|沾不上|享受得?[到上]|享受不[到了]|用得上|轮得上|轮不上|够得着|够不着|能享受|能用)|"
    # 「区里说俺是大品牌的店，扶持俺沾不上…到底照啥认定」: by what standard a firm counts as small
    r"(照|按|凭|依|根据)(啥|什么|哪个|哪种|哪条)(标准|规定)?[^。？?，,]{0,2}(认定|划型|划分|算小|算中小)|"
    r"(照|按|凭|依|根据)(啥|什么|哪个|哪种|哪条)(标准|规定)[^。？?，,]{0,2}(划|认)(?![为算])|"
    r"(个体户|夫妻店|大(企业|厂|公司))[^。？?]{0,12}(能|可以|算不算|算)[^。？?]{0,6}(享受|沾|适用|用|在内|范围)|"
    # 「…是一百二十号人，营收五千万。那这样能沾上不？」: whether the firm just described by its size qualifies
    r"(人|员工|营收|营业额|收入|资产)[^？?]{0,30}(这样|那样|这么着|这回)(能|可以)?(沾上|沾得上|沾上边|沾边|沾光|够得着|轮得上)(不|吗|么|没)(?=[？?。！!]|$)|"
    r"只(管|给|针对|照顾)[^。？?]{0,4}(小|中小|小微)|"
    # asked in English, alone or mixed in: 「这个 policy 的 target 是哪些 company？big company 也能 apply 吗」
    r"\b(target|eligible|eligibility|qualify|qualifies)\b[^。？?]{0,16}\b(compan(y|ies)|firms?|business(es)?|enterprises?)\b|"
    r"\b(which|what)\s+(kinds?\s+of\s+)?(compan(y|ies)|firms?|business(es)?|enterprises?)\b[^。？?]{0,20}\b(eligible|qualify|apply)\b|"
    r"\b(big|large|small)\s+(compan(y|ies)|firms?|business(es)?|enterprises?)\b[^。？?]{0,10}(\b(apply|eligible|qualify)\b|能|可以)",
    re.IGNORECASE,
)
# 「文件认中小微到底照哪个标准？」: by what standard a firm counts as small, whatever measure the story names
_SIZE_STANDARD = re.compile(r"(认|认定|划)(中小微|小微|中小企业|中小|小企业)(到底|究竟|是|要|得)?(照|按|凭|依|根据)(啥|什么|哪个|哪种|哪条)"
                            r"(标准|规定)|(照|按|凭|依|根据)(啥|什么|哪个|哪种|哪条)(标准|规定)[^。？?，,]{0,2}"
                            r"(认定|认|划型|划分|划|算)(的)?(中小微|小微|中小企业|小企业)")
_MEASURE = re.compile(r"房租|租金|门面|贷款|贴息|利息|社保|保险|税|补贴|担保|资金|账款|欠款|工程款|货款|执法|信贷|返还|缓缴|减免|稳岗|"
                      r"工伤|养老|失业|清欠|技改")


def names_measure(text: str) -> bool:
    """Whether the text names one of the document's measures (房租, 贷款, 社保, 税 …) or what one does (「国家后来免三个
    月」), not the policy in general (「同类扶持给得更多」)."""
    return bool(_MEASURE.search(text) or re.search(r"[免减缓返贴租贷]|划型|划分|认定|规模|口径", text))


# To whom the document is addressed (its 主送 line), not which bodies carry out a clause (DEPARTMENT)
_ADDRESSEES = re.compile(
    r"(文件|意见|通知|这份|本文|公文|^它|^那它)[^。？?，,]{0,4}(发给|下发给|印发给|下发到|主送)(了)?(哪些|哪几个|哪个|什么|谁)|"
    r"主送(单位|机关|对象)|(文件|意见|通知)的?(对象|收文单位)是|"
    # 「文件抬头到底写的发给谁？」: the addressee line at the head of the text
    r"(文件|意见|通知|公文)的?抬头[^。？?，,开填]{0,6}(发给|写给|给)(谁|哪些|哪几|哪个)|"
    # 「发文名单里有园区不」「发文的时候带上综改区了没」
    r"发文名单|(发文|下发|印发)[^。？?]{0,6}(带上|带了|包括|捎上)|"
    # 「这文件当初到底发给县里了没？」: whether a body was among the addressees
    r"(文件|意见|通知|公文)(当初|当时|到底|究竟|是不是|有没有|也|都|原来)*(发给|下发给|印发给|下发到|发到)[^。？?，,的]{1,8}(了没|没有|了吗|吗)(?=[？?。]|$)|addressees?\b|recipient\s+list|distribution\s+list",
    re.IGNORECASE,
)
# Which body issued a document the question names (「《中小企业划型标准规定》是哪个部门发布的」): a fact of the text,
# not a clause's 责任单位
_ISSUER_OF = re.compile(r"(》|规定|办法|标准|文件)[^。？?]{0,4}(是|由)?(哪个|哪些|哪几个|什么|啥)(部门|单位|机关|机构)"
                        r"[^。？?]{0,3}(发布|印发|制定|出台|颁布|发的)|"
                        # 「那个规定是谁发布的」 (「这文件是谁发的」 is the document's own issuer: _ISSUER)
                        r"(》|规定|办法|标准)[^。？?]{0,4}(是|由)?谁[^。？?]{0,3}(发布|印发|制定|出台|颁布|发的)")
# Short questions that lean on an earlier turn: 「那第三个月呢？」「还有呢」「这个找谁」
# 「他对返程人员是怎么要求的？」: a person the last turn named, as the subject, is that turn's (not 他人, 他乡, 他项权证)
# 「住进去以后…」「批下来以后…」: a verb with its object left out, the thing the last turn named
_FOLLOW_UP = re.compile(r"^(那|那么|那要是|还有|另外|这个|这|它|其中|里面|里头|再问|接着|then|and|(?:他|她)(?![人乡国项处俩])们?)|"
                        r"^[\u4e00-\u9fff](?:进去|进来|下来|上去|过去)(?:以后|之后|后|了)|"
                        r"呢[？?]?$|这个|这项|该项|它"
                        # 「哦说错了，裁的是三个…」: a turn that opens by correcting the last one goes on from it
                        r"|^(?:哦|噢|哎呀|哎|唉|啊|呃|嗯|不好意思|抱歉)?[，,\s]*我?(?:(?:说错|记错|记岔|搞错|弄错|看错|写错|算错|打错)[了啦]|"
                        r"不对[啊呀吧]?[，,。\s]|更正[，,：:])")


# Broader than _INTERPRETATION's phrasings: a word about reading the text and a word asking who, with no action the
# who is to do (办, 受理, 发放 … is a department question). 说了算/拍板 alone are not enough: 「延多久谁说了算」
# asks who decides a matter, not who reads the text.
_READING = re.compile(r"解释|权威|口径|准话|准信|释义|理解|读法|含义|歧义|以谁为准|听谁的")
_WHO = re.compile(r"谁|哪个部门|哪家|哪个单位|哪个机关|找哪|问哪|哪些部门")
_WHO_ACTS = re.compile(r"(谁|哪个部门|哪家|哪个单位|哪个机关|哪些部门)[^。？?，,]{0,4}"
                       r"(办|申请|受理|负责|落实|管|发放|发的|出钱|审批|兑现|拨付)")


def _asks_reader(text: str) -> bool:
    return bool(_READING.search(text) and _WHO.search(text) and not _WHO_ACTS.search(text))


def classify(text: str) -> Intent:
    # 「官方 interpretation 找哪个 department」 asks in the Chinese form too; the English patterns read the original
    mapped = english_as_chinese(text)
    text = text if mapped == text else f"{text}。{mapped}"
    if _INTERPRETATION.search(text) or _asks_reader(text):
        return Intent.INTERPRETATION
    if _ADDRESSEES.search(text):
        return Intent.ADDRESSEES
    if _ISSUER_OF.search(text):
        return Intent.LOOKUP
    if _ISSUER.search(text):
        return Intent.ISSUER
    if _DEPARTMENT.search(text):
        return Intent.DEPARTMENT
    if _ISSUED.search(text) or asks_doc_number(text):
        return Intent.ISSUED
    if _SIZE_STANDARD.search(text) or (_ELIGIBILITY.search(text) and not _MEASURE.search(text)):
        return Intent.ELIGIBILITY
    if _TIME.search(text):
        return Intent.TIME
    return Intent.LOOKUP


# 「这份文件的文号是多少」「2号文的发文字号是啥」: the document's own number, which its header states with its date;
# not another document's (「那个文件的文号」「依据的是哪个文件，文号多少」 go on from the clause that names it)
_DOC_NUMBER = re.compile(r"(文号|发文字号|发文号|文件字号|文件编号)[^。？?，,]{0,3}(多少|啥|什么|哪个|几号)|(多少|啥|什么)(文号|字号)")
_ANOTHER_DOCUMENT = re.compile(r"那个文件|那份文件|那个通知|那份通知|那个方案|那个办法|依据|根据|引用|提到|援引")


def asks_doc_number(text: str) -> bool:
    return bool(_DOC_NUMBER.search(text)) and not _ANOTHER_DOCUMENT.search(text)


def asks_issue_date(text: str) -> bool:
    return bool(_ISSUED.search(text))


# 「两处是不是一个意思？」「这个“条件”具体指啥」: what a wording means, which the interpreting bodies settle
_MEANING = re.compile(r"(一个|同一个|一样的?)意思|一回事|(具体)?指(啥|什么|的是)|(什么|啥)意思|怎么理解|(释义|含义)|"
                      # a quoted wording and how far it reaches: 「“确有困难”…困难到啥程度才算」「“少裁员”到底少到几个算数」
                      r"[“\"「][^”\"」]{1,12}[”\"」][^。？?]{0,16}(到底|程度|怎么算|才算|算数|算不算|多少算)")


def asks_meaning(text: str) -> bool:
    return bool(_MEANING.search(text))


def still_only(text: str) -> bool:
    """Whether a TIME question asks only 「还能…吗」 or 「来得及吗」, naming no period, date or validity."""
    return classify(text) is Intent.TIME and not _PERIOD.search(text)


# 「回到工伤那个，…」「再说回检查那个，…」: back to a topic of an earlier turn, named by a word of it
_RETURN = re.compile(r"^(?:再)?(?:回到|说回|回头说|再说回|接着说|还是说)(?P<what>[\u4e00-\u9fff]{1,8}?)"
                     r"(?:那个|那事儿?|那件事|那条|那块|那一条|的事儿?)[，,]?")


def returned_to(text: str) -> str | None:
    """The topic word a turn goes back to (「回到银行那事，…」 → 银行), or None."""
    m = _RETURN.match(text)
    return m.group("what") if m else None


# 「回到头一个，…」「再说回最开始问的那个」: back to the conversation's first question, named by its place
_RETURN_FIRST = re.compile(r"^再?(?:回到|说回|回头说|再说回)我?(?:头一个|第一个|第一件|最开始|最早|一开始|最先)"
                           r"(?:问的)?(?:那个|那件事|那事儿?|问题|个?事儿?|件事|那笔钱?)?(?=[，,。？?]|$)")


def returns_to_first(text: str) -> bool:
    return bool(_RETURN_FIRST.match(text))


# 「回到刚才说的那个活动，…」「说回前面问的那个事」: back to what was asked before the conversation turned away
# (「换个事，…」), named by no word of that turn
_RETURN_BEFORE = re.compile(r"^再?(?:回到|说回|回头说|再说回)(?:刚才|刚刚|前面|之前|先前|上面)(?:说|问|聊|提)?的?")
_TURNED_AWAY = re.compile(r"^(?:换个事儿?|换个话题|另外问|再问个别的|说个别的|还有个事)")


# the topic word after 「回到前面说的」 (「社保那个，」「缓缴，」), when one is named
_RETURN_TOPIC = re.compile(r"(?:那个|那件|那条)?(?P<what>[\u4e00-\u9fff]{2,6}?)(?:那个|那事儿?|那件事|那条|那块|的事儿?)?[，,。？?]")


def turn_returned_to(text: str, history: Sequence[str]) -> str | None:
    """The earlier turn a turn goes back to by 「回到前面说的…」: the latest that says the topic word it names
    (「回到前面说的社保那个」), else, when it names none the turns say, the one before the last turn away."""
    m = _RETURN_BEFORE.match(text)
    if not m:
        return None
    named = _RETURN_TOPIC.match(text, m.end())
    said = next((turn for turn in reversed(history) if named and named.group("what") in turn), None)
    if said is not None:
        return said
    away = [n for n, turn in enumerate(history) if n and _TURNED_AWAY.match(turn)]
    return history[away[-1] - 1] if away else None


def looks_like_follow_up(text: str) -> bool:
    return bool(_FOLLOW_UP.search(text)) or len(text) <= 8
