"""Typed content: what the loader builds from YAML and Markdown. Plain data, no MkDocs.

Every model keeps `path` (relative to the project) and `line`, so later rules and renderers can point back at the source.
The YAML each model comes from is shown in its docstring; `shapes.py` holds the exact key lists.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

STAFF_AUDIENCES = ("konselor", "manajer_kasus", "pendamping_hukum", "psikolog", "fasilitator_desa", "polisi",
                   "tenaga_kesehatan", "pekerja_sosial", "guru")
COMMUNITY_AUDIENCES = ("remaja", "orang_tua", "tokoh_masyarakat")  # community groups: may carry an age range
AUDIENCES = STAFF_AUDIENCES + ("publik",) + COMMUNITY_AUDIENCES
UNITS = ("lembar", "buah", "set", "pak", "rim", "gulung", "kotak", "salinan")  # the one list of material units
MATERIAL_PER = ("peserta", "kelompok", "kelas")  # a quantity is for each participant, each group, or the whole room
SOURCE_USES = ("adapted", "cited")  # adapted: the module's text is built on it (its licence binds); cited: facts only
LEVELS = ("dasar", "lanjutan")
STATUSES = ("draft", "pilot", "stable")


@dataclass(frozen=True)
class Objective:
    """`- {id: kenali-bentuk, text: Menyebutkan empat bentuk KDRT menurut UU 23/2004}`"""

    id: str
    text: str
    line: int = 0


@dataclass(frozen=True)
class Source:
    """`- {title: ..., publisher: ..., year: 2022, url: ..., licence: ...}` or `- {law: uu-12-2022, articles: Pasal 41}`.

    A law source takes its title, year and url from the law registry (`laws.yml`) once the project is loaded."""

    title: str
    publisher: str = ""
    year: int | None = None
    url: str = ""
    licence: str = ""
    law: str = ""       # id in laws.yml
    articles: str = ""  # free text, e.g. "Pasal 41"
    line: int = field(default=0, compare=False)
    use: str = "adapted"  # adapted | cited (see SOURCE_USES); laws are cited


LAW_STATUSES = ("in_force", "amended", "revoked")
LAW_KINDS = ("uu", "perppu", "pp", "perpres", "permen", "perma", "perda", "perkada")


@dataclass(frozen=True)
class Law:
    """One entry of `laws.yml`:

    ```yaml
    - id: uu-12-2022
      title: Undang-Undang Nomor 12 Tahun 2022 tentang Tindak Pidana Kekerasan Seksual
      kind: uu
      number: "12"
      year: 2022
      status: in_force          # in_force | amended | revoked
      url: https://peraturan.bpk.go.id/...
      checked: 2026-11-30
    ```
    """

    id: str
    title: str
    kind: str = "uu"
    number: str = ""
    year: int | None = None
    status: str = "in_force"
    amended_by: tuple = ()
    revoked_by: tuple = ()
    url: str = ""
    checked: _dt.date | None = None
    note: str = ""
    path: str = "laws.yml"
    line: int = 0


@dataclass(frozen=True)
class Citation:
    """A place that cites a law: a module's `sources` entry, or a `[text](law:<id>)` link in a session or public page.

    `page` is the docs-relative page where the citation is shown; `page_title` its title (for the trainers' page)."""

    law: str
    path: str
    line: int
    page: str
    page_title: str


@dataclass(frozen=True)
class Material:
    """A material: `kertas plano` (old form: no quantity) or `{item: kertas plano, quantity: 2, unit: lembar,
    per: kelompok}`. `per` is peserta (each participant), kelompok (each group) or kelas (the whole room)."""

    item: str
    quantity: int | None = None
    unit: str = ""
    per: str = "kelas"
    line: int = 0

    @property
    def key(self) -> str:
        """The name materials are merged by: lower case, single spaces."""
        return " ".join(self.item.lower().split())

    def __str__(self) -> str:
        return self.item


@dataclass(frozen=True)
class Step:
    """`- {title: Curah pendapat, minutes: 15, method: diskusi kelompok, materials: [kertas plano]}`, optionally with
    `heading:` (a `##` heading of the session body this step teaches) and `steps:` (sub-steps with their minutes)."""

    title: str
    minutes: int
    method: str = ""
    materials: tuple = ()   # Material
    line: int = 0
    heading: str = ""
    heading_line: int = 0
    substeps: tuple = ()    # Step (no deeper nesting)


@dataclass(frozen=True)
class AudienceGroup:
    """One entry of `audience`: a role id, or `{group: remaja, min_age: 13, max_age: 17, note: ...}`."""

    group: str
    min_age: int | None = None
    max_age: int | None = None
    note: str = ""
    line: int = 0


@dataclass
class Worksheet:
    """`modules/<module>/lembar/<id>.md`: a sheet for participants (front matter `title`, `per`, `copies`), printed as
    its own page in the trainer's pack and shown on the site next to the sessions that list it in `worksheets`."""

    id: str
    module_id: str
    path: str
    title: str
    per: str = "peserta"      # peserta | kelompok: one set of copies for each participant or each group
    copies: int = 1
    body: str = ""
    body_line: int = 1
    tree: list = field(default_factory=list)

@dataclass
class Session:
    """One Markdown file `modules/<module>/<session>.md` with front matter:

    ```yaml
    ---
    title: Mengenali bentuk kekerasan
    objectives: [kenali-bentuk]
    steps:
      - {title: Pembukaan, minutes: 10, method: ceramah}
    materials: [kertas plano, spidol]
    self_care: false
    ---
    ```
    """

    id: str
    module_id: str
    path: str
    title: str
    objectives: tuple = ()
    steps: tuple = ()
    materials: tuple = ()
    self_care: bool = False
    content_note: str = ""
    body: str = ""
    body_line: int = 1
    line: int = 1
    blocks: tuple = ()  # names of the blocks used, in order
    worksheets: tuple = ()  # ids of the module's worksheets (modules/<module>/lembar/<id>.md) this session uses
    tree: list = field(default_factory=list)   # parsed body (blocks.parse)
    lines: dict = field(default_factory=dict)  # front-matter key -> line

    @property
    def minutes(self) -> int:
        """The session's length: always the sum of its steps."""
        return sum(step.minutes for step in self.steps)


@dataclass
class Handout:
    """`handout: {pages: 2, what_to_do: [...], key_points: [...]}` (key points default to the module's)."""

    pages: int = 2
    what_to_do: tuple = ()
    key_points: tuple = ()


@dataclass
class Module:
    """`modules/<id>/module.yml`; see `shapes.MODULE` for every key."""

    id: str
    path: str
    title: str
    summary: str = ""
    audience: tuple = ()   # role and group ids
    audience_groups: tuple = ()  # AudienceGroup, one per audience entry (ages and notes)
    level: str = "dasar"
    part: str = ""   # part title in the nav, above themes (large curricula); themes of one part are nested under it
    group: str = ""  # theme title in the nav; modules of one theme are nested under it
    status: str = "draft"
    objectives: tuple = ()
    key_points: tuple = ()
    prerequisites: tuple = ()
    session_ids: tuple = ()
    sessions: list = field(default_factory=list)
    worksheets: dict = field(default_factory=dict)  # id -> Worksheet (modules/<id>/lembar/*.md)
    self_check: str | None = None
    pre_post: str | None = None
    handout: Handout = field(default_factory=Handout)
    sources: tuple = ()
    content_note: str = ""
    reviewed: _dt.date | None = None
    next_review: _dt.date | None = None
    licence: str = ""
    lines: dict = field(default_factory=dict)  # key -> line in module.yml
    assets: tuple = ()  # files beside the sessions (images, PDFs...), paths relative to the module folder

    @property
    def minutes(self) -> int:
        return sum(session.minutes for session in self.sessions)

    @property
    def is_public(self) -> bool:
        return "publik" in self.audience

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


@dataclass(frozen=True)
class Contact:
    """A help line or local service: `{name: SAPA 129, phone: "129", whatsapp: "08111129129", note: ...}`"""

    name: str
    phone: str = ""
    whatsapp: str = ""
    id: str = ""  # names the contact in `{{ telepon id }}` / `{{ whatsapp id }}` placeholders (contacts.py)
    address: str = ""
    hours: str = ""
    note: str = ""

    @property
    def tel_href(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def whatsapp_href(self) -> str:
        digits = "".join(ch for ch in self.whatsapp if ch.isdigit())
        if digits.startswith("0"):
            digits = "62" + digits[1:]
        return f"https://wa.me/{digits}"


@dataclass(frozen=True)
class Region:
    """`regions/<id>/region.yml`: every fact of one regency or city; see `shapes.REGION` for every key."""

    id: str
    path: str                 # regions/<id>/region.yml
    kind: str                 # Kabupaten or Kota
    name: str                 # the bare name, e.g. "Contoh"
    province: str
    uptd: str
    office: str = ""
    office_short: str = ""
    address: str = ""
    site_url: str = ""
    logo: str = ""            # project-relative path of the logo file, e.g. regions/contoh/logo.svg
    other_names: tuple = ()
    local_contacts: tuple = ()
    referral_note: str = ""
    referral: tuple = ()      # (role, Contact) for police, hospital, social, court, in that order
    line: int = 1

    @property
    def full_name(self) -> str:
        """"Kabupaten Contoh", "Kota Contoh"."""
        return f"{self.kind} {self.name}"

    @property
    def folder(self) -> str:
        return f"regions/{self.id}"

    @property
    def docs_dir(self) -> str:
        """Pages that replace or add to docs/ pages at the same path (optional)."""
        return f"{self.folder}/docs"


@dataclass
class Settings:
    """`extra.lindungi` in mkdocs.yml; see `shapes.SETTINGS`."""

    organisation: str = ""
    region: str = ""
    language: str = "id"
    licence: str = "CC BY-SA 4.0"
    exit_url: str = "https://www.bmkg.go.id/"
    quiz_storage: str = "opt_in"
    help_lines: tuple = ()
    local_contacts: tuple = ()
    site_url: str = ""
    paper: str = "A4"
    require_qr: bool = False  # a handout without a QR code (no site_url) is a warning, not a note
    review_today: _dt.date | None = None  # fixed "today" for tests; None means the real date
    readable: bool = True  # False: mkdocs.yml could not be read (its problem is reported); rules on settings wait
    edition: str = "public"      # public: the public and learner site; trainer: the trainer kit (everything)
    trainer_views: str = "kit"   # kit: trainer session views only in the trainer kit; public: on the public site too
    region_id: str = ""          # the folder under regions/ this site is built for ("" when mkdocs.yml holds the facts)
    area: Region | None = None   # that region's facts
    logo_uri: str = ""           # the region's logo as a data: URI, for the printed documents
    jp_minutes: int = 45         # minutes of one JP (jam pelajaran) on certificates; 45 in government training

    @property
    def trainer_kit(self) -> bool:
        """True when this build is the trainer kit: packs, test sheets, answer keys and exports are in it."""
        return self.edition == "trainer"

    @property
    def shows_trainer_views(self) -> bool:
        """True when this build holds the trainer view of every session."""
        return self.trainer_kit or self.trainer_views == "public"


@dataclass
class Project:
    """Everything loaded from one project folder, plus the problems found."""

    root: str
    settings: Settings
    modules: dict = field(default_factory=dict)     # id -> Module
    quizzes: dict = field(default_factory=dict)     # id -> quiz bank (quizbank.QuizBank)
    workshops: dict = field(default_factory=dict)   # id -> workshop (workshop.Workshop)
    pages: dict = field(default_factory=dict)       # docs-relative path -> parsed blocks of a hand-written page
    laws: dict = field(default_factory=dict)        # id -> Law (laws.yml)
    citations: list = field(default_factory=list)   # every Citation of a law, in load order
    problems: list = field(default_factory=list)
    unloadable: set = field(default_factory=set)    # (kind, id) of files that exist but could not be read

    def sessions(self):
        for module in self.modules.values():
            yield from module.sessions
