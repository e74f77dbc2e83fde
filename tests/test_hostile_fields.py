"""Hostile text in every text field of every content shape builds a site with nothing executable in it.

The fields are enumerated from the shapes (`shapes`, `quizbank`, `workshop`), so a new text field is covered (or the
coverage assertion fails until the test site holds it). Each payload group is one real build of a tiny site; the built
HTML is parsed: no script element we did not write, no on* attribute, no javascript:/data:/vbscript: link, no quiz of a
pre/post bank on a public page, no template expression evaluated.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from helpers import build_site, copy_site
from lindungi.quiz.quizbank import BANK
from lindungi.validation.shapes import MODULE, SESSION, SETTINGS, WORKSHEET
from lindungi.validation.spec import ListOf, Obj, OneOf, Str
from lindungi.engine.templating import md_text
from lindungi.content.workshop import WORKSHOP

PREPOST = "kuis-prepost"
PAYLOADS = {
    "script": "<script>alert('s1')</script>",
    "close-script": "</script><script>alert('s2')</script>",
    "md-link": "[x](javascript:alert('s3'))",
    "attribute": "\" onfocus=alert('s4') autofocus=\"",
    "quiz-line": f"::: quiz {PREPOST}",
    "img": "<img src=x onerror=alert('s5')>",
    # A Jinja expression (1337 if evaluated) with inner braces, so it is not a help-line placeholder `{{ kind id }}`,
    # which fields such as key points check (a `{{ 7*191 }}` there is a contact-placeholder-bad error, test_rules.py).
    "jinja": "{{ {7*191}|first }}",
}
# Payloads that share one build; each group fits the shortest text field.
GROUPS = [["quiz-line", "script"], ["close-script", "md-link"], ["attribute", "img"], ["jinja"], ["long"]]
# Text with `{{ ... }}` in a field that takes placeholders (every module and workshop text, page and session bodies) is
# a placeholder, checked when the file is read: an unknown one stops the build with a file:line message.
PLACEHOLDER_RULES = ("[placeholder-unknown]", "[contact-placeholder-bad]")
SHAPES = {"module": MODULE, "session": SESSION, "quiz": BANK, "workshop": WORKSHOP, "settings": SETTINGS,
          "worksheet": WORKSHEET}
# Text fields with their own format check (a hostile value is an error there, tested in test_bad_input.py).
CHECKED = {("settings", "help_lines[].phone"), ("settings", "help_lines[].whatsapp"),
           ("settings", "local_contacts[].phone"), ("settings", "local_contacts[].whatsapp"),
           # a law source's article goes only beside `law`, which needs a laws.yml entry: see test_laws.py
           ("module", "sources[].articles"),
           # a step's heading must name a heading of the session text (step-heading-unknown, test_content_model.py)
           ("session", "steps[].heading"),
           # a short answer's unit is letters only: markup or digits there are a quiz-unit-bad error (test_rules.py)
           ("quiz", "questions[].units[]")}
# Question keys that belong to some question types only: filled where the test site's questions have them.
QUESTION_KEYS = {"prompt", "scenario", "hint", "explanation", "feedback_correct", "feedback_incorrect", "accepted"}

WORKSHOP_FILE = """id: uji
title: Pelatihan uji
place: Aula uji
days:
  - date: 2027-01-11
    start: "08:00"
    items:
      - {type: opening, minutes: 30, title: Pembukaan}
      - {type: pre_test, quiz: kuis-prepost, form: A, minutes: 20}
      - {type: session, module: modul-kuis, session: sesi-satu}
      - {type: closing, minutes: 15}
"""


def text_fields(shape: Obj, prefix: str = "") -> list[tuple[str, Str]]:
    """(path, shape) of every plain text field under `shape`; `a[]` is a list of texts, `a[].b` a key in list items."""
    found = []
    for name, field in shape.fields.items():
        inner = field.shape.item if isinstance(field.shape, ListOf) else field.shape
        path = prefix + name + ("[]" if isinstance(field.shape, ListOf) else "")
        if isinstance(inner, OneOf):  # text or a mapping (materials, audience): both forms are fields
            if type(inner.plain) is Str:
                found.append((path, inner.plain))
            found.extend(text_fields(inner.mapping, path + "."))
        elif type(inner) is Str:
            found.append((path, inner))
        elif isinstance(inner, Obj):
            found.extend(text_fields(inner, path + "."))
    return found


ALL_FIELDS = [(kind, path, s) for kind, shape in SHAPES.items() for path, s in text_fields(shape)
              if (kind, path) not in CHECKED]


def _payload(name: str, n: int, limit: int) -> str:
    if name == "long":
        return (f"f{n} " + "[x](javascript:alert('s6')) <b>b</b> " * 400)[:limit]
    return PAYLOADS[name]


def _value(group: list[str], n: int, limit: int) -> tuple[str, int]:
    """The value for field number `n`: the group's payloads, each on a line of its own, and how many fit whole."""
    if group == ["long"]:
        return _payload("long", n, limit), 1
    text, fitted = f"f{n}", 0
    for name in group:
        candidate = (f"{_payload(name, n, limit)}\n\n{text}" if name == "quiz-line" else f"{text} {_payload(name, n, limit)}")
        if len(candidate) > limit:
            break
        text, fitted = candidate, fitted + 1
    return text[:limit], fitted


def fill(document, shape: Obj, kind: str, group: list[str], filled: dict, prefix: str = "", counter=None):
    """Put the group's payloads into every text field of `document` (and add optional ones that are missing)."""
    counter = counter if counter is not None else [0]
    for name, field in shape.fields.items():
        inner = field.shape.item if isinstance(field.shape, ListOf) else field.shape
        is_list = isinstance(field.shape, ListOf)
        path = prefix + name + ("[]" if is_list else "")
        if (kind, path) in CHECKED:
            continue
        present = name in document
        if isinstance(inner, OneOf) and present:
            items = document[name] if is_list else [document[name]]
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    fill(item, inner.mapping, kind, group, filled, path + ".", counter)
                elif type(inner.plain) is Str:
                    counter[0] += 1
                    value, fitted = _value(group, counter[0], inner.plain.max_len)
                    items[index] = value
                    filled[(kind, path)] = max(filled.get((kind, path), 0), fitted)
            continue
        if type(inner) is Str and (present or (shape is not _QUESTION and name not in QUESTION_KEYS)):
            counter[0] += 1
            value, fitted = _value(group, counter[0], inner.max_len)
            document[name] = [value] if is_list else value
            filled[(kind, path)] = max(filled.get((kind, path), 0), fitted)
        elif isinstance(inner, Obj) and present:
            for item in (document[name] if is_list else [document[name]]):
                if isinstance(item, dict):
                    fill(item, inner, kind, group, filled, path + ".", counter)


_QUESTION = BANK.fields["questions"].shape.item


def _edit_yaml(path: Path, shape: Obj, kind: str, group, filled, front_matter: bool = False, under=None):
    text = path.read_text(encoding="utf-8")
    body = ""
    if front_matter:
        _, front, body = text.split("---\n", 2)
        text = front
    data = yaml.safe_load(text)
    target = data
    for key in under or ():
        target = target[key]
    fill(target, shape, kind, group, filled)
    out = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000)
    path.write_text(f"---\n{out}---\n{body}" if front_matter else out, encoding="utf-8")


def _keep_a_number(path: Path) -> None:
    """A question with `units` needs a number among its accepted answers (quiz-units-no-number): the payloads that
    replaced them get one beside them."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for question in data["questions"]:
        if "units" in question:
            question["accepted"].append("5")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")


def hostile_site(root: Path, group: list[str]) -> dict:
    """The quiz test site with a workshop, every text field holding the group's payloads; returns what was filled."""
    copy_site("quiz-all-types", root, assets=("lindungi.css", "quiz.css", "exit.js", "quiz.js"))
    (root / "workshops").mkdir(exist_ok=True)
    (root / "workshops/uji.yml").write_text(WORKSHOP_FILE, encoding="utf-8")
    session = root / "modules/modul-kuis/sesi-satu.md"
    session.write_text(session.read_text(encoding="utf-8").replace(
        "method: ceramah}", "method: ceramah, materials: [kertas, {item: pena, quantity: 1, unit: buah, per: peserta}], "
        "steps: [{title: Bagian, minutes: 5, method: diskusi}]}\nmaterials: [spidol, {item: kertas plano, quantity: 2}]\n"
        "worksheets: [lembar-uji]\ncontent_note: Catatan."), encoding="utf-8")
    module = root / "modules/modul-kuis/module.yml"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "audience: [konselor]", "audience: [konselor, {group: remaja, min_age: 13, max_age: 17, note: Catatan.}]"),
        encoding="utf-8")
    (root / "modules/modul-kuis/lembar").mkdir()
    sheet = root / "modules/modul-kuis/lembar/lembar-uji.md"
    sheet.write_text("---\ntitle: Lembar uji\n---\nIsi lembar.\n", encoding="utf-8")
    filled: dict = {}
    _edit_yaml(root / "modules/modul-kuis/module.yml", MODULE, "module", group, filled)
    _edit_yaml(session, SESSION, "session", group, filled, front_matter=True)
    _edit_yaml(sheet, WORKSHEET, "worksheet", group, filled, front_matter=True)
    for bank in sorted((root / "quizzes").glob("*.yml")):
        _edit_yaml(bank, BANK, "quiz", group, filled)
        _keep_a_number(bank)
    _edit_yaml(root / "workshops/uji.yml", WORKSHOP, "workshop", group, filled)
    config = root / "mkdocs.yml"
    head, _, _ = config.read_text(encoding="utf-8").partition("extra:")
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["extra"]["lindungi"]["local_contacts"] = [{"name": "x", "phone": "0321 000"}]
    fill(data["extra"]["lindungi"], SETTINGS, "settings", group, filled)
    config.write_text(head + yaml.safe_dump({"extra": data["extra"]}, allow_unicode=True, width=10000), encoding="utf-8")
    return filled


class _Scan(HTMLParser):
    """Collects what could run: script elements, on* attributes, dangerous URLs, quizzes, evaluated templates."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.handlers, self.urls, self.quizzes, self.text = [], [], [], [], []
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster"):
                scheme = re.sub(r"[\x00-\x20]", "", value).lower()
                if scheme.startswith(("javascript:", "vbscript:")) or (
                        scheme.startswith("data:") and not scheme.startswith("data:image/png")):
                    self.urls.append((tag, name, value))
            if name == "data-quiz":
                self.quizzes.append(value)
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append([dict(attrs), ""])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self.scripts[-1][1] += data
        self.text.append(data)


def scan_site(site: Path) -> list[str]:
    """Every executable thing in the built HTML that our templates did not put there, as readable lines."""
    found = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        scan = _Scan()
        scan.feed(page.read_text(encoding="utf-8"))
        for attrs, body in scan.scripts:
            if "src" in attrs and not re.match(r"^/?(\.\./)*(assets|javascripts|search)/[\w./-]+$", attrs["src"]):
                found.append(f"{rel}: script src {attrs['src']!r}")
            elif "alert(" in body:  # Material's and our inline scripts never call alert: the payloads all do
                found.append(f"{rel}: payload in a script element {body[:60]!r}")
        found += [f"{rel}: handler {tag} {name}={value[:40]!r}" for tag, name, value in scan.handlers]
        found += [f"{rel}: url {tag} {name}={value[:40]!r}" for tag, name, value in scan.urls]
        if not rel.startswith("pelatih/") and PREPOST in scan.quizzes:
            found.append(f"{rel}: pre/post quiz on a public page")
        if "1337" in "".join(scan.text):
            found.append(f"{rel}: a template expression was evaluated")
    return found


@pytest.mark.parametrize("payload", list(PAYLOADS) + ["long"])
def test_md_text_renders_as_plain_text(payload):
    """Through `md_text`, each payload is one paragraph of exactly its text: no element, link or placed quiz."""
    text = _payload(payload, 1, 400)
    html = markdown.markdown(f"{md_text(text)}\n", extensions=["attr_list", "md_in_html", "tables"])
    scan = _Scan()
    scan.feed(html)
    assert html.startswith("<p>") and html.count("<p>") == 1 and not re.search(r"<(?!/?p>)", html), html
    assert "".join(scan.text) == " ".join(text.split())


def test_every_text_field_is_covered(tmp_path):
    """Each text field of each shape gets every payload in some build (a new field needs a place in the test site)."""
    filled: dict = {}
    for number, group in enumerate(GROUPS):
        for key, count in hostile_site(tmp_path / f"s{number}", group).items():
            filled[key] = filled.get(key, 0) + count
    missing = [f"{kind}:{path} ({filled.get((kind, path), 0)})" for kind, path, _ in ALL_FIELDS
               if filled.get((kind, path), 0) < len(PAYLOADS) + 1]
    assert missing == []
    assert len(ALL_FIELDS) >= 40
    print(f"{len(ALL_FIELDS)} text fields x {len(PAYLOADS) + 1} payloads = {len(ALL_FIELDS) * (len(PAYLOADS) + 1)}")


@pytest.mark.parametrize("group", GROUPS, ids=["+".join(g) for g in GROUPS])
def test_hostile_fields_build_without_anything_executable(group, tmp_path):
    """A real build with the payloads in every text field succeeds and its HTML holds nothing executable."""
    root = tmp_path / "site"
    hostile_site(root, group)
    done = build_site(root, tmp_path / "out", strict=False)
    log = done.stdout + done.stderr
    if group == ["jinja"] and done.returncode != 0:  # refused as unknown placeholders: nothing was evaluated or built
        errors = [line for line in log.splitlines() if line.startswith("ERROR   -  ") and " galat, " not in line]
        assert errors and all(line.endswith(PLACEHOLDER_RULES) for line in errors), log
        assert "Traceback" not in log and not (tmp_path / "out").exists()
        return
    assert done.returncode == 0, log
    assert scan_site(tmp_path / "out") == []


def test_scan_finds_what_would_run(tmp_path):
    """The scanner is not blind: each kind of executable markup in a page is reported."""
    (tmp_path / "p.html").write_text(
        '<a href=" JavaScript:alert(1)">a</a><img src=x onerror="alert(2)"><iframe src="data:text/html,x"></iframe>'
        f'<section data-quiz="{PREPOST}"></section><script>alert(3)</script><script src="https://evil.example/x.js">'
        "</script><p>1337</p>", encoding="utf-8")
    found = scan_site(tmp_path)
    assert len(found) == 7, found


def test_quiz_line_not_in_the_block_tree_stays_text():
    """The quiz extension places only the banks the page's block tree places: any other `::: quiz` line is text."""
    from lindungi.i18n.locales import strings
    from lindungi.quiz.quizext import QuizExtension
    from lindungi.engine.checking import check_project
    from helpers import SITES

    project = check_project(SITES / "quiz-all-types")
    ext = QuizExtension(banks=project.quizzes, ui=strings("id"))
    ext.set_page("none", allowed={"kuis-semua"})
    html = markdown.markdown(f"::: quiz {PREPOST}\n\n::: quiz kuis-semua\n", extensions=[ext])
    assert 'data-quiz="kuis-semua"' in html and f'data-quiz="{PREPOST}"' not in html
    assert f"<p>::: quiz {PREPOST}</p>" in html


def test_join_keeps_the_space_after_its_separator():
    """A list joined with ", " in a Markdown template reads "kertas plano, spidol", its items still escaped."""
    from lindungi.engine.templating import markdown_environment

    out = markdown_environment().from_string('{{ items|join(", ") }}').render(items=["kertas plano", "*spidol*"])
    assert out == "kertas plano, &#42;spidol&#42;"
