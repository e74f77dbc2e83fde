"""Load a whole project (settings, modules, sessions, quiz banks, workshops, public pages) into models.

`load_project(root, extra)` reads every file once, checks its shape and returns a `Project` whose `problems` list holds
everything found. It never raises on bad content; cross-file rules live in `validate.py`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml

from ..quiz.quizbank import load_bank
from ..validation.problems import Collector, Token, phrase, quote
from ..validation.shapes import MODULE, SESSION, SETTINGS, WORKSHEET
from ..validation.spec import Ctx, Url, check_document, did_you_mean, url_host
from ..validation.yamlpos import MAX_ITEMS, PosDict, PosLoader, load_yaml, load_yaml_with, split_front_matter
from . import blocks, contacts as placeholders, laws as lawreg, regions as regionreg
from .models import (AudienceGroup, Citation, Handout, Material, Module, Objective, Project, Session, Settings, Source,
                     Step, Worksheet)
from .workshop import load_workshop

CONFIG_FILE = "mkdocs.yml"


def load_project(root, extra_settings=None, docs_dir: str = "docs", site_url: str = "", remember=None) -> Project:
    """Load everything under `root`. `extra_settings` is `extra.lindungi` from mkdocs.yml when MkDocs already read it.
    `remember` (`Memo.get`, see memo.py) lets YAML that has not changed since an earlier build skip parsing."""
    root = Path(root)
    out = Collector()
    regions, broken = regionreg.load_all(root, out, lambda path, rel: _readable(read_yaml_file(path, rel, out,
                                                                                                 remember=remember)))
    settings = load_settings(root, extra_settings, out, site_url, regions, broken)
    project = Project(root=str(root), settings=settings)
    fill = regionreg.Filler(settings, out)
    _load_laws(root, project, out, remember)
    _load_modules(root, project, out, remember, fill)
    _load_quizzes(root, project, out, remember)
    _load_workshops(root, project, out, remember, fill)
    project.pages = _load_pages(root, docs_dir, out, project.citations, fill, settings)
    if settings.area is not None and (root / settings.area.docs_dir).is_dir():
        project.pages.update(_load_pages(root, settings.area.docs_dir, out, project.citations, fill, settings))
    regionreg.find_names(root, regions, out)
    project.problems = out.problems
    return project


# --- the law registry ---------------------------------------------------------------------------------------------

def _load_laws(root: Path, project: Project, out: Collector, remember=None) -> None:
    """Read laws.yml (optional: a project that cites no law needs none). A file that cannot be read marks the whole
    registry unloadable, so citations are not reported as unknown on top of its own problems."""
    path = root / lawreg.LAWS_FILE
    if not path.is_file():
        return
    value = read_yaml_file(path, lawreg.LAWS_FILE, out, remember=remember)
    if value is _SYNTAX_ERROR or value is None or not isinstance(value, dict):
        project.unloadable.add(("law", "*"))
    if value is _SYNTAX_ERROR:
        return
    project.laws = lawreg.load_laws(value, lawreg.LAWS_FILE, out)


def _module_citations(module: Module, laws: dict) -> list:
    """Citations made by a module: its `{law: id}` sources (on the module page) and its sessions' `law:` links."""
    found = [Citation(s.law, module.path, s.line, f"modul/{module.id}/index.md", module.title)
             for s in module.sources if s.law]
    for session in module.sessions:
        found += [Citation(law_id, session.path, line, f"modul/{module.id}/{session.id}.md", session.title)
                  for law_id, line, _ in lawreg.find_citations(session.body, session.body_line)]
    module.sources = tuple(lawreg.resolve_source(s, laws) for s in module.sources)
    return found


# --- settings ---------------------------------------------------------------------------------------------------

def load_settings(root: Path, extra_settings, out: Collector, site_url: str = "", regions=None,
                  broken=()) -> Settings:
    """Check `extra.lindungi`; line numbers come from re-reading mkdocs.yml (its custom tags are ignored, `!ENV` is
    resolved). mkdocs.yml is read like a content file: its syntax errors, duplicate keys, broken limits and encoding
    are reported with their lines, by `scripts/check.py` and the build alike. With `region_id`, the facts of
    `regions/<id>/region.yml` (from `regions`, see regions.load_all) fill the organisation, the region's name, the
    local contacts, the site address and the logo."""
    config = _read_config(root / CONFIG_FILE, out)
    if config is _SYNTAX_ERROR:
        if extra_settings is None:  # check.py: nothing to check until mkdocs.yml can be read (its problem is reported)
            return Settings(readable=False)
        config = None
    extra = config.get("extra") if isinstance(config, dict) else None
    positioned = extra.get("lindungi") if isinstance(extra, dict) else None
    if not isinstance(config, dict):
        config = None  # mkdocs.yml is not a mapping: MkDocs reports that itself
    if config is not None and not site_url and extra_settings is None:
        site_url = config.get("site_url") or ""  # scripts/check.py: MkDocs has not read the file
        if not isinstance(site_url, str):
            site_url = ""
    value = positioned if positioned is not None else extra_settings
    if value is None:
        value = PosDict()
    if (extra_settings is not None and isinstance(positioned, dict) and isinstance(extra_settings, dict)
            and dict(positioned) != dict(extra_settings)):
        value = extra_settings  # an INHERIT or an override changed them: use MkDocs' values, without lines
    ctx = Ctx(CONFIG_FILE, out)
    data = SETTINGS.check(value, ctx, "extra.lindungi", getattr(value, "line", 1) or 1) or {}
    contacts = {}
    ids: dict = {}
    for key in ("help_lines", "local_contacts"):
        items = []
        for index, raw in enumerate(data.get(key, [])):
            line = data[key].line_of(index)
            contact = regionreg.contact_of(raw, CONFIG_FILE, line, out)
            if contact.id:
                if contact.id in ids:
                    out.add(CONFIG_FILE, line, "duplicate-id", kind=Token("contact"), value=quote(contact.id),
                            other=f"{CONFIG_FILE}:{ids[contact.id]}")
                ids.setdefault(contact.id, line)
            items.append(contact)
        contacts[key] = tuple(items)
    site_url = _checked_site_url(str(site_url or ""), config, out)
    area = _selected_region(data, regions or {}, broken, out)
    organisation, region_name = data.get("organisation", ""), data.get("region", "")
    local_contacts, logo_uri = contacts["local_contacts"], ""
    if area is not None:
        organisation, region_name = area.uptd, area.full_name
        local_contacts = area.local_contacts or local_contacts
        site_url = area.site_url or site_url
        logo_uri = regionreg.data_uri(root / area.logo) if area.logo else ""
    elif not data.get("region_id"):
        for key in ("organisation", "region"):
            if key not in data:
                out.add(CONFIG_FILE, getattr(data, "line", 1) or 1, "missing-key", key=key, doc=SETTINGS.fields[key].doc)
    exit_url = data.get("exit_url", DEFAULT_EXIT_URL)
    if site_url and url_host(exit_url) and url_host(exit_url) == url_host(site_url):
        out.add(CONFIG_FILE, data.line_of("exit_url") if "exit_url" in data else 0, "exit-url-own-site",
                value=quote(exit_url))
    given = {key: data[key] for key in PLAIN_SETTINGS if data.get(key) is not None}  # the rest: Settings' defaults
    if not given.get("edition", True):
        del given["edition"]  # an empty $LINDUNGI_EDITION builds the default edition
    return Settings(**given, organisation=organisation, region=region_name, help_lines=contacts["help_lines"],
                    local_contacts=local_contacts, site_url=site_url or "", area=area, logo_uri=logo_uri)


# Settings read as they are written (when given); every default is the field's default in models.Settings.
PLAIN_SETTINGS = ("language", "licence", "exit_url", "quiz_storage", "paper", "require_qr", "review_today", "edition",
                  "trainer_views", "region_id", "jp_minutes")


def _selected_region(data, regions: dict, broken, out: Collector):
    """The region named by `region_id` (None when there is none, or when it is missing: that is reported)."""
    region_id = data.get("region_id")
    if not region_id:
        return None
    if region_id in regions:
        return regions[region_id]
    if region_id not in broken:
        out.add(CONFIG_FILE, data.line_of("region_id"), "region-unknown", value=quote(region_id),
                allowed=sorted(regions) or ["-"], hint=did_you_mean(region_id, regions, "pick-value"))
    return None


def _readable(value):
    return None if value is _SYNTAX_ERROR else value


DEFAULT_EXIT_URL = Settings.exit_url  # the one default, in models.Settings


def _checked_site_url(site_url: str, config, out: Collector) -> str:
    """`site_url` when it is an absolute http(s) address; otherwise '' after reporting it (a QR code and the exit
    rule need a real address)."""
    if not site_url:
        return ""
    line = config.line_of("site_url") if isinstance(config, PosDict) else 0
    checked = Url(max_len=500, allow_http=True).check(site_url, Ctx(CONFIG_FILE, out), "site_url", line)
    return checked or ""


class _ConfigLoader(PosLoader):
    """Reads mkdocs.yml for line numbers only; tags such as !ENV or !!python/name become empty values."""


def env_tag(loader, node):
    """`!ENV NAME` or `!ENV [NAME, ..., default]`, resolved from the environment as MkDocs resolves it."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = (values[:-1], values[-1]) if len(values) > 1 else (values, None)
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else None
    return default


_ConfigLoader.add_constructor("!ENV", env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _read_config(config_path: Path, out: Collector):
    """mkdocs.yml as positioned values; None when it is missing; `_SYNTAX_ERROR` (its problems reported) when it cannot
    be read or parsed."""
    if not config_path.exists() and not config_path.is_symlink():
        return None
    text = read_text_file(config_path, CONFIG_FILE, out)
    if text is None:
        return _SYNTAX_ERROR
    data, issues = load_yaml_with(text, _ConfigLoader)
    _report_yaml_issues(CONFIG_FILE, issues, out)
    return _SYNTAX_ERROR if any(i.kind != "duplicate-key" for i in issues) else data


# --- files -------------------------------------------------------------------------------------------------------

MAX_FILE_BYTES = 1024 * 1024  # the largest content file (1 MB); see "Batas" in the authoring guide


def read_text_file(path: Path, rel: str, out: Collector) -> str | None:
    """The text of a content file, or None after reporting why it cannot be read: not a regular file (a folder, a
    device, a dangling link), larger than MAX_FILE_BYTES, unreadable, or not UTF-8 (with the line and column of the
    first bad byte). A byte-order mark is dropped."""
    try:
        info = path.stat()
    except OSError as err:
        out.add(rel, 0, "not-a-file", value=rel, found=err.strerror or type(err).__name__)
        return None
    if not stat.S_ISREG(info.st_mode):
        found = Token("folder") if stat.S_ISDIR(info.st_mode) else phrase("not-regular-file")
        out.add(rel, 0, "not-a-file", value=rel, found=found)
        return None
    if info.st_size > MAX_FILE_BYTES:
        out.add(rel, 0, "file-too-large", maximum=MAX_FILE_BYTES // 1024, size=-(-info.st_size // 1024))
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        out.add(rel, 0, "not-a-file", value=rel, found=err.strerror or type(err).__name__)
        return None
    if len(data) > MAX_FILE_BYTES:  # grew after stat, or a file whose size stat does not tell
        out.add(rel, 0, "file-too-large", maximum=MAX_FILE_BYTES // 1024, size=-(-len(data) // 1024))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = position_of_byte(data, err.start)
        out.add(rel, line, "not-utf8", byte=f"0x{data[err.start]:02x}", column=column)
        return None


def position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column in characters) of byte `offset` in UTF-8 `data` (a BOM is not counted)."""
    start = data.rfind(b"\n", 0, offset) + 1
    before = data[start:offset]
    if start == 0 and before.startswith(b"\xef\xbb\xbf"):
        before = before[3:]
    return data.count(b"\n", 0, offset) + 1, len(before.decode("utf-8", errors="replace")) + 1


_YAML_RULES = {"alias": "yaml-alias", "too-deep": "yaml-too-deep", "too-many-items": "yaml-too-many-items"}


def read_yaml_file(path: Path, rel: str, out: Collector, first_line: int = 1, text: str | None = None, remember=None):
    """Parse a YAML file (or `text`), reporting syntax errors, duplicate keys and broken limits; returns the value, or
    `_SYNTAX_ERROR` when the file cannot be read or parsed (its problem is reported already)."""
    if text is None:
        text = read_text_file(path, rel, out)
        if text is None:
            return _SYNTAX_ERROR
    value, issues = load_yaml(text, first_line, remember)
    _report_yaml_issues(rel, issues, out)
    if any(i.kind != "duplicate-key" for i in issues):
        return _SYNTAX_ERROR
    return value


def _report_yaml_issues(rel: str, issues, out: Collector) -> None:
    for issue in issues:
        if issue.kind == "syntax":
            out.add(rel, issue.line, "yaml-syntax", column=issue.column, detail=issue.detail)
        elif issue.kind == "control-character":
            out.add(rel, issue.line, "yaml-syntax", column=issue.column,
                    detail=phrase("control-character", code=issue.detail))
        elif issue.kind == "duplicate-key":
            out.add(rel, issue.line, "yaml-duplicate-key", key=issue.detail)
        else:
            out.add(rel, issue.line, _YAML_RULES[issue.kind], detail=issue.detail, maximum=MAX_ITEMS)


_SYNTAX_ERROR = object()


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _listdir(folder: Path):
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.startswith((".", "_")))


# --- modules and sessions ----------------------------------------------------------------------------------------

def _load_modules(root: Path, project: Project, out: Collector, remember=None, fill=None) -> None:
    for folder in _listdir(root / "modules"):
        if not folder.is_dir():
            continue
        meta_path = folder / "module.yml"
        rel = _rel(root, meta_path)
        if not meta_path.exists() and not meta_path.is_symlink():
            out.add(_rel(root, folder), 0, "module-file-missing")
            continue
        value = read_yaml_file(meta_path, rel, out, remember=remember)
        if fill is not None and value is not _SYNTAX_ERROR:
            value = fill.value(value, rel)
        module = None if value is _SYNTAX_ERROR else _build_module(value, rel, folder.name, out)
        if module is None:
            project.unloadable.add(("module", folder.name))
            continue
        if module.id in project.modules:
            out.add(rel, module.line_of("id"), "duplicate-id", kind=Token("module"), value=quote(module.id),
                    other=project.modules[module.id].path)
            continue
        module.worksheets = _load_worksheets(root, folder, module, out, remember, fill)
        module.sessions = [s for s in (_load_session(root, folder, sid, module, out, remember, fill)
                                       for sid in module.session_ids) if s]
        listed = set(module.session_ids)
        for md in sorted(folder.glob("*.md")):
            if md.stem not in listed:
                out.warn(_rel(root, md), 1, "session-not-listed", value=quote(md.stem))
        module.assets = module_assets(folder)
        project.citations += _module_citations(module, project.laws)
        project.modules[module.id] = module


def module_assets(folder: Path) -> tuple:
    """Files a module's pages may show or link: everything in its folder (and its subfolders) except module.yml and
    Markdown, and except names starting with '.' or '_'. Paths relative to the folder, '/'-separated, sorted."""
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if not path.is_file() or any(part.startswith((".", "_")) for part in rel.parts):
            continue
        if rel.as_posix() == "module.yml" or path.suffix.lower() == ".md":
            continue
        found.append(rel.as_posix())
    return tuple(found)


def _build_module(value, rel: str, folder_name: str, out: Collector) -> Module | None:
    ctx = Ctx(rel, out)
    data = check_document(value, MODULE, ctx, phrase("expect-module"))
    if data is None:
        return None
    module_id = folder_name  # the folder names the module (and its URL), even when the id inside is wrong
    if "id" in data and data["id"] != folder_name:
        out.add(rel, data.line_of("id"), "id-mismatch", where=Token("folder"), expected=quote(folder_name),
                value=quote(data["id"]))
    objectives = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data.get("objectives", [])):
        line = data["objectives"].line_of(index)
        if "id" not in raw:
            continue
        if raw["id"] in seen:
            out.add(rel, line, "duplicate-id", kind=Token("objective"), value=quote(raw["id"]), other=f"{rel}:{seen[raw['id']]}")
            continue
        seen[raw["id"]] = line
        objectives.append(Objective(raw["id"], raw.get("text", ""), line))
    sessions = data.get("sessions", [])
    for index, sid in enumerate(sessions):
        if sid in sessions[:index]:
            out.add(rel, sessions.line_of(index), "duplicate-id", kind=Token("session"), value=quote(sid),
                    other=f"{rel}:{sessions.line_of(sessions.index(sid))}")
    session_lines = {f"sessions.{sid}": sessions.line_of(i) for i, sid in enumerate(sessions)}
    # Lines of the texts that may hold help-line placeholders (checked in validate.check_contact_placeholders).
    for key, items in (("key_points", data.get("key_points")),
                       ("handout.key_points", (data.get("handout") or {}).get("key_points")),
                       ("handout.what_to_do", (data.get("handout") or {}).get("what_to_do"))):
        if isinstance(items, list) and hasattr(items, "line_of"):
            session_lines |= {f"{key}[{i}]": items.line_of(i) for i in range(len(items))}
    audience = _audience(data)
    quizzes = data.get("quizzes", {})
    handout = data.get("handout", {})
    key_points = tuple(data.get("key_points", ()))
    return Module(
        id=module_id, path=rel, title=data.get("title", module_id), summary=data.get("summary", ""),
        audience=tuple(dict.fromkeys(a.group for a in audience)), audience_groups=audience, level=data.get("level", "dasar"),
        part=data.get("part", ""), group=data.get("group", ""), status=data.get("status", "draft"),
        objectives=tuple(objectives), key_points=key_points, prerequisites=tuple(data.get("prerequisites", ())),
        session_ids=tuple(dict.fromkeys(sessions)), self_check=quizzes.get("self_check"),
        pre_post=quizzes.get("pre_post"),
        handout=Handout(pages=handout.get("pages", 2), what_to_do=tuple(handout.get("what_to_do", ())),
                        key_points=tuple(handout.get("key_points", ())) or key_points),
        sources=_sources(data, rel, out),
        content_note=data.get("content_note", ""), reviewed=data.get("reviewed"), next_review=data.get("next_review"),
        licence=data.get("licence", ""), lines=dict(data.key_lines) | session_lines | {"quizzes.self_check": _sub_line(data, "quizzes", "self_check"),
                                                                     "quizzes.pre_post": _sub_line(data, "quizzes", "pre_post")})


def _sources(data: PosDict, rel: str, out: Collector) -> tuple:
    """The module's sources; a `{law: id}` source may not also name a title, publisher, year or url (they come from
    laws.yml, so two values could disagree)."""
    items = data.get("sources", [])
    sources = []
    for index, raw in enumerate(items):
        line = items.line_of(index)
        if raw.get("law"):
            extra = [key for key in ("title", "publisher", "year", "url") if key in raw]
            if extra:
                out.add(rel, raw.line_of(extra[0]), "source-law-extra", value=quote(raw["law"]), found=extra)
        elif "articles" in raw:
            out.add(rel, raw.line_of("articles"), "source-articles-without-law")
        sources.append(Source(raw.get("title", ""), raw.get("publisher", ""), raw.get("year"), raw.get("url", ""),
                              raw.get("licence", ""), raw.get("law", ""), raw.get("articles", ""), line,
                              raw.get("use", "cited" if raw.get("law") else "adapted")))
    return tuple(sources)


def _audience(data: PosDict) -> tuple:
    """The module's audience entries: a role id, or a group with an age range and a note (see shapes.AUDIENCE)."""
    items = data.get("audience", [])
    found = []
    for index, raw in enumerate(items):
        line = items.line_of(index)
        if isinstance(raw, dict):
            if "group" in raw:
                found.append(AudienceGroup(raw["group"], raw.get("min_age"), raw.get("max_age"), raw.get("note", ""),
                                           line))
        else:
            found.append(AudienceGroup(raw, line=line))
    return tuple(found)


def _materials(items, default_line: int) -> tuple:
    """Materials as `Material`s: text is an item with no quantity; a mapping gives its quantity, unit and `per`."""
    found = []
    for index, raw in enumerate(items or ()):
        line = items.line_of(index) if hasattr(items, "line_of") else default_line
        if isinstance(raw, dict):
            if "item" in raw:
                found.append(Material(" ".join(str(raw["item"]).split()), raw.get("quantity"), raw.get("unit", ""),
                                      raw.get("per", "kelas"), line))
        elif str(raw).strip():
            found.append(Material(" ".join(str(raw).split()), line=line))
    return tuple(found)


def _steps(data: PosDict) -> tuple:
    """The session's steps with their materials, linked heading and sub-steps."""
    items = data.get("steps", [])
    steps = []
    for index, raw in enumerate(items):
        if "title" not in raw or "minutes" not in raw:
            continue
        line = items.line_of(index)
        subs = raw.get("steps", [])
        substeps = tuple(Step(sub["title"], sub["minutes"], sub.get("method", ""), line=subs.line_of(i))
                         for i, sub in enumerate(subs) if "title" in sub and "minutes" in sub)
        steps.append(Step(raw["title"], raw["minutes"], raw.get("method", ""), _materials(raw.get("materials"), line),
                          line, raw.get("heading", ""), raw.line_of("heading") if "heading" in raw else line,
                          substeps))
    return tuple(steps)


WORKSHEET_DIR = "lembar"


def _load_worksheets(root: Path, folder: Path, module: Module, out: Collector, remember=None, fill=None) -> dict:
    """Every `lembar/<id>.md` of a module folder: front matter (`title`, `per`, `copies`) and a Markdown body for
    participants (trainer-only blocks are errors, as on public pages)."""
    sheets = {}
    for path in _listdir(folder / WORKSHEET_DIR):
        if path.suffix != ".md":
            continue
        rel = _rel(root, path)
        text = read_text_file(path, rel, out)
        if text is None:
            continue
        front, body, body_line = split_front_matter(text)
        if front is None:
            out.add(rel, 1, "front-matter-missing")
            continue
        if fill is not None:
            body = fill.text(body, rel, body_line)
        value = read_yaml_file(path, rel, out, first_line=2, text=front, remember=remember)
        if value is _SYNTAX_ERROR:
            continue
        data = check_document(value, WORKSHEET, Ctx(rel, out), phrase("expect-worksheet"))
        if data is None:
            continue
        tree = blocks.parse(body, rel, out, first_line=body_line, view="public")
        sheets[path.stem] = Worksheet(path.stem, module.id, rel, data.get("title", path.stem), data.get("per", "peserta"),
                                      data.get("copies", 1), body, body_line, tree)
    return sheets


def _sub_line(data: PosDict, key: str, sub: str) -> int:
    inner = data.get(key)
    return inner.line_of(sub) if isinstance(inner, PosDict) else data.line_of(key)


def _load_session(root: Path, folder: Path, session_id: str, module: Module, out: Collector,
                  remember=None, fill=None) -> Session | None:
    path = folder / f"{session_id}.md"
    rel = _rel(root, path)
    if not path.exists() and not path.is_symlink():
        out.add(module.path, module.lines.get(f"sessions.{session_id}", module.line_of("sessions")), "session-file-missing", value=quote(session_id),
                expected=quote(rel))
        return None
    text = read_text_file(path, rel, out)
    if text is None:
        return None
    front, body, body_line = split_front_matter(text)
    if front is None:
        out.add(rel, 1, "front-matter-missing")
        return None
    if fill is not None:
        body = fill.text(body, rel, body_line)
    value = read_yaml_file(path, rel, out, first_line=2, text=front, remember=remember)
    if value is _SYNTAX_ERROR:
        return None
    ctx = Ctx(rel, out)
    data = check_document(value, SESSION, ctx, phrase("expect-session"))
    if data is None:
        return None
    steps = _steps(data)
    tree = blocks.parse(body, rel, out, first_line=body_line, view="learner")
    session = Session(id=session_id, module_id=module.id, path=rel, title=data.get("title", session_id),
                      objectives=tuple(data.get("objectives", ())), steps=steps,
                      materials=_materials(data.get("materials"), data.line_of("materials") if "materials" in data else 2),
                      worksheets=tuple(dict.fromkeys(data.get("worksheets", ()))), self_care=data.get("self_care", False),
                      content_note=data.get("content_note", ""), body=body, body_line=body_line, line=2,
                      blocks=tuple(blocks.block_names(tree)), tree=tree,
                      lines=dict(data.key_lines) | {f"worksheets.{w}": data["worksheets"].line_of(i)
                                                    for i, w in enumerate(data.get("worksheets", ()))})
    if "minutes" in data and data["minutes"] != session.minutes:
        out.add(rel, data.line_of("minutes"), "minutes-mismatch", expected=session.minutes, value=data["minutes"])
    return session


# --- quiz banks and workshops ------------------------------------------------------------------------------------

def _load_quizzes(root: Path, project: Project, out: Collector, remember=None) -> None:
    _load_yaml_folder(root, "quizzes", "quiz", load_bank, project.quizzes, project, out, remember)


def _load_workshops(root: Path, project: Project, out: Collector, remember=None, fill=None) -> None:
    _load_yaml_folder(root, "workshops", "workshop", load_workshop, project.workshops, project, out, remember, fill)


def _load_yaml_folder(root: Path, folder: str, kind: str, build, registry: dict, project: Project,
                      out: Collector, remember=None, fill=None) -> None:
    """Load every `<folder>/<id>.yml` with `build(value, rel, out)`; the file name is the id (and the address)."""
    for path in _listdir(root / folder):
        if path.suffix not in (".yml", ".yaml"):
            continue
        rel = _rel(root, path)
        value = read_yaml_file(path, rel, out, remember=remember)
        if fill is not None and value is not _SYNTAX_ERROR:
            value = fill.value(value, rel)
        model = None if value is _SYNTAX_ERROR else build(value, rel, out)
        if model is None or not model.id:
            project.unloadable.add((kind, path.stem))
            continue
        if model.id != path.stem:
            out.add(rel, model.line, "id-mismatch", where=Token("file"), expected=quote(path.stem), value=quote(model.id))
            model.id = path.stem
        if model.id in registry:
            out.add(rel, model.line, "duplicate-id", kind=Token(kind), value=quote(model.id), other=registry[model.id].path)
            continue
        registry[model.id] = model


# --- hand-written pages --------------------------------------------------------------------------------------------

def _load_pages(root: Path, docs_dir: str, out: Collector, citations: list | None = None, fill=None,
                settings=None) -> dict:
    """Parse the blocks of every Markdown page in docs/ (all public); returns rel path -> parsed tree. The `law:` links
    of each page are added to `citations`; region placeholders are filled by `fill` (regions.Filler) and help-line
    placeholders checked against `settings`."""
    pages = {}
    base = root / docs_dir
    if not base.is_dir():
        return pages
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.endswith(".md"):
                continue
            path = Path(dirpath) / name
            rel = _rel(root, path)
            text = read_text_file(path, rel, out)
            if text is None:
                continue
            _, body, body_line = split_front_matter(text)
            if fill is not None:
                body = fill.text(body, rel, body_line)
            page = path.relative_to(base).as_posix()
            pages[page] = blocks.parse(body, rel, out, first_line=body_line, view="public")
            if settings is not None and "{{" in body:
                placeholders.check(body, rel, body_line, settings, out)
            if citations is not None and lawreg.SCHEME in body:
                title = lawreg.first_heading(body) or page
                citations += [Citation(law_id, rel, line, page, title)
                              for law_id, line, _ in lawreg.find_citations(body, body_line)]
    return pages
