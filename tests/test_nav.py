"""The modules section of the nav: module and session order, and themes (`group`) for large curricula."""

import shutil

from lindungi.content import pages
from lindungi.engine.checking import check_project
from lindungi.i18n.locales import strings


def _add_module(root, new_id: str, group: str | None) -> None:
    """Copy the minimal site's module under a new id, with a group line when given."""
    src = root / "modules" / "contoh-modul"
    dest = root / "modules" / new_id
    shutil.copytree(src, dest)
    text = (dest / "module.yml").read_text(encoding="utf-8").replace("id: contoh-modul", f"id: {new_id}")
    text = text.replace("title: Modul contoh", f"title: Modul {new_id}")
    if group:
        text = text.replace("level: dasar", f"level: dasar\ngroup: {group}")
    (dest / "module.yml").write_text(text, encoding="utf-8")


def test_modules_without_group_are_listed_directly(minimal):
    project = check_project(minimal)
    nav = pages.module_nav(project, strings("id"))
    assert list(nav[0].values()) == ["modul/index.md"]
    (title, children), = nav[1].items()
    assert title == "Modul contoh" and children[0] == "modul/contoh-modul/index.md"


def test_modules_of_one_group_share_a_sub_section_in_first_appearance_order(minimal):
    for new_id, group in (("modul-b", "Tema Anak"), ("modul-c", "Tema Layanan"), ("modul-d", "Tema Anak")):
        _add_module(minimal, new_id, group)
    project = check_project(minimal)
    assert not [p for p in project.problems if p.rule != "local-contacts-empty"]
    nav = pages.module_nav(project, strings("id"))
    titles = [next(iter(entry)) for entry in nav]
    ungrouped = [t for t in titles if t.startswith("Modul")]
    assert titles.index("Tema Anak") < titles.index("Tema Layanan") and len(ungrouped) == 1
    anak = nav[titles.index("Tema Anak")]["Tema Anak"]
    assert [next(iter(m)) for m in anak] == ["Modul modul-b", "Modul modul-d"]
    assert [next(iter(m)) for m in nav[titles.index("Tema Layanan")]["Tema Layanan"]] == ["Modul modul-c"]


def test_quiz_sheets_page_sits_in_the_trainers_section(minimal):
    """The quiz sheets and exports page is listed under the trainers' section, after its index, not at top level."""
    project = check_project(minimal)
    ui = strings("id")
    generated = dict.fromkeys(["pelatih/index.md", "pelatih/kuis/index.md"], "")
    nav = pages.site_nav(None, ["index.md"], generated, project, ui, {ui["quiz_trainer_title"]: "pelatih/kuis/index.md"})
    assert nav[0] == "index.md" and len(nav) == 3 and list(nav[1]) == [ui["catalogue_title"]]
    assert nav[-1] == {ui["trainers_title"]: [{ui["trainers_title"]: "pelatih/index.md"},
                                              {ui["quiz_trainer_title"]: "pelatih/kuis/index.md"}]}


def test_parts_hold_their_themes_and_themes_their_modules(minimal):
    """`part` nests themes (and themeless modules of the part); parts, themes and modules keep first-appearance order."""
    for new_id, part, group in (("modul-b", "Bagian Satu", "Tema Anak"), ("modul-c", "Bagian Dua", "Tema Layanan"),
                                ("modul-d", "Bagian Satu", "Tema Anak"), ("modul-e", "Bagian Satu", None)):
        _add_module(minimal, new_id, group)
        path = minimal / "modules" / new_id / "module.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("level: dasar", f"level: dasar\npart: {part}"),
                        encoding="utf-8")
    project = check_project(minimal)
    assert not [p for p in project.problems if p.rule != "local-contacts-empty"]
    nav = pages.module_nav(project, strings("id"))
    titles = [next(iter(entry)) for entry in nav]
    assert titles[1:] == ["Modul contoh", "Bagian Satu", "Bagian Dua"]
    satu = nav[2]["Bagian Satu"]
    assert [next(iter(e)) for e in satu] == ["Tema Anak", "Modul modul-e"]
    assert [next(iter(m)) for m in satu[0]["Tema Anak"]] == ["Modul modul-b", "Modul modul-d"]
    assert [next(iter(m)) for m in nav[3]["Bagian Dua"][0]["Tema Layanan"]] == ["Modul modul-c"]
