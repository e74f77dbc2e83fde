"""The law registry (laws.yml): its checks, citations by id in module sources and in Markdown, the warnings for amended,
revoked and stale laws, and the built site (links to the official address, the trainers' list of laws)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from helpers import REPO, build_site, copy_site, problems_of
from lindungi.engine.checking import check_project
from lindungi.i18n.locales import strings
from lindungi.printing.pack import session_html

LAWS = "laws.yml"
SESSION = "modules/contoh-modul/sesi-satu.md"
MODULE = "modules/contoh-modul/module.yml"
PAGE = "docs/index.md"
TITLE = "Undang-Undang Uji Nomor 1 Tahun 2020 tentang Hal yang Berlaku"
URL = "https://peraturan.example/uu-1-2020"


@pytest.fixture
def site(tmp_path):
    """A fresh copy of the laws test site: a registry of three invented laws, cited by a module source, a session and
    a public page (and once inside a code span, which is not a citation)."""
    return copy_site("laws", tmp_path / "src")


def _edit(root, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_site_citing_laws_is_clean(site):
    """Citations of a checked law in force raise nothing; a `law:` link in a code span is not a citation."""
    assert problems_of(site) == []


def test_unknown_law_in_markdown_names_file_line_and_nearest_id(site):
    """A misspelt id in a session link is an error at its line, with the closest id as the fix."""
    _edit(site, SESSION, "(law:uu-uji-berlaku)", "(law:uu-uji-berlak)")
    assert problems_of(site) == [
        "modules/contoh-modul/sesi-satu.md:10: peraturan 'uu-uji-berlak' tidak ditemukan; seharusnya salah satu dari "
        "'pp-uji-tak-dikutip', 'uu-uji-berlaku', 'uu-uji-lama', ditemukan 'uu-uji-berlak'. Perbaikan: ganti dengan "
        "'uu-uji-berlaku'. [unknown-ref]"]


def test_unknown_law_in_sources_without_close_match(site):
    """An id far from every registered id in a module source: the fix says to add the law to laws.yml."""
    _edit(site, MODULE, "{law: uu-uji-berlaku, articles: Pasal 7}", "{law: perda-9-1999}")
    assert problems_of(site) == [
        "modules/contoh-modul/module.yml:22: peraturan 'perda-9-1999' tidak ditemukan; seharusnya salah satu dari "
        "'pp-uji-tak-dikutip', 'uu-uji-berlaku', 'uu-uji-lama', ditemukan 'perda-9-1999'. Perbaikan: tambahkan "
        "peraturan itu ke laws.yml (lihat panduan penulis) atau perbaiki id-nya. [unknown-ref]"]


def test_citing_an_amended_or_revoked_law_warns_at_the_citation(site):
    """An amended law cited on a page and a revoked law cited in a source: a warning at each citation."""
    _edit(site, PAGE, "(law:uu-uji-berlaku)", "(law:uu-uji-lama)")
    _edit(site, LAWS, "    status: in_force\n    url: https://peraturan.example/pp-3-2021",
          "    status: revoked\n    revoked_by: [uu-uji-berlaku]\n    url: https://peraturan.example/pp-3-2021")
    _edit(site, MODULE, "{law: uu-uji-berlaku, articles: Pasal 7}", "{law: pp-uji-tak-dikutip}")
    assert problems_of(site) == [
        "docs/index.md:3: peraturan 'uu-uji-lama' yang dikutip di sini sudah diubah dengan 'uu-uji-berlaku'. "
        "Perbaikan: periksa bunyi pasal yang dikutip pada peraturan pengubahnya, lalu kutip peraturan pengubah itu "
        "(juga) atau sesuaikan teksnya. [law-amended]",
        "modules/contoh-modul/module.yml:22: peraturan 'pp-uji-tak-dikutip' yang dikutip di sini sudah dicabut oleh "
        "'uu-uji-berlaku'. Perbaikan: kutip peraturan yang menggantikannya dan sesuaikan teksnya, atau hapus rujukan "
        "ini. [law-revoked]"]


def test_stale_or_missing_check_date_warns(site):
    """'today' is review_today (2026-11-28): a law checked on 2025-11-27 is stale at each of its three citations;
    one never checked is a warning too; the same date a year back is not stale."""
    _edit(site, LAWS, "    checked: 2026-11-01\n\n  - id: uu-uji-lama", "    checked: 2025-11-27\n\n  - id: uu-uji-lama")
    stale = ("peraturan 'uu-uji-berlaku' terakhir diperiksa lebih dari 12 bulan lalu; seharusnya tanggal 'checked' "
             "paling awal 2025-11-28, ditemukan 2025-11-27. Perbaikan: periksa lagi status dan alamatnya di "
             "peraturan.bpk.go.id, lalu perbarui 'checked' di laws.yml. [law-check-stale]")
    assert problems_of(site) == [f"docs/index.md:3: {stale}", f"modules/contoh-modul/module.yml:22: {stale}",
                                 f"modules/contoh-modul/sesi-satu.md:10: {stale}"]
    _edit(site, LAWS, "    checked: 2025-11-27\n", "    checked: 2025-11-28\n")
    assert problems_of(site) == []
    _edit(site, LAWS, "    checked: 2025-11-28\n", "")
    assert problems_of(site)[0] == (
        "docs/index.md:3: peraturan 'uu-uji-berlaku' dikutip tetapi belum pernah diperiksa (tidak ada 'checked' di "
        "laws.yml). Perbaikan: periksa judul, status dan alamatnya pada teks resmi, lalu isi 'checked' dengan tanggal "
        "pemeriksaan. [law-not-checked]")


def test_warnings_in_english(site):
    """The same warning in English when the site's language is en."""
    _edit(site, PAGE, "(law:uu-uji-berlaku)", "(law:uu-uji-lama)")
    project = check_project(site)
    assert [p.format("en") for p in project.problems] == [
        "docs/index.md:3: law 'uu-uji-lama' cited here has been amended by 'uu-uji-berlaku'. Fix: check the cited "
        "article against the amending law, then cite that law (too) or adjust the text. [law-amended]"]


def test_bad_registry_reports_every_problem_at_once(site):
    """A wrong type, an unknown key, a bad date, a bad address, a duplicate id, an unknown amended_by and a status
    without its reference: all reported together, each at its line; citations of the good entries still resolve."""
    text = (site / LAWS).read_text(encoding="utf-8")
    text = text.replace('number: "2"\n    year: 2000', 'number: "2"\n    year: dua ribu\n    colour: merah')
    text = text.replace("amended_by: [uu-uji-berlaku]", "amended_by: [uu-uji-berlak]")
    text = text.replace("url: https://peraturan.example/pp-3-2021\n    checked: 2026-11-01",
                        "url: javascript:alert(1)\n    checked: 2026-13-01")
    text += ("\n  - id: uu-uji-berlaku\n    title: Salinan\n    kind: uu\n    number: \"1\"\n    year: 2020\n"
             "    status: revoked\n    url: https://peraturan.example/salinan\n")
    (site / LAWS).write_text(text, encoding="utf-8")
    assert problems_of(site) == [
        "laws.yml:16: nilai 'laws[2].year' berjenis salah; seharusnya bilangan bulat, ditemukan teks. Perbaikan: tulis "
        "'laws[2].year' sebagai bilangan bulat. [wrong-type]",
        "laws.yml:17: kunci 'colour' tidak dikenal; seharusnya salah satu dari 'id', 'title', 'kind', 'number', "
        "'year', 'status', 'amended_by', 'revoked_by', 'url', 'checked', 'note', ditemukan 'colour'. Perbaikan: hapus "
        "kunci ini atau periksa ejaannya. [unknown-key]",
        "laws.yml:19: peraturan 'uu-uji-berlak' tidak ditemukan; seharusnya salah satu dari 'pp-uji-tak-dikutip', "
        "'uu-uji-berlaku', 'uu-uji-lama', ditemukan 'uu-uji-berlak'. Perbaikan: ganti dengan 'uu-uji-berlaku'. "
        "[unknown-ref]",
        "laws.yml:29: alamat sumber resmi 'javascript:alert(1)' tidak sah; seharusnya alamat yang diawali https:// "
        "(atau http://), ditemukan 'javascript:alert(1)'. Perbaikan: salin alamat halaman peraturan dari "
        "peraturan.bpk.go.id atau JDIH resmi. [law-bad-url]",
        "laws.yml:30: tanggal 'laws[3].checked' tidak sah; seharusnya tanggal TTTT-BB-HH, misalnya 2026-12-01, "
        "ditemukan '2026-13-01'. Perbaikan: tulis tanggal dengan format TTTT-BB-HH. [bad-date]",
        "laws.yml:32: peraturan dengan id 'uu-uji-berlaku' sudah ada di laws.yml:3. Perbaikan: beri id yang berbeda. "
        "[duplicate-id]",
    ]


def test_status_without_its_reference(site):
    """Status 'amended' without amended_by is an error at the status line."""
    _edit(site, LAWS, "    status: amended\n    amended_by: [uu-uji-berlaku]\n", "    status: amended\n")
    assert problems_of(site) == [
        "laws.yml:17: peraturan 'uu-uji-lama' berstatus 'amended' tetapi tidak menyebut 'amended_by'. Perbaikan: "
        "tambahkan 'amended_by: [id peraturan]' (peraturan itu juga dicatat di laws.yml), atau perbaiki 'status'. "
        "[law-status-needs-ref]"]


def test_unreadable_registry_is_reported_once(site):
    """A YAML syntax error in laws.yml is the only problem: citations are not also called unknown."""
    _edit(site, LAWS, "laws:\n", "laws: [\n")
    problems = problems_of(site)
    assert len(problems) == 1 and problems[0].startswith("laws.yml:") and problems[0].endswith("[yaml-syntax]")


def test_law_source_takes_title_from_registry_and_allows_no_title(site):
    """A `{law: id}` source gets title, year and url from the registry; writing a title too is an error; a source
    with neither title nor law names both keys."""
    project = check_project(site)
    source = project.modules["contoh-modul"].sources[1]
    assert (source.title, source.year, source.url) == (f"{TITLE}, Pasal 7", 2020, URL)
    _edit(site, MODULE, "{law: uu-uji-berlaku, articles: Pasal 7}", "{law: uu-uji-berlaku, title: UU Uji}")
    _edit(site, MODULE, "{title: Sumber uji, publisher: Penerbit, use: cited, year: 2024}",
          "{publisher: Penerbit, use: cited, year: 2024}")
    assert problems_of(site) == [
        "modules/contoh-modul/module.yml:21: kunci wajib 'title' tidak ada. Perbaikan: tambahkan 'title:' (title: "
        "judul sumber (bukan peraturan) / law: id peraturan di laws.yml; judul, tahun dan alamatnya diambil dari "
        "sana). [missing-key]",
        "modules/contoh-modul/module.yml:22: sumber 'uu-uji-berlaku' memakai 'law' sekaligus menulis 'title'. "
        "Perbaikan: hapus 'title': judul, tahun dan alamat diambil dari laws.yml; pasal ditulis di 'articles'. "
        "[source-law-extra]"]


def test_repository_registry_is_valid_and_matches_its_schema():
    """The project's own laws.yml passes its checks, holds the agreed ids, and validates against its JSON Schema."""
    import jsonschema
    import yaml

    from lindungi.content.laws import load_laws
    from lindungi.validation.problems import Collector
    from lindungi.validation.schemas import all_schemas
    from lindungi.validation.yamlpos import load_yaml

    text = (REPO / LAWS).read_text(encoding="utf-8")
    out = Collector()
    value, issues = load_yaml(text)
    laws = load_laws(value, LAWS, out)
    assert issues == [] and out.problems == []
    assert set(laws) >= {"uu-23-2004", "uu-23-2002", "uu-35-2014", "uu-17-2016", "uu-12-2022", "uu-21-2007",
                         "uu-1-2023", "uu-1-1974", "uu-16-2019", "uu-27-2022", "uu-31-2014", "permen-pppa-4-2018",
                         "permen-pppa-2-2022", "perpres-55-2024", "perma-5-2019"}
    assert laws["uu-23-2002"].amended_by == ("uu-35-2014", "uu-17-2016")
    assert laws["uu-1-1974"].amended_by == ("uu-16-2019",)
    jsonschema.validate(json.loads(json.dumps(yaml.safe_load(text), default=str)), all_schemas()["laws"])


def test_pack_guide_resolves_law_links(site):
    """The trainer's pack renders session text with its own Markdown converter: `law:` links resolve there too."""
    project = check_project(site)
    html = session_html(project.modules["contoh-modul"].sessions[0], project, strings("id"))
    assert f'<a href="{URL}" rel="noopener" title="{TITLE}">UU Uji Pasal 7</a>' in html
    assert "<code>[teks](law:bukan-tautan)</code>" in html


# --- built site ------------------------------------------------------------------------------------------------------

class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def _links(path) -> list[dict]:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The laws site, built once with --strict."""
    root = copy_site("laws", tmp_path_factory.mktemp("laws") / "src")
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.slow
@pytest.mark.parametrize("page", ["index.html", "modul/contoh-modul/sesi-satu.html", "pelatih/contoh-modul/sesi-satu.html"])
def test_law_link_points_at_official_address(built, page):
    """In a public page and in both views of a session the link goes to the law's address, with its full title,
    rel=noopener and no new tab; no `law:` address is left in any link."""
    links = _links(built / page)
    law = [a for a in links if a.get("href") == URL]
    assert law == [{"href": URL, "rel": "noopener", "title": TITLE}]
    assert not any(a.get("href", "").startswith("law:") for a in links)


@pytest.mark.slow
def test_module_page_lists_law_source_from_registry(built):
    """The module's sources show the registry's title, the cited article and the official address."""
    text = (built / "modul/contoh-modul/index.html").read_text(encoding="utf-8")
    assert f"{TITLE}, Pasal 7, 2020. <a href=\"{URL}\">{URL}</a>" in text


@pytest.mark.slow
def test_trainers_law_page_lists_each_law_and_the_pages_citing_it(built):
    """pelatih/hukum.html: every law with status, check date and address; the module, session and public page citing
    the law in force; 'not cited' for the others; the page is in the trainers' nav and out of the search index."""
    text = (built / "pelatih/hukum.html").read_text(encoding="utf-8")
    sections = re.split(r"<h2 ", text)
    cited = next(s for s in sections if TITLE in s and "uu-uji-berlaku" in s)
    hrefs = [a["href"] for a in _links_from(cited)]
    assert hrefs == [URL, "../modul/contoh-modul/index.html", "../modul/contoh-modul/sesi-satu.html", "../index.html"]
    assert "Berlaku" in cited and "1 November 2026" in cited
    amended = next(s for s in sections if "uu-uji-lama" in s)
    assert f"Sudah diubah dengan: {TITLE}" in amended and "Belum dikutip halaman mana pun." in amended
    assert 'href="pelatih/hukum.html"' in (built / "index.html").read_text(encoding="utf-8")
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith("pelatih/hukum") for doc in index["docs"])


def _links_from(fragment: str) -> list[dict]:
    parser = _Links()
    parser.feed(fragment)
    return parser.links


@pytest.mark.slow
def test_amended_citation_fails_strict_build_only(tmp_path):
    """Citing an amended law is a warning: the strict build fails with the line, a normal build succeeds."""
    root = copy_site("laws", tmp_path / "src")
    _edit(root, PAGE, "(law:uu-uji-berlaku)", "(law:uu-uji-lama)")
    strict = build_site(root, root / "site")
    assert strict.returncode == 1
    assert ("WARNING -  docs/index.md:3: peraturan 'uu-uji-lama' yang dikutip di sini sudah diubah dengan "
            "'uu-uji-berlaku'.") in strict.stdout + strict.stderr
    assert build_site(root, root / "site", strict=False).returncode == 0


@pytest.mark.slow
def test_unknown_law_fails_build_with_its_line(tmp_path):
    """An unknown id stops the build with the file:line message and no traceback."""
    root = copy_site("laws", tmp_path / "src")
    _edit(root, PAGE, "(law:uu-uji-berlaku)", "(law:uu-tidak-ada)")
    result = build_site(root, root / "site")
    log = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in log
    assert "ERROR   -  docs/index.md:3: peraturan 'uu-tidak-ada' tidak ditemukan;" in log



def test_find_citations_skips_code_and_reads_reference_links():
    """Inline links and reference definitions count, with their lines; fenced code and code spans do not."""
    from lindungi.content.laws import find_citations

    text = ("Lihat [UU A](law:uu-a) dan [UU B](law:uu-b \"judul\").\n"
            "`[x](law:kode)` bukan kutipan.\n"
            "```\n[y](law:pagar)\n```\n"
            "Lihat [UU C][c].\n\n"
            "[c]: law:uu-c\n")
    assert find_citations(text, first_line=5) == [("uu-a", 5, "UU A"), ("uu-b", 5, "UU B"), ("uu-c", 12, "c")]


def test_module_schema_accepts_law_sources_and_needs_title_or_law():
    """Editors' JSON Schema: the project's modules (with `{law: id}` sources) validate; a source with neither title
    nor law does not."""
    import jsonschema
    import yaml

    from lindungi.validation.schemas import all_schemas

    schema = all_schemas()["module"]
    for path in sorted((REPO / "modules").glob("*/module.yml")):
        jsonschema.validate(json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str)),
                            schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"publisher": "Penerbit"}, schema["properties"]["sources"]["items"])
