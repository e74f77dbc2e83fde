"""Rules across files: references, coverage, review dates, local contacts and workshop timing.

`validate(project)` adds its problems to `project.problems`. Each rule is a small function taking the project and a
collector; lookups use dicts and sets, so the cost grows linearly with the content.
"""

from __future__ import annotations

import datetime as _dt
import posixpath
import re
from urllib.parse import unquote

from ..content import blocks, contacts, licences
from ..content.laws import stale_before
from ..content.models import COMMUNITY_AUDIENCES
from ..content.workshop import check_timing, compute_times
from ..printing import certificate
from ..quiz.quizbank import TEST_USES
from .problems import Collector, Token, phrase, quote
from .spec import did_you_mean


def validate(project, today: _dt.date | None = None) -> list:
    """Run every cross-file rule; return the full, updated problem list."""
    out = Collector()
    today = project.settings.review_today or today or _dt.date.today()
    check_prerequisites(project, out)
    check_module_quizzes(project, out)
    check_session_objectives(project, out)
    check_objective_coverage(project, out)
    check_review_dates(project, today, out)
    check_block_references(project, out)
    check_workshops(project, out)
    if project.settings.trainer_kit:  # certificates are made in the trainer kit only
        certificate.check(project, out)
    check_law_citations(project, today, out)
    check_contact_placeholders(project, out)
    check_steps(project, out)
    check_worksheets(project, out)
    check_audiences(project, out)
    licences.check_licences(project, out)
    check_session_files(project, out)
    project.problems = list(project.problems) + out.problems
    return project.problems


def _unknown(out: Collector, path: str, line: int, kind: str, value: str, known, fallback: str,
             unloadable=frozenset(), **params) -> None:
    """Report an unknown reference, unless its file exists but failed to load (that failure is reported already)."""
    if (kind, value) in unloadable:
        return
    known = sorted(known)
    out.add(path, line, "unknown-ref", kind=Token(kind), value=quote(value), allowed=known[:12],
            hint=did_you_mean(value, known, fallback, **params))


def check_prerequisites(project, out: Collector) -> None:
    """Prerequisites name existing modules and form no cycle."""
    for module in project.modules.values():
        for prereq in module.prerequisites:
            if prereq not in project.modules:
                _unknown(out, module.path, module.line_of("prerequisites"), "module", prereq, project.modules,
                         "existing-module", project.unloadable)
    state: dict[str, int] = {}

    def visit(module_id: str, trail: list) -> None:
        state[module_id] = 1
        for prereq in project.modules[module_id].prerequisites:
            if prereq not in project.modules:
                continue
            if state.get(prereq) == 1:
                cycle = trail[trail.index(prereq):] + [prereq] if prereq in trail else [module_id, prereq]
                module = project.modules[module_id]
                out.add(module.path, module.line_of("prerequisites"), "prerequisite-cycle", value=" -> ".join(cycle))
            elif state.get(prereq) is None:
                visit(prereq, trail + [prereq])
        state[module_id] = 2

    for module_id in project.modules:
        if module_id not in state:
            visit(module_id, [module_id])


def check_module_quizzes(project, out: Collector) -> None:
    """A module's quiz banks exist and declare the use the module makes of them; pre/post banks fill forms A and B."""
    for module in project.modules.values():
        for key, uses in (("self_check", ("self_check",)), ("pre_post", ("pre_test", "post_test"))):
            quiz_id = getattr(module, key)
            if not quiz_id:
                continue
            line = module.line_of(f"quizzes.{key}")
            bank = project.quizzes.get(quiz_id)
            if bank is None:
                _unknown(out, module.path, line, "quiz", quiz_id, project.quizzes,
                         "create-quiz", project.unloadable)
                continue
            missing = [u for u in uses if u not in bank.uses]
            if missing:
                out.add(module.path, line, "quiz-use-mismatch", value=quote(quiz_id), where=key, expected=missing,
                        found=list(bank.uses))
            if key == "pre_post":
                for form in ("A", "B"):
                    if not bank.for_form(form):
                        out.add(bank.path, bank.line, "quiz-form-empty", value=form, bank=quote(bank.id))


def _banks_of(project) -> dict:
    """quiz id -> list of modules that use it."""
    users: dict = {}
    for module in project.modules.values():
        for quiz_id in (module.self_check, module.pre_post):
            if quiz_id:
                users.setdefault(quiz_id, []).append(module)
    return users


def check_session_objectives(project, out: Collector) -> None:
    """Session objectives and question objectives name objectives of their module."""
    for module in project.modules.values():
        known = {o.id for o in module.objectives}
        for session in module.sessions:
            for objective in session.objectives:
                if objective not in known:
                    _unknown(out, session.path, session.lines.get("objectives", 2), "objective", objective, known,
                             "module-objective")
    for quiz_id, modules in _banks_of(project).items():
        bank = project.quizzes.get(quiz_id)
        if bank is None:
            continue
        known = {o.id for m in modules for o in m.objectives}
        for question in bank.questions:
            if question.objective and question.objective not in known:
                _unknown(out, bank.path, question.line, "objective", question.objective, known,
                         "bank-objective")


def check_objective_coverage(project, out: Collector) -> None:
    """Every objective is served by a session or a question (warning)."""
    for module in project.modules.values():
        served = {o for s in module.sessions for o in s.objectives}
        for quiz_id in (module.self_check, module.pre_post):
            bank = project.quizzes.get(quiz_id) if quiz_id else None
            if bank:
                served |= {q.objective for q in bank.questions if q.objective}
        for objective in module.objectives:
            if objective.id not in served:
                out.warn(module.path, objective.line, "objective-unserved", value=quote(objective.id))


def check_review_dates(project, today: _dt.date, out: Collector) -> None:
    """`next_review` lies after `reviewed` and has not passed (warning)."""
    for module in project.modules.values():
        if module.reviewed and module.next_review and module.next_review <= module.reviewed:
            out.add(module.path, module.line_of("next_review"), "review-order", expected=module.reviewed.isoformat(),
                    value=module.next_review.isoformat())
        elif module.next_review and module.next_review < today:
            out.warn(module.path, module.line_of("next_review"), "review-overdue", value=module.next_review.isoformat())


def check_block_references(project, out: Collector) -> None:
    """`::: quiz <id>` names a bank that may be shown (not a pre/post test); `::: local` needs configured local
    contacts (warning, once per file)."""
    trees = [(s.path, s.tree, "session-page") for s in project.sessions()]
    trees += [(f"docs/{rel}", tree, "public-page") for rel, tree in project.pages.items()]
    for path, tree, where in trees:
        for block in blocks.find_blocks(tree, "quiz"):
            bank = project.quizzes.get(block.title)
            if bank is None:
                _unknown(out, path, block.line, "quiz", block.title, project.quizzes, "quiz-block",
                         project.unloadable)
            elif set(bank.uses) <= TEST_USES:
                out.add(path, block.line, "quiz-test-only-placed", value=quote(bank.id), bank=bank.id,
                        where=phrase(where), found=list(bank.uses))
        local = blocks.find_blocks(tree, "local")
        if local and not project.settings.local_contacts and project.settings.readable:
            out.warn(path, local[0].line, "local-contacts-empty", where=quote(path))


def check_workshops(project, out: Collector) -> None:
    """Workshop items name existing modules, sessions and banks; clock times are computed; timing rules warn."""
    def session_of(module_id, session_id):
        module = project.modules.get(module_id)
        return next((s for s in module.sessions if s.id == session_id), None) if module else None

    for workshop in project.workshops.values():
        for day in workshop.days:
            for item in day.items:
                if item.type == "session" and item.module and item.session:
                    module = project.modules.get(item.module)
                    if module is None:
                        _unknown(out, workshop.path, item.line, "module", item.module, project.modules,
                                 "existing-module", project.unloadable)
                    elif item.session not in module.session_ids:
                        _unknown(out, workshop.path, item.line, "session", item.session, module.session_ids,
                                 "module-session", module=item.module)
                if item.type in ("pre_test", "post_test") and item.quiz:
                    bank = project.quizzes.get(item.quiz)
                    if bank is None:
                        _unknown(out, workshop.path, item.line, "quiz", item.quiz, project.quizzes,
                                 "create-quiz", project.unloadable)
                    elif item.type not in bank.uses:
                        out.add(workshop.path, item.line, "quiz-use-mismatch", value=quote(item.quiz), where=item.type,
                                expected=[item.type], found=list(bank.uses))
        compute_times(workshop, lambda m, s: getattr(session_of(m, s), "minutes", None))
        check_timing(workshop, lambda m, s: getattr(session_of(m, s), "self_care", False), out)


def check_law_citations(project, today: _dt.date, out: Collector) -> None:
    """Every cited law is in laws.yml; citing an amended or revoked law, or one not checked in the last 12 months (or
    never), is a warning at the citation."""
    if ("law", "*") in project.unloadable:
        return  # laws.yml itself could not be read: that is reported already
    limit = stale_before(today)
    for citation in project.citations:
        law = project.laws.get(citation.law)
        if law is None:
            _unknown(out, citation.path, citation.line, "law", citation.law, project.laws, "law-registry")
            continue
        if law.status == "amended":
            out.warn(citation.path, citation.line, "law-amended", value=quote(law.id), found=list(law.amended_by))
        elif law.status == "revoked":
            out.warn(citation.path, citation.line, "law-revoked", value=quote(law.id), found=list(law.revoked_by))
        if law.checked is None:
            out.warn(citation.path, citation.line, "law-not-checked", value=quote(law.id))
        elif law.checked < limit:
            out.warn(citation.path, citation.line, "law-check-stale", value=quote(law.id), expected=limit.isoformat(),
                     found=law.checked.isoformat())


def check_contact_placeholders(project, out: Collector) -> None:
    """Every `{{ telepon id }}` / `{{ whatsapp id }}` in a session, or in a module's key points and handout steps,
    names a configured contact that has that channel (public pages are checked as they are loaded)."""
    for module in project.modules.values():
        for key, items in (("key_points", module.key_points), ("handout.key_points", module.handout.key_points),
                           ("handout.what_to_do", module.handout.what_to_do)):
            for index, text in enumerate(items):
                line = module.lines.get(f"{key}[{index}]")
                if line is not None and "{{" in str(text):  # no line: the handout's key points are the module's
                    contacts.check(str(text), module.path, line, project.settings, out)
        for session in module.sessions:
            if "{{" in session.body:
                contacts.check(session.body, session.path, session.body_line, project.settings, out)


def session_headings(session) -> list:
    """(line, text) of every `## ` heading of a session's body, outside code, in order."""
    found = []
    for line, blanked, _ in blocks.lines_outside_code(session.body, session.body_line):
        if blanked is not None and blanked.startswith("## "):
            found.append((line, blanked[3:].strip().rstrip("#").strip()))
    return found


def check_steps(project, out: Collector) -> None:
    """Sub-steps fit in their step; a step's `heading` names a `##` heading of the body, in the steps' order."""
    for session in project.sessions():
        headings = None
        last = None  # (index of the heading, step title) of the previous linked step
        for step in session.steps:
            used = sum(sub.minutes for sub in step.substeps)
            if used > step.minutes:
                out.add(session.path, step.line, "substeps-exceed", value=quote(step.title), expected=step.minutes,
                        found=used)
            if not step.heading:
                continue
            if headings is None:
                headings = [text for _, text in session_headings(session)]
            wanted = " ".join(step.heading.split())
            if wanted not in headings:
                out.add(session.path, step.heading_line, "step-heading-unknown", value=quote(wanted),
                        allowed=headings[:12] or ["-"], hint=did_you_mean(wanted, headings, "check-spelling"))
                continue
            index = headings.index(wanted)
            if last is not None and index < last[0]:
                out.add(session.path, step.heading_line, "step-heading-order", value=quote(headings[last[0]]),
                        found=quote(wanted))
            last = (index, wanted)


def check_worksheets(project, out: Collector) -> None:
    """Sessions name worksheets that exist in their module's lembar/ folder; a worksheet no session uses warns."""
    for module in project.modules.values():
        used = set()
        for session in module.sessions:
            for sheet in session.worksheets:
                used.add(sheet)
                if sheet not in module.worksheets:
                    folder = module.path.rsplit("/", 1)[0]
                    out.add(session.path, session.lines.get(f"worksheets.{sheet}", session.lines.get("worksheets", 2)),
                            "worksheet-missing", value=quote(sheet), expected=quote(f"{folder}/lembar/{sheet}.md"),
                            allowed=sorted(module.worksheets) or "-")
        for sheet in module.worksheets.values():
            if sheet.id not in used:
                out.warn(sheet.path, 1, "worksheet-not-used", value=quote(sheet.id))


def check_audiences(project, out: Collector) -> None:
    """An age range belongs to a community group and runs from the lower to the higher age."""
    for module in project.modules.values():
        for entry in module.audience_groups:
            has_ages = entry.min_age is not None or entry.max_age is not None
            if has_ages and entry.group not in COMMUNITY_AUDIENCES:
                out.add(module.path, entry.line, "audience-age-staff", value=quote(entry.group),
                        allowed=list(COMMUNITY_AUDIENCES))
            elif entry.min_age is not None and entry.max_age is not None and entry.min_age > entry.max_age:
                out.add(module.path, entry.line, "audience-age-order", value=quote(entry.group),
                        found=f"{entry.min_age}-{entry.max_age}")


# `[text](target)` and `![alt](target)`, with an optional <...> around the target and an optional "title" after it.
_LINK_RE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


def check_session_files(project, out: Collector) -> None:
    """Every image or file a session links by a relative path (`![Alur](alur.png)`, `[Lembar kerja](lembar.pdf)`) is a
    file beside the module's sessions (or in another module's folder, by `../<module>/<file>`): the build copies those
    files with the module's pages, and MkDocs would stop a strict build on any other. Links to pages (.md), anchors,
    addresses with a scheme (https:, tel:, law:) and site-absolute paths are left to their own checks."""
    for module in project.modules.values():
        for session in module.sessions:
            if "](" not in session.body:
                continue
            for number, line, _ in blocks.lines_outside_code(session.body, session.body_line):
                if line is None or "](" not in line:
                    continue
                for match in _LINK_RE.finditer(line):
                    target = unquote(match.group(1).split("#", 1)[0].split("?", 1)[0])
                    if not target or ":" in target or target.startswith("/") or target.lower().endswith(".md"):
                        continue
                    place = posixpath.normpath(posixpath.join(module.id, target))
                    owner, _, name = place.partition("/")
                    other = project.modules.get(owner)
                    if other is None or name not in other.assets:
                        out.warn(session.path, number, "linked-file-missing", value=quote(target),
                                 expected=posixpath.normpath(posixpath.join(posixpath.dirname(module.path), target)),
                                 hint=did_you_mean(target, module.assets, "place-file"))
