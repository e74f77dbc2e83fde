"""SCORM 1.2 packages: one zip per module, for learning platforms (Moodle, Canvas, Open edX) that record completion and
a score. No MkDocs here; `scripts/scorm.py` (`make scorm`) writes `build/scorm/<module id>.zip`.

A package holds one SCO (the launch page `index.html`) and the files it uses, all local:

- `index.html`: the module's sessions in the learner view (never trainer notes) and its self-check, made by the same
  domain code as the site (`pages.render_session`, `blocks`, the quiz and law Markdown extensions) into one page with
  a contents list. One page, because SCORM 1.2 allows one LMSInitialize and one LMSFinish per launch: moving to
  another page would end the session. The quick exit and the help block stay on it; the quiz stores nothing
  (storage policy "none"): the platform holds the progress.
- `assets/`: lindungi.css, quiz.css, exit.js and quiz.js from docs/assets, and scorm.js (templates/quiz/scorm.js, which
  talks to the platform; it lives beside the templates because the site itself never loads it).
- `imsmanifest.xml`: IMS Content Packaging 1.1.2 with the ADL SCORM 1.2 extension, schemaversion 1.2, one
  organisation, one item, one resource (adlcp:scormtype "sco") listing every file; the item's adlcp:masteryscore is
  the bank's pass mark (the score is sent as a percentage, so the platform's comparison matches the site's).

`package_problems` reports a module without a self-check bank and a bank with no question that can be scored, with
file and line. `write_zip` writes a temporary file beside the target and renames it, so a zip is never left half.
"""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
import zipfile
import re
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension, slugify_unicode
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..content import licences, pages
from ..content.lawext import LawExtension
from ..engine import templating
from ..validation.problems import Problem, quote
from .quizext import QuizExtension

LAUNCH = "index.html"
MANIFEST = "imsmanifest.xml"
ASSETS = ("lindungi.css", "quiz.css", "exit.js", "quiz.js")  # the site's own, from docs/assets
RUNTIME = templating.TEMPLATES / "quiz" / "scorm.js"
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition"]
ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed, so the same content gives the same zip

_ENV = templating.environment("scorm")


def package_problems(module, project) -> list:
    """Why `module` cannot become a package: no self-check bank, or a bank with nothing to score. An unknown bank id
    is already reported by the content rules (validate.py)."""
    if not module.self_check:
        line = module.lines.get("quizzes.self_check") or module.line_of("quizzes")
        return [Problem(module.path, line, "scorm-no-self-check", {"value": quote(module.id), "found": "-"})]
    bank = project.quizzes.get(module.self_check)
    if bank is None:
        return []
    scorable = [q for q in bank.questions if q.points > 0]
    if not scorable:
        return [Problem(bank.path, bank.line, "scorm-no-scorable", {"value": quote(bank.id), "module": quote(module.id),
                                                                     "found": len(scorable)})]
    return []


def _markdown(text: str, project, ui: dict, prefix: str, targets: dict) -> str:
    """Markdown as HTML the way the site converts it; headings one level down (the part's title is the h2) and their
    ids prefixed with the part's anchor, so two sessions with the same heading never share an id."""
    # The site's "not sent anywhere" would be untrue here: the score and status go to the platform.
    quiz = QuizExtension(banks=project.quizzes, ui={**ui, "quiz_not_stored": ui["scorm_not_stored"]})
    quiz.set_page("none")  # the platform holds progress; nothing is stored on the learner's device
    toc = TocExtension(baselevel=2, permalink=False,
                       slugify=lambda value, separator: f"{prefix}-{slugify_unicode(value, separator)}")
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS + [quiz, LawExtension(laws=project.laws), toc,
                                                              _PackageLinks(targets)])
    return md.convert(text)


class _PackageLinks(Extension):
    """Links between the module's pages point at their part of the one package page (`targets`: file name in the
    module folder -> anchor); a link to any other page of the site, which the package does not hold, becomes plain
    text. Links to other sites (with a scheme) and anchors stay."""

    def __init__(self, targets: dict, **kwargs):
        self.targets = targets
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_Relink(md, self.targets), "lindungi_package_links", 1)


class _Relink(Treeprocessor):
    def __init__(self, md, targets: dict):
        super().__init__(md)
        self.targets = targets

    def run(self, root):
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith("#") or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
                continue
            anchor = self.targets.get(href.split("#")[0])
            if anchor:
                link.set("href", f"#{anchor}")
            else:
                link.tag = "span"
                link.attrib.clear()
        return None


def _without_title(text: str) -> str:
    """A generated page's Markdown without its first `# title` line (the package page gives each part its heading)."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[:n] + lines[n + 1:])
    return text


def launch_page(module, project, ui: dict) -> str:
    """The package's one page: contents, every session in the learner view, then the self-check."""
    targets = {"index.md": "isi", "cek-mandiri.md": "cek-mandiri"}
    targets.update({f"{session.id}.md": f"sesi-{session.id}" for session in module.sessions})
    parts = []
    for session in module.sessions:
        text = _without_title(pages.render_session(session, module, project, ui, trainer=False))
        parts.append({"anchor": f"sesi-{session.id}", "title": pages.safe_title(session.title),
                      "html": _markdown(text, project, ui, f"sesi-{session.id}", targets)})
    bank = project.quizzes[module.self_check]
    parts.append({"anchor": "cek-mandiri", "title": ui["module_self_check"],
                  "html": _markdown(f"::: quiz {bank.id}\n", project, ui, "cek-mandiri", targets)})
    for part in parts:
        part["html"] = Markup(part["html"])
    settings = project.settings
    strings = {k: ui[k] for k in ("exit_two_more", "exit_one_more", "exit_timed_out", "exit_loading")}
    return _ENV.get_template("quiz/scorm_page.html").render(
        lang=settings.language, module=module, ui=ui, parts=parts, exit_url=settings.exit_url, strings=strings,
        help_items=Markup(pages.render_help_items(settings, ui)),
        licence=f"{settings.organisation} · {licences.module_licence(module, settings)}")


def manifest(module, bank, files) -> str:
    """imsmanifest.xml of the package: one SCO launching `index.html`, every file of the package listed."""
    ET.register_namespace("", CP)
    ET.register_namespace("adlcp", ADLCP)
    root = ET.Element(f"{{{CP}}}manifest", {"identifier": f"lindungi-{module.id}", "version": "1.0"})
    meta = ET.SubElement(root, f"{{{CP}}}metadata")
    ET.SubElement(meta, f"{{{CP}}}schema").text = "ADL SCORM"
    ET.SubElement(meta, f"{{{CP}}}schemaversion").text = "1.2"
    orgs = ET.SubElement(root, f"{{{CP}}}organizations", {"default": f"org-{module.id}"})
    org = ET.SubElement(orgs, f"{{{CP}}}organization", {"identifier": f"org-{module.id}"})
    ET.SubElement(org, f"{{{CP}}}title").text = module.title
    item = ET.SubElement(org, f"{{{CP}}}item", {"identifier": f"item-{module.id}", "identifierref": f"res-{module.id}",
                                                "isvisible": "true"})
    ET.SubElement(item, f"{{{CP}}}title").text = module.title
    if bank.pass_mark > 0:
        ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(bank.pass_mark)
    resources = ET.SubElement(root, f"{{{CP}}}resources")
    resource = ET.SubElement(resources, f"{{{CP}}}resource", {"identifier": f"res-{module.id}", "type": "webcontent",
                                                              f"{{{ADLCP}}}scormtype": "sco", "href": LAUNCH})
    for name in files:
        ET.SubElement(resource, f"{{{CP}}}file", {"href": name})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def package_files(module, project, ui: dict, assets_dir) -> dict:
    """{path in the zip: bytes} of `module`'s package, the manifest first (it must sit at the root)."""
    content = {LAUNCH: launch_page(module, project, ui).encode("utf-8")}
    for name in ASSETS:
        content[f"assets/{name}"] = (Path(assets_dir) / name).read_bytes()
    content["assets/scorm.js"] = RUNTIME.read_bytes()
    bank = project.quizzes[module.self_check]
    return {MANIFEST: manifest(module, bank, list(content)).encode("utf-8"), **content}


def write_zip(files: dict, dest) -> Path:
    """Write `files` as the zip `dest`: first under a temporary name in the same folder, then renamed, so `dest` is
    either the old zip or the whole new one, never half of one."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                info = zipfile.ZipInfo(name, ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; a package is meant to be shared
        os.replace(temp, dest)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return dest
