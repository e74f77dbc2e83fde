"""Regions: `regions/<id>/region.yml` facts, placeholders in shared content, the rule against regional names in shared
content, region pages that replace docs/ pages, the logo, and every mistake as a file:line message with its fix."""

from __future__ import annotations

import os
import shutil

import pytest

from helpers import build_site, problems_of
from lindungi.engine.checking import check_project

REGION = """\
id: {id}
kind: Kabupaten
name: {name}
province: Jawa Timur
uptd: UPTD PPA Kabupaten {name}
local_contacts:
  - name: Call Center 112 Kabupaten {name}
    phone: "112"
"""

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def _add_region(root, region_id="uji", name="Ujicoba", extra=""):
    folder = root / "regions" / region_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "region.yml").write_text(REGION.format(id=region_id, name=name) + extra, encoding="utf-8")
    return folder


def _select(root, region_id="uji"):
    """Point the site's settings at a region (its own organisation and region lines are dropped)."""
    config = root / "mkdocs.yml"
    lines = [line for line in config.read_text(encoding="utf-8").splitlines()
             if not line.startswith(("    organisation:", "    region:"))]
    index = lines.index("  lindungi:")
    lines.insert(index + 1, f"    region_id: {region_id}")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def regional(minimal):
    _add_region(minimal)
    _select(minimal)
    return minimal


def test_region_facts_fill_the_settings_and_placeholders(regional):
    (regional / "docs" / "index.md").write_text("# Beranda\n\nUntuk {{ region.uptd }} di {{ region.province }}.\n",
                                                 encoding="utf-8")
    workshop = regional / "workshops" / "uji.yml"
    workshop.write_text(workshop.read_text(encoding="utf-8").replace("title: Pelatihan uji\n",
                                                                     'title: Pelatihan uji\nplace: "{{ region.name }}"\n'),
                        encoding="utf-8")
    project = check_project(regional)
    assert [p.format() for p in project.problems] == []
    settings = project.settings
    assert (settings.organisation, settings.region, settings.region_id) == ("UPTD PPA Kabupaten Ujicoba",
                                                                            "Kabupaten Ujicoba", "uji")
    assert [c.name for c in settings.local_contacts] == ["Call Center 112 Kabupaten Ujicoba"]
    assert "Untuk UPTD PPA Kabupaten Ujicoba di Jawa Timur." in project.pages["index.md"]
    assert project.workshops["uji"].place == "Kabupaten Ujicoba"


def test_referral_numbers_are_call_links_like_every_other_number(minimal):
    """The `::: referral` box writes its places' numbers with the shared call link (class lp-call: 44x44 px)."""
    from lindungi.content.pages import render_referral
    from lindungi.i18n.locales import strings

    _add_region(minimal, extra='referral:\n  police: {name: Unit PPA Polres Ujicoba, phone: "110"}\n'
                               '  social: {name: Dinas Sosial Ujicoba, whatsapp: "+62 811-0000-0000"}\n')
    _select(minimal)
    project = check_project(minimal)
    assert [p.format() for p in project.problems] == []
    html = render_referral(project.settings, strings("id"))
    assert '<a class="lp-call" href="tel:110">110</a>' in html
    assert '<a class="lp-call" href="https://wa.me/6281100000000" rel="noreferrer">+62 811-0000-0000</a>' in html
    assert "<a href=" not in html


def test_unknown_placeholder_is_an_error_at_its_line_and_code_is_left_alone(regional):
    (regional / "docs" / "index.md").write_text(
        "# Beranda\n\nSatu.\n\nDi {{ region.nama }}.\n\n`{{ region.tidak_diisi }}`\n\n```\n{{ apa.saja }}\n```\n",
        encoding="utf-8")
    assert problems_of(regional) == [
        "docs/index.md:5: isian '{{ region.nama }}' tidak dikenal; seharusnya salah satu dari 'region.name', "
        "'region.short_name', 'region.kind', 'region.province', 'region.uptd', 'region.office', 'region.office_short', "
        "'region.address', 'region.site_url', 'region.referral_note', 'telepon <id>', 'whatsapp <id>', ditemukan '{{ region.nama }}'. "
        "Perbaikan: ganti dengan 'region.name'. [placeholder-unknown]"]


def test_empty_placeholder_is_a_warning_naming_the_key_to_fill(regional):
    (regional / "docs" / "index.md").write_text("# Beranda\n\nDinas: {{ region.office }}.\n", encoding="utf-8")
    assert problems_of(regional, "en") == [
        "docs/index.md:3: placeholder '{{ region.office }}' is empty for region 'uji'. Fix: fill in 'office:' in "
        "regions/uji/region.yml, or move this sentence to a region page (regions/<id>/docs/). [placeholder-empty]"]


def test_a_region_name_in_shared_content_is_an_error(regional):
    _add_region(regional, "lain", "Sebelah", extra="other_names: [Sebelah]\n")
    session = regional / "modules" / "contoh-modul" / "sesi-satu.md"
    text = session.read_text(encoding="utf-8")
    session.write_text(text + "\nDi KABUPATEN SEBELAH, 112 terhubung dengan dinas.\nPolres Sebelah.\n",
                       encoding="utf-8")
    line = text.count("\n") + 2
    found = [p for p in problems_of(regional) if "region-name-in-shared" in p]
    assert found == [
        f"modules/contoh-modul/sesi-satu.md:{line}: isi bersama menyebut nama wilayah 'Kabupaten Sebelah' (dari "
        "regions/lain/region.yml). Perbaikan: tulis '{{ region.name }}', atau pindahkan teks khusus wilayah ini ke "
        "regions/lain/docs/. [region-name-in-shared]",
        f"modules/contoh-modul/sesi-satu.md:{line + 1}: isi bersama menyebut nama wilayah 'Sebelah' (dari "
        "regions/lain/region.yml). Perbaikan: tulis '{{ region.short_name }}', atau pindahkan teks khusus wilayah ini "
        "ke regions/lain/docs/. [region-name-in-shared]"]


def test_a_region_name_in_any_case_is_found_even_where_lowercase_changes_length(regional):
    """The quick substring test before the patterns must not hide a name: "KABUPATEN BİMA" (a dotted capital I,
    which lowercases to two characters) still matches the region "Kabupaten Bima"."""
    _add_region(regional, "lain", "Bima")
    session = regional / "modules" / "contoh-modul" / "sesi-satu.md"
    text = session.read_text(encoding="utf-8")
    session.write_text(text + "\nDi KABUPATEN B\u0130MA ada layanan.\n", encoding="utf-8")
    found = [p for p in problems_of(regional) if "region-name-in-shared" in p]
    assert [p.split(": ", 1)[0] for p in found] == [f"modules/contoh-modul/sesi-satu.md:{text.count(chr(10)) + 2}"]


def test_a_missing_region_names_the_setting_line_and_the_fix(regional):
    config = regional / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("region_id: uji", "region_id: ujj"), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("    region_id: ujj") + 1
    assert problems_of(regional) == [
        f"mkdocs.yml:{line}: wilayah 'ujj' tidak ada di folder regions/; seharusnya salah satu dari 'uji', ditemukan "
        "'ujj'. Perbaikan: ganti dengan 'uji'; wilayah baru: salin regions/contoh ke regions/<id> dan isi "
        "region.yml. [region-unknown]"]


def test_the_environment_selects_the_region_for_check_and_build_alike(regional, monkeypatch):
    _add_region(regional, "lain", "Sebelah")
    config = regional / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("region_id: uji",
                                                                 "region_id: !ENV [LINDUNGI_REGION, uji]"),
                      encoding="utf-8")
    monkeypatch.setenv("LINDUNGI_REGION", "lain")
    assert check_project(regional).settings.region == "Kabupaten Sebelah"
    monkeypatch.delenv("LINDUNGI_REGION")
    assert check_project(regional).settings.region == "Kabupaten Ujicoba"


def test_a_logo_that_is_not_an_image_is_an_error(regional):
    folder = regional / "regions" / "uji"
    (folder / "logo.png").write_text("bukan gambar", encoding="utf-8")
    with (folder / "region.yml").open("a", encoding="utf-8") as handle:
        handle.write("logo: logo.png\n")
    line = (folder / "region.yml").read_text(encoding="utf-8").count("\n")
    assert problems_of(regional) == [
        f"regions/uji/region.yml:{line}: logo 'logo.png' bukan gambar; seharusnya berkas PNG, SVG atau JPEG, ditemukan "
        "'bukan ga'. Perbaikan: simpan logo sebagai PNG atau SVG (misalnya logo.png) dan tulis namanya di "
        "'logo:'. [region-logo-not-image]"]
    (folder / "logo.png").write_bytes(PNG)
    project = check_project(regional)
    assert project.problems == []
    assert project.settings.logo_uri.startswith("data:image/png;base64,")


def test_a_missing_logo_file_is_an_error(regional):
    folder = regional / "regions" / "uji"
    with (folder / "region.yml").open("a", encoding="utf-8") as handle:
        handle.write("logo: ../../mkdocs.yml\n")
    assert [p.split(" [")[-1] for p in problems_of(regional)] == ["region-logo-missing]"]


def test_two_regions_with_one_id(regional):
    folder = _add_region(regional, "uji-dua", "Kembar")
    (folder / "region.yml").write_text(REGION.format(id="uji", name="Kembar"), encoding="utf-8")
    assert problems_of(regional) == [
        "regions/uji-dua/region.yml:1: wilayah dengan id 'uji' sudah ada di regions/uji/region.yml. Perbaikan: beri "
        "id yang berbeda. [duplicate-id]",
        "regions/uji-dua/region.yml:1: id tidak sama dengan nama folder; seharusnya 'uji-dua', ditemukan 'uji'. "
        "Perbaikan: samakan id dengan nama folder (id juga menjadi alamat halaman). [id-mismatch]"]


def test_region_file_problems_name_the_region_file(regional):
    folder = regional / "regions" / "uji"
    with (folder / "region.yml").open("a", encoding="utf-8") as handle:
        handle.write("  - name: Layanan\n    phone: 0321-abc\n")
    assert problems_of(regional) == [
        "regions/uji/region.yml:9: nomor '0321-abc' tidak sah; seharusnya angka saja, boleh diawali '+' dan dipisah "
        "spasi atau '-', ditemukan '0321-abc'. Perbaikan: tulis nomor yang sudah dipastikan, hanya dengan angka. "
        "[bad-phone]"]


def test_region_folder_without_region_file(regional):
    (regional / "regions" / "kosong").mkdir()
    assert problems_of(regional) == [
        "regions/kosong: folder wilayah 'kosong' tidak punya region.yml. Perbaikan: salin regions/contoh/region.yml "
        "ke folder itu lalu isi faktanya, atau hapus folder itu. [region-file-missing]"]


def test_region_pages_replace_docs_pages_and_their_problems_name_the_region_file(regional):
    pages = regional / "regions" / "uji" / "docs"
    pages.mkdir()
    (pages / "index.md").write_text("# Beranda Ujicoba\n\n::: lokal\n:::\n", encoding="utf-8")
    assert [p.split(" [")[-1] for p in problems_of(regional)] == ["unknown-block]"]
    assert problems_of(regional)[0].startswith("regions/uji/docs/index.md:3: ")
    (pages / "index.md").write_text("# Beranda {{ region.name }}\n", encoding="utf-8")
    (pages / "rujukan.md").write_text("# Rujukan setempat\n", encoding="utf-8")
    project = check_project(regional)
    assert project.problems == []
    assert project.pages["index.md"] == ["# Beranda Kabupaten Ujicoba", ""]
    assert "rujukan.md" in project.pages


@pytest.mark.slow
def test_region_pages_and_logo_reach_the_built_site(regional, tmp_path):
    folder = regional / "regions" / "uji"
    shutil.copy(os.path.join(os.path.dirname(__file__), "..", "regions", "contoh", "logo.png"), folder / "logo.png")
    with (folder / "region.yml").open("a", encoding="utf-8") as handle:
        handle.write("logo: logo.png\n")
    (folder / "docs").mkdir()
    (folder / "docs" / "index.md").write_text("# Beranda {{ region.name }}\n\n::: local\n:::\n", encoding="utf-8")
    (folder / "docs" / "rujukan.md").write_text("# Rujukan di {{ region.name }}\n", encoding="utf-8")
    site = tmp_path / "out"
    result = build_site(regional, site)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Beranda Kabupaten Ujicoba" in home and "Beranda uji" not in home
    assert "Rujukan di Kabupaten Ujicoba" in (site / "rujukan.html").read_text(encoding="utf-8")
    assert 'src="assets/wilayah/logo.png"' in home
    assert (site / "assets" / "wilayah" / "logo.png").read_bytes() == (folder / "logo.png").read_bytes()


NEW_NAME = "Sumberwangi"  # a made-up regency: the copy must name it, and never the default region
COPIED = ("docs", "hooks", "modules", "quizzes", "workshops", "regions", "laws.yml", "mkdocs.yml")


def _copy_repository(dest):
    from helpers import REPO

    dest.mkdir()
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, dest / name)
    return dest


def _build(root, dest, region, edition):
    import subprocess
    import sys

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "LINDUNGI_REGION": region,
           "LINDUNGI_EDITION": edition}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
                            cwd=root, capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return dest


@pytest.mark.slow
def test_a_copy_of_the_example_region_builds_a_site_that_never_names_the_default_region(tmp_path):
    """Copy regions/contoh, replace "Contoh" with another name, build strictly (public site and trainer kit): no page,
    PDF, search index or sitemap names Mojokerto; the new name is on the home page and in every handout and pack PDF,
    and the logo is printed on each of them."""
    from pypdf import PdfReader
    from test_editions import _site_text

    root = _copy_repository(tmp_path / "repo")
    new = root / "regions" / "baru"
    shutil.copytree(root / "regions" / "contoh", new)
    text = (new / "region.yml").read_text(encoding="utf-8").replace("Contoh", NEW_NAME).replace("id: contoh", "id: baru")
    (new / "region.yml").write_text(text, encoding="utf-8")
    for edition in ("public", "trainer"):
        site = _build(root, tmp_path / edition, "baru", edition)
        texts = _site_text(site)
        named = sorted(rel for rel, body in texts.items() if "mojokerto" in body.lower())
        assert named == [], f"{edition}: {named}"
        assert {"search/search_index.json", "sitemap.xml"} <= set(texts)
        assert f"UPTD PPA Kabupaten {NEW_NAME}" in texts["index.html"]
        assert 'src="assets/wilayah/logo.png"' in (site / "index.html").read_text(encoding="utf-8")
        pdfs = sorted(site.rglob("*.pdf"))
        assert pdfs
        for pdf in pdfs:
            rel = pdf.relative_to(site).as_posix()
            assert f"Kabupaten {NEW_NAME}".upper() in texts[rel].upper(), rel
            assert PdfReader(pdf).pages[0].images, f"{rel}: no logo on the first page"
        if edition == "trainer":
            assert any(p.name.startswith("paket-") for p in pdfs)


def _script(name):
    import importlib.util

    from helpers import REPO

    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shards_split_the_regions_without_overlap():
    regions = _script("regions")
    ids = [f"r{n:02d}" for n in range(11)]
    shares = [regions.shard(ids, f"{k}/4") for k in range(1, 5)]
    assert sorted(sum(shares, [])) == ids
    assert shares[0] == ["r00", "r04", "r08"]
    with pytest.raises(SystemExit):
        regions.shard(ids, "5/4")


def test_hosting_limits_name_the_limit_a_site_breaks(tmp_path):
    limits = _script("hosting_limits")
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    for n in range(3):
        (site / "a" / f"{n}.html").write_text("x" * 10, encoding="utf-8")
    figures, found = limits.problems(site, max_files=3)
    assert (figures["files"], figures["bytes"], found) == (3, 30, [])
    _, found = limits.problems(site, max_files=2)
    assert found == [f"{site}: 3 berkas / files, batas / limit 2"]
    assert limits.main([str(site), "--max-files", "2"]) == 1


@pytest.mark.slow
def test_a_failed_region_build_leaves_the_previous_site_and_no_half_written_one(regional, tmp_path):
    regions = _script("regions")
    out = tmp_path / "build"
    ok, _, log = regions.build_region("uji", out, root=regional)
    assert ok, log
    assert (out / "uji" / "index.html").is_file()
    with (regional / "regions" / "uji" / "region.yml").open("a", encoding="utf-8") as handle:
        handle.write("logo: tidak-ada.png\n")
    ok, _, log = regions.build_region("uji", out, root=regional)
    assert not ok
    assert "regions/uji/region.yml:9: berkas logo 'tidak-ada.png' tidak ditemukan" in log
    assert sorted(p.name for p in out.iterdir()) == ["uji"]
    assert (out / "uji" / "index.html").is_file()


def test_placeholder_values_are_escaped_in_markdown_and_kept_on_one_line(regional):
    folder = regional / "regions" / "uji"
    text = (folder / "region.yml").read_text(encoding="utf-8")
    (folder / "region.yml").write_text(text.replace("uptd: UPTD PPA Kabupaten Ujicoba",
                                                    'uptd: "UPTD <b>PPA</b>\\nUjicoba"'), encoding="utf-8")
    (regional / "docs" / "index.md").write_text("# Beranda\n\nUntuk {{ region.uptd }}.\n", encoding="utf-8")
    project = check_project(regional)
    assert [p.format() for p in project.problems] == []
    assert project.pages["index.md"][2] == "Untuk UPTD &lt;b&gt;PPA&lt;/b&gt; Ujicoba."


def test_the_national_handout_is_equal_for_every_region_and_the_band_holds_the_regional_facts(regional):
    """Regions share one cached PDF per handout: its document holds no regional fact; the band holds them."""
    from lindungi.printing import handout
    from lindungi.i18n.locales import strings

    _add_region(regional, "lain", "Sebelah")
    first = check_project(regional)
    config = regional / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("region_id: uji", "region_id: lain"), encoding="utf-8")
    second = check_project(regional)
    ui = strings("id")
    module = first.modules["contoh-modul"]
    documents = [handout.render_national_document(module, p.settings, ui) for p in (first, second)]
    assert documents[0] == documents[1]
    assert "Ujicoba" not in documents[0] and "Call Center 112" not in documents[0]
    band = handout.render_bands([module], second.settings, ui, ["https://contoh.go.id/modul/contoh-modul/"])
    assert "UPTD PPA Kabupaten Sebelah" in band and "Call Center 112 Kabupaten Sebelah" in band
    assert "data:image/png" in band  # the QR code


@pytest.mark.slow
def test_a_band_too_full_for_its_height_is_a_warning_naming_the_region_file(regional, tmp_path):
    folder = regional / "regions" / "uji"
    with (folder / "region.yml").open("a", encoding="utf-8") as handle:
        for n in range(8):
            handle.write(f"  - name: Layanan tambahan nomor {n} dengan nama yang panjang sekali\n"
                         f"    phone: \"0321 00{n}\"\n    note: Catatan yang juga cukup panjang untuk satu baris.\n")
    result = build_site(regional, tmp_path / "out")
    assert result.returncode != 0
    assert ("regions/uji/region.yml:1: bagian wilayah di atas handout (lembaga, logo, kontak setempat) terlalu penuh "
            "untuk tingginya. Perbaikan: persingkat 'note' atau nama kontak di local_contacts, atau kurangi jumlah "
            "kontak. [handout-band-overflow]") in result.stderr


@pytest.mark.slow
def test_regions_built_in_one_process_equal_separate_builds_and_name_only_their_region(regional, tmp_path):
    """`make regions` builds every region in one process: each site names its own region and no other, and equals,
    file for file and byte for byte, what a separate `mkdocs build` of that region writes."""
    regions = _script("regions")
    _add_region(regional, "lain", "Sebelah")
    _add_region(regional, "ketiga", "Tigaan")
    config = regional / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("region_id: uji",
                                                                 "region_id: !ENV [LINDUNGI_REGION, uji]"),
                      encoding="utf-8")
    (regional / "docs" / "index.md").write_text("# Beranda\n\nUntuk {{ region.uptd }} di {{ region.province }}.\n",
                                                 encoding="utf-8")
    names = {"uji": "Ujicoba", "lain": "Sebelah", "ketiga": "Tigaan"}
    together, alone = tmp_path / "together", tmp_path / "alone"
    rows = regions.build_regions(list(names), together, root=regional)
    assert [(row[0], row[1]) for row in rows] == [(region, True) for region in names], [row[4] for row in rows]
    assert sorted(p.name for p in together.iterdir()) == sorted(names)
    for region, name in names.items():
        site = together / region
        home = (site / "index.html").read_text(encoding="utf-8")
        assert f"Untuk UPTD PPA Kabupaten {name} di Jawa Timur." in home
        for other in set(names.values()) - {name}:
            texts = [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".xml")]
            assert not [p for p in texts if other in p.read_text(encoding="utf-8")], (region, other)
        ok, _, log = regions.build_region(region, alone, root=regional)
        assert ok, log
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(alone / region).as_posix()
                               for p in (alone / region).rglob("*") if p.is_file())
        assert [f for f in files if (site / f).read_bytes() != (alone / region / f).read_bytes()] == [], region


def test_a_failed_region_in_one_process_does_not_stop_the_others(regional, tmp_path):
    regions = _script("regions")
    pages = _add_region(regional, "lain", "Sebelah") / "docs"
    pages.mkdir()
    (pages / "index.md").write_text("# Beranda Sebelah\n\n::: lokal\n:::\n", encoding="utf-8")  # only this region's
    config = regional / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("region_id: uji",
                                                                 "region_id: !ENV [LINDUNGI_REGION, uji]"),
                      encoding="utf-8")
    out = tmp_path / "build"
    rows = regions.build_regions(["lain", "uji"], out, root=regional)
    assert [(row[0], row[1]) for row in rows] == [("lain", False), ("uji", True)]
    assert rows[0][4]  # why it failed (the problems themselves are logged as the build finds them)
    assert sorted(p.name for p in out.iterdir()) == ["uji"]
    assert os.environ.get("LINDUNGI_REGION") != "lain"  # each region's environment is undone after its build


@pytest.mark.slow
def test_a_warning_fails_a_region_in_one_process_and_in_its_own_process(regional, tmp_path):
    """Strict means a warning fails the region's build, however the regions are built (MkDocs' --quiet would hide
    warnings from --strict, so neither way uses it)."""
    regions = _script("regions")
    (regional / "docs" / "index.md").write_text("# Beranda\n\n[Tautan](tidak-ada.md)\n", encoding="utf-8")
    rows = regions.build_regions(["uji"], tmp_path / "together", root=regional)
    assert [(row[0], row[1]) for row in rows] == [("uji", False)]
    ok, _, log = regions.build_region("uji", tmp_path / "alone", root=regional)
    assert not ok
    assert "tidak-ada.md" in log
