"""SCORM 1.2 packages (hooks/lindungi/quiz/scorm.py, scripts/scorm.py): every module's package and its manifest, checked
element by element, the learner view only, local assets, bad input with file:line, and zips never written half.

The manifest check is a documented subset of IMS Content Packaging 1.1.2 (imscp_rootv1p1p2.xsd) and the ADL SCORM 1.2
extension (adlcp_rootv1p2.xsd), whose XSD files are not vendored here: `manifest_errors` checks each element we write
and each rule those schemas and the SCORM 1.2 CAM set for it (order of children, required attributes, ID/IDREF
integrity, allowed values), plus the package rules (the manifest at the root, every file listed, every href present).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import scorm as scorm_script
from helpers import REPO, copy_site
from lindungi.quiz import quizbank, scorm
from lindungi.engine.checking import check_project
from lindungi.i18n.locales import strings

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
ASSETS = REPO / "docs" / "assets"


def manifest_errors(xml: bytes, names: set) -> list:
    """What is wrong with a SCORM 1.2 manifest (empty when nothing is). `names`: every file of the package."""
    errors: list = []
    root = ET.fromstring(xml)
    ids: dict = {}

    def need(cond, text):
        if not cond:
            errors.append(text)

    def ident(el):
        value = el.get("identifier", "")
        need(NCNAME.match(value), f"{el.tag}: identifier {value!r} is not an xs:ID")
        need(value not in ids, f"identifier {value!r} used twice")
        ids[value] = el
        return value

    def children(el):
        return [c.tag for c in el]

    need(root.tag == f"{CP}manifest", f"root is {root.tag}")
    ident(root)
    tags = children(root)
    need(tags[:3] == [f"{CP}metadata", f"{CP}organizations", f"{CP}resources"], f"manifest children {tags}")
    meta = root.find(f"{CP}metadata")
    need(meta is not None and children(meta) == [f"{CP}schema", f"{CP}schemaversion"], "metadata: schema, schemaversion")
    need(meta.findtext(f"{CP}schema") == "ADL SCORM", "schema is 'ADL SCORM'")
    need(meta.findtext(f"{CP}schemaversion") == "1.2", "schemaversion is 1.2")
    orgs = root.find(f"{CP}organizations")
    organisations = orgs.findall(f"{CP}organization")
    need(children(orgs) == [f"{CP}organization"] * len(organisations) and organisations, "organizations: organization+")
    resources = root.find(f"{CP}resources")
    need(children(resources) == [f"{CP}resource"] * len(resources), "resources: resource*")
    for org in organisations:
        ident(org)
        need(children(org)[0] == f"{CP}title" and len(org.findtext(f"{CP}title") or "") <= 200, "organization title")
        items = org.findall(f".//{CP}item")
        need(items, "organization has an item")
        for item in items:
            ident(item)
            need(item.get("isvisible", "true") in ("true", "false"), "isvisible is a boolean")
            order = [t for t in children(item) if t != f"{CP}item"]
            allowed = [f"{CP}title", f"{CP}metadata", f"{ADLCP}prerequisites", f"{ADLCP}maxtimeallowed",
                       f"{ADLCP}timelimitaction", f"{ADLCP}datafromlms", f"{ADLCP}masteryscore"]
            need(order and order[0] == f"{CP}title", "item starts with its title")
            need([t for t in allowed if t in order] == order, f"item children {order}")
            mastery = item.findtext(f"{ADLCP}masteryscore")
            if mastery is not None:
                need(mastery.isdigit() and 0 <= int(mastery) <= 100, f"masteryscore {mastery!r} is 0-100")
    scos = 0
    for res in resources:
        ident(res)
        need(res.get("type") == "webcontent", "resource type is webcontent")
        kind = res.get(f"{ADLCP}scormtype")
        need(kind in ("sco", "asset"), f"adlcp:scormtype {kind!r}")
        scos += kind == "sco"
        need(kind != "sco" or res.get("href") in names, f"the SCO's href {res.get('href')!r} is in the package")
        need(set(children(res)) <= {f"{CP}metadata", f"{CP}file", f"{CP}dependency"}, "resource children")
        listed = [f.get("href") for f in res.findall(f"{CP}file")]
        need(len(listed) == len(set(listed)), "each file listed once")
        need(set(listed) == names - {"imsmanifest.xml"}, f"files listed {sorted(listed)} != {sorted(names)}")
    need(scos == 1, f"one SCO, found {scos}")
    need(orgs.get("default") in ids and ids[orgs.get("default")].tag == f"{CP}organization", "default organization")
    for item in root.iter(f"{CP}item"):
        ref = item.get("identifierref")
        need(ref is None or (ref in ids and ids[ref].tag == f"{CP}resource"), f"identifierref {ref!r}")
    return errors


@pytest.fixture(scope="module")
def project():
    project = check_project(REPO)
    assert [p for p in project.problems if p.severity == "error"] == []
    return project


@pytest.fixture(scope="module")
def packages(project):
    """{module id: {name: bytes}} read back from the zips, as `make scorm` writes them."""
    out = {}
    for module in project.modules.values():
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in scorm.package_files(module, project, strings("id"), ASSETS).items():
                archive.writestr(name, data)
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
            out[module.id] = {name: archive.read(name) for name in archive.namelist()}
    return out


def test_every_module_has_a_valid_manifest(project, packages):
    """Every module's manifest passes the element-by-element check; the item's mastery score is the pass mark."""
    assert set(packages) == set(project.modules) and len(packages) >= 10
    for module_id, files in packages.items():
        assert list(files)[0] == "imsmanifest.xml"
        assert manifest_errors(files["imsmanifest.xml"], set(files)) == [], module_id
        root = ET.fromstring(files["imsmanifest.xml"])
        bank = project.quizzes[project.modules[module_id].self_check]
        assert root.find(f".//{CP}item/{ADLCP}masteryscore").text == str(bank.pass_mark)
        assert root.find(f".//{CP}organization/{CP}title").text == project.modules[module_id].title


def test_manifest_check_catches_mistakes(project, packages):
    """The check can fail: a missing file, a wrong schema version, a broken reference and two SCOs are all caught."""
    files = packages["dukungan-awal"]
    good = files["imsmanifest.xml"].decode()
    assert manifest_errors(good.encode(), set(files) | {"extra.js"})  # a file of the zip not listed
    assert manifest_errors(good.replace("<schemaversion>1.2<", "<schemaversion>1.3<").encode(), set(files))
    assert manifest_errors(good.replace('identifierref="res-', 'identifierref="x-').encode(), set(files))
    assert manifest_errors(good.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="scorm"').encode(), set(files))
    assert manifest_errors(good.replace("<adlcp:masteryscore>70<", "<adlcp:masteryscore>170<").encode(), set(files))


def test_launch_page_is_the_learner_view_with_everything_local(project, packages):
    """The page holds every session (learner view: no trainer block) and the self-check, which stores nothing; the
    quick exit and help block are there; no file is loaded from anywhere else; ids are unique."""
    for module_id, files in packages.items():
        module = project.modules[module_id]
        page = files["index.html"].decode()
        for session in module.sessions:
            assert f'id="sesi-{session.id}"' in page
        assert f'data-quiz="{module.self_check}"' in page and 'data-storage="none"' in page
        assert 'class="lp-exit__link"' in page and 'id="lp-help-heading"' in page
        assert 'lpq-save' not in page  # no "save my progress" box
        assert "hanya nilai dan status lulus yang dikirim ke platform itu" in page
        assert "tidak dikirim ke mana pun" not in page  # the site's promise would be untrue inside a platform
        assert not re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?!assets/)', page)
        for ref in re.findall(r'(?:src|href)="(assets/[^"]+)"', page):
            assert ref in files
        ids = re.findall(r'\sid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), module_id
    page = packages["dukungan-awal"]["index.html"].decode()
    assert "Sebelum bermain peran, minta peserta memakai kasus rekaan saja" not in page  # a `::: trainer` block
    assert "bermain peran" in page


def test_links_between_module_pages_stay_inside_the_package(tmp_path):
    """A link to another session or the self-check goes to its part of the page; a link to a page the package does
    not hold becomes text; a link to another site stays a link."""
    site = copy_site("minimal", tmp_path / "src")
    session = sorted((site / "modules" / "contoh-modul").glob("*.md"))[0]
    session.write_text(session.read_text(encoding="utf-8") + "\n[Sesi dua](sesi-dua.md) · [Cek](cek-mandiri.md#x) · "
                       "[Bantuan](../../bantuan.md) · [Luar](https://example.org/a)\n", encoding="utf-8")
    project = check_project(site)
    page = scorm.launch_page(project.modules["contoh-modul"], project, strings("id"))
    assert '<a href="#sesi-sesi-dua">Sesi dua</a>' in page and '<a href="#cek-mandiri">Cek</a>' in page
    assert "<span>Bantuan</span>" in page and '<a href="https://example.org/a">Luar</a>' in page
    assert 'id="sesi-sesi-dua"' in page


def test_hostile_module_title_is_escaped_in_page_and_manifest(tmp_path):
    """A title full of markup stays text: escaped on the page, and the manifest still parses with the same title."""
    site = copy_site("minimal", tmp_path / "src")
    module_yml = site / "modules" / "contoh-modul" / "module.yml"
    hostile = "Modul </title><script>alert(1)</script> & \"x\" 'y'"
    text = module_yml.read_text(encoding="utf-8")
    module_yml.write_text(re.sub(r"(?m)^title: .*$", "title: " + repr(hostile).replace("\\'", "''"), text, count=1),
                          encoding="utf-8")
    project = check_project(site)
    module = project.modules["contoh-modul"]
    assert module.title == hostile
    files = scorm.package_files(module, project, strings("id"), ASSETS)
    page = files["index.html"].decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    root = ET.fromstring(files["imsmanifest.xml"])
    assert root.find(f".//{CP}organization/{CP}title").text == hostile
    assert manifest_errors(files["imsmanifest.xml"], set(files)) == []


def test_bad_input_ends_in_file_and_line(tmp_path, capsys):
    """A module without a self-check and a bank with nothing to score end in file:line messages (id and en); the
    script then writes nothing."""
    site = copy_site("minimal", tmp_path / "src")
    module_yml = site / "modules" / "contoh-modul" / "module.yml"
    text = module_yml.read_text(encoding="utf-8")
    module_yml.write_text(text.replace("quizzes:\n  self_check: kuis-contoh\n", ""), encoding="utf-8")
    project = check_project(site)
    module = project.modules["contoh-modul"]
    [problem] = scorm.package_problems(module, project)
    assert problem.format("id").startswith("modules/contoh-modul/module.yml:")
    assert "tidak punya cek mandiri" in problem.format("id") and "[scorm-no-self-check]" in problem.format("id")
    assert "has no self-check" in problem.format("en")
    out = tmp_path / "out"
    assert scorm_script.main(["--root", str(site), "--out", str(out)]) == 1
    assert not out.exists()
    assert "modules/contoh-modul/module.yml:1: modul 'contoh-modul' tidak punya cek mandiri" in capsys.readouterr().err

    # a self-check bank that does not exist: the content rules report it at its line, and nothing is written
    module_yml.write_text(text.replace("self_check: kuis-contoh", "self_check: kuis-hilang"), encoding="utf-8")
    assert scorm_script.main(["--root", str(site), "--out", str(out)]) == 1
    line = text.splitlines().index("  self_check: kuis-contoh") + 1
    assert f"modules/contoh-modul/module.yml:{line}: " in capsys.readouterr().err
    assert not out.exists()

    project = check_project(REPO)
    module = project.modules["dukungan-awal"]
    bank = project.quizzes[module.self_check]
    empty = quizbank.QuizBank(id=bank.id, path=bank.path, title=bank.title, line=1,
                              questions=[q for q in bank.questions if False])
    project.quizzes[bank.id] = empty
    [problem] = scorm.package_problems(module, project)
    assert problem.format("id").startswith(f"{bank.path}:1: bank soal '{bank.id}' (cek mandiri modul 'dukungan-awal') "
                                           "tidak punya soal yang bisa dinilai")
    assert problem.format("en").endswith("[scorm-no-scorable]")


def test_script_writes_every_zip_and_never_half(tmp_path, capsys):
    """`scripts/scorm.py` writes one zip per module; a write that fails part way leaves the old zip whole and no
    temporary file behind."""
    out = tmp_path / "scorm"
    assert scorm_script.main(["--out", str(out), "--module", "dukungan-awal", "--module", "merawat-diri"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["dukungan-awal.zip", "merawat-diri.zip"]
    before = (out / "dukungan-awal.zip").read_bytes()
    with zipfile.ZipFile(out / "dukungan-awal.zip") as archive:
        assert archive.namelist()[0] == "imsmanifest.xml" and archive.testzip() is None

    files = {"imsmanifest.xml": b"<manifest/>", "index.html": object()}  # the second entry cannot be written
    with pytest.raises(TypeError):
        scorm.write_zip(files, out / "dukungan-awal.zip")
    assert (out / "dukungan-awal.zip").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["dukungan-awal.zip", "merawat-diri.zip"]
    # the same content gives the same bytes (fixed dates), so a rebuilt package does not look changed
    assert scorm_script.main(["--out", str(out), "--module", "dukungan-awal"]) == 0
    assert (out / "dukungan-awal.zip").read_bytes() == before
