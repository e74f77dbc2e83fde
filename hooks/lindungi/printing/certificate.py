"""Certificates of a workshop (sertifikat): hours in JP, a verification code and the printable page. No MkDocs.

One certificate per workshop, printed as many times as there are participants: the participant's name is a blank line
written by hand, so nothing personal is ever in the repository or the kit. What it states comes from the content only:

- the workshop's title, its dates and place (`workshops/<id>.yml`);
- the organiser: the region's `uptd` (and its `office`, when set) from `regions/<id>/region.yml`, or `organisation` in
  mkdocs.yml for a site without a region; never anything else;
- the hours in JP (jam pelajaran): the minutes of the agenda's session items (each session's length is the sum of its
  steps) divided by `jp_minutes` (`extra.lindungi.jp_minutes`, default 45, as in government training), rounded down, so
  a certificate never claims more than the agenda holds; in the trainer kit, where certificates are made, a workshop
  without sessions is an error (`certificate-no-jp`) and one whose sessions make less than one JP a warning
  (`certificate-short`);
- a verification code: the first 12 hexadecimal digits of the SHA-256 of `canonical_text` (the workshop's content and
  dates as plain lines, shown on the trainer kit's page "Memeriksa sertifikat"), in groups of four. Anyone can
  recompute it from the workshop file (`scripts/certificate_code.py`) or from that text with any SHA-256 tool.
"""

from __future__ import annotations

import datetime as _dt
import hashlib

from markupsafe import Markup

from ..engine import templating

CODE_VERSION = "lindungi-sertifikat-1"   # first line of the hashed text: change it when the text's layout changes
CODE_DIGITS = 12
CHECK_PAGE = "pelatih/sertifikat.md"      # the trainer kit's page on checking a certificate


def pdf_path(workshop) -> str:
    """Site path of a workshop's certificate (beside the pack's single documents)."""
    return f"pelatih/paket-{workshop.id}/sertifikat.pdf"


def session_minutes(workshop) -> int:
    """Minutes of the agenda's session items (computed from the sessions' steps by `workshop.compute_times`)."""
    return sum(item.minutes or 0 for day in workshop.days for item in day.items if item.type == "session")


def jp(workshop, minutes_per_jp: int) -> int:
    """Whole JP of the workshop's sessions (rounded down)."""
    return session_minutes(workshop) // minutes_per_jp


def organiser(settings) -> tuple[str, str]:
    """(organiser, the office above it or ''): the region's facts, never invented."""
    area = settings.area
    office = area.office if area is not None else ""
    return settings.organisation, office if office and office != settings.organisation else ""


def canonical_text(workshop, settings) -> str:
    """The text the verification code is the hash of: what the certificate states, and the agenda it is made from
    (every item's date, clock time, type, ids and minutes), one fact a line, ending with a newline."""
    org, office = organiser(settings)
    per_jp = settings.jp_minutes
    lines = [CODE_VERSION, f"pelatihan: {workshop.id}", f"judul: {_one_line(workshop.title)}",
             f"tempat: {_one_line(workshop.place)}", f"penyelenggara: {_one_line(org)}",
             f"dinas: {_one_line(office)}",
             f"tanggal: {', '.join(day.date.isoformat() for day in workshop.days)}",
             f"jp: {jp(workshop, per_jp)} ({session_minutes(workshop)} menit sesi, 1 JP = {per_jp} menit)", "agenda:"]
    for day in workshop.days:
        for item in day.items:
            what = {"session": f"{item.module}/{item.session}",
                    "pre_test": f"{item.quiz} {item.form}", "post_test": f"{item.quiz} {item.form}"}.get(item.type, "")
            lines.append(" ".join(part for part in (day.date.isoformat(), item.start, item.type, what,
                                                    f"{item.minutes or 0}") if part))
    return "\n".join(lines) + "\n"


def code_of(text: str) -> str:
    digits = hashlib.sha256(text.encode("utf-8")).hexdigest()[:CODE_DIGITS].upper()
    return "-".join(digits[i:i + 4] for i in range(0, CODE_DIGITS, 4))


def verification_code(workshop, settings) -> str:
    """E.g. '3F9A-1C0B-77DE'."""
    return code_of(canonical_text(workshop, settings))


def _one_line(text) -> str:
    """Text on one line; '-' for none, so that no line of the hashed text ends in a space a copy could lose."""
    return " ".join(str(text or "").split()) or "-"


def date_text(workshop, ui: dict) -> str:
    """The workshop's dates as the language writes them: one day, a run of days ('Senin, 11 Januari 2027 sampai
    Rabu, 13 Januari 2027') or separate days ('..., ... dan ...')."""
    dates = sorted({day.date for day in workshop.days})
    if not dates:
        return ""
    if len(dates) == 1:
        return templating.long_date(dates[0], ui)
    first, last = templating.long_date(dates[0], ui), templating.long_date(dates[-1], ui)
    if (dates[-1] - dates[0]).days == len(dates) - 1:
        return ui["cert_date_range"].format(first=first, last=last)
    shown = [templating.long_date(d, ui) for d in dates]
    return ui["cert_date_list"].format(first="; ".join(shown[:-1]), last=shown[-1])


def facts(workshop, settings, ui: dict) -> dict:
    """What the certificate and the checking page show of one workshop."""
    org, office = organiser(settings)
    last = max((day.date for day in workshop.days), default=None)
    return {"w": workshop, "organiser": org, "office": office, "dates": date_text(workshop, ui),
            "jp": jp(workshop, settings.jp_minutes), "minutes": session_minutes(workshop),
            "jp_minutes": settings.jp_minutes, "code": verification_code(workshop, settings),
            "issued": templating.plain_date(last, ui) if isinstance(last, _dt.date) else "",
            "pdf": pdf_path(workshop)}


def render_document(workshop, settings, ui: dict) -> str:
    """The certificate as a whole HTML document for WeasyPrint: one landscape A4 page."""
    from .handout import environment  # the print environment; `check` stays light for scripts/check.py

    title = f"{ui['cert_title']}: {workshop.title}"
    return environment().get_template("printing/certificate.html").render(
        css=Markup(""), lang=settings.language, ui=ui, settings=settings, doc_title=title,
        **facts(workshop, settings, ui))


def render_check_page(project, ui: dict) -> str:
    """The trainer kit's page on checking a certificate: the rule, each workshop's code and the text it hashes."""
    items = []
    for workshop in project.workshops.values():
        shown = facts(workshop, project.settings, ui)
        shown["href"] = pdf_path(workshop).removeprefix("pelatih/")
        text = Markup('<pre class="lp-cert-text"><code>{}</code></pre>').format(canonical_text(workshop, project.settings))
        items.append((shown, text))
    steps = [_with_code(step.format(digits=CODE_DIGITS)) for step in ui["cert_check_steps"]]
    return templating.markdown_environment().get_template("printing/certificate_check.md").render(
        ui=ui, items=items, steps=steps, jp_rule=_with_code(ui["cert_check_jp"]))


def _with_code(text: str) -> Markup:
    """An interface string with `code` spans as HTML (the string is ours; everything in it is escaped)."""
    parts = str(text).split("`")
    return Markup("").join(Markup("<code>{}</code>").format(part) if i % 2 else Markup.escape(part)
                           for i, part in enumerate(parts))


def check(project, out) -> None:
    """A certificate with no JP cannot be made: an error at the workshop's first day when it has no session minutes, a
    warning when its sessions make less than one JP (trainer kit only). A workshop
    naming a session that does not exist is left alone: that is reported already, and its minutes are unknown."""
    per_jp = project.settings.jp_minutes
    for workshop in project.workshops.values():
        if jp(workshop, per_jp) > 0 or not workshop.days or _unknown_sessions(workshop, project):
            continue
        minutes = session_minutes(workshop)
        if minutes:  # sessions shorter than one JP: the certificate would state 0 JP
            out.warn(workshop.path, workshop.days[0].line, "certificate-short", expected=per_jp, found=minutes)
        else:
            out.add(workshop.path, workshop.days[0].line, "certificate-no-jp", expected=per_jp)


def _unknown_sessions(workshop, project) -> bool:
    for module_id, session_id in workshop.sessions():
        module = project.modules.get(module_id)
        if module is None or session_id not in module.session_ids:
            return True
    return False
