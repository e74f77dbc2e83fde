"""The site's `.gz` copies and the copies kept between builds (`.cache/gzip/`)."""

from __future__ import annotations

import gzip

import pytest

from lindungi.engine import compress


@pytest.fixture
def fresh_process(monkeypatch):
    """Each call to write_gz below is a new build process: nothing compressed in memory before it; returns the
    list of sizes compress had to compress (the copies not taken from the cache)."""
    compressed = []
    real = compress.gzip.compress

    def counting(data, *args, **kwargs):
        compressed.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(compress.gzip, "compress", counting)

    def new_process():
        monkeypatch.setattr(compress, "_packed", {})
        monkeypatch.setattr(compress, "_kept", [0])
        compressed.clear()
        return compressed

    return new_process


def _site(folder, pages: dict):
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _copies_are_exact(site):
    for page in site.rglob("*.html"):
        assert gzip.decompress(page.with_name(page.name + ".gz").read_bytes()) == page.read_bytes()


def test_a_rebuild_compresses_only_what_changed_and_drops_unused_copies(tmp_path, fresh_process):
    site, cache = tmp_path / "site", tmp_path / ".cache" / "gzip"
    pages = {"index.html": "<p>beranda</p>" * 100, "a/b.html": "<p>sesi</p>" * 100, "s.css": "p{color:red}" * 50}
    _site(site, pages)
    compressed = fresh_process()
    assert compress.write_gz(site, cache)[0] == 3
    assert len(compressed) == 3 and len(list(cache.glob("*.gz"))) == 3
    _copies_are_exact(site)

    _site(site, {"a/b.html": "<p>sesi yang diubah</p>" * 100})  # one page changed
    compressed = fresh_process()
    compress.write_gz(site, cache)
    assert compressed == [len(("<p>sesi yang diubah</p>" * 100).encode())]
    assert len(list(cache.glob("*.gz"))) == 3  # the old page's copy is gone, the new one kept
    _copies_are_exact(site)


def test_a_damaged_kept_copy_is_made_again(tmp_path, fresh_process):
    site, cache = tmp_path / "site", tmp_path / ".cache" / "gzip"
    _site(site, {"index.html": "<p>beranda</p>" * 100})
    fresh_process()
    compress.write_gz(site, cache)
    (kept,) = cache.glob("*.gz")
    other = gzip.compress(b"<p>lain</p>" * 100, mtime=0)
    for damage in (b"not gzip", kept.read_bytes()[:20], other):  # garbage, cut short, another file's copy
        kept.write_bytes(damage)
        compressed = fresh_process()
        compress.write_gz(site, cache)
        assert len(compressed) == 1
        _copies_are_exact(site)
        assert gzip.decompress(kept.read_bytes()) == (site / "index.html").read_bytes()


def test_a_cache_folder_that_cannot_be_written_costs_only_speed(tmp_path, fresh_process):
    site = tmp_path / "site"
    _site(site, {"index.html": "<p>beranda</p>" * 100})
    blocked = tmp_path / "berkas"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    fresh_process()
    assert compress.write_gz(site, blocked / "gzip")[0] == 1
    _copies_are_exact(site)


def test_kept_copies_are_linked_into_the_site_and_an_edited_site_copy_is_never_passed_on(tmp_path, fresh_process):
    """A rebuild links the kept copy into the site (no bytes written); a site copy edited in place (which edits the
    kept copy through the link) is caught by the cache's check and made again, under a new file."""
    site, cache = tmp_path / "site", tmp_path / ".cache" / "gzip"
    _site(site, {"index.html": "<p>beranda</p>" * 100})
    fresh_process()
    compress.write_gz(site, cache)
    (kept,) = cache.glob("*.gz")
    target = site / "index.html.gz"
    assert target.stat().st_ino == kept.stat().st_ino
    with open(target, "r+b") as handle:  # edited in place, e.g. by a careless deploy script
        handle.write(b"\x00\x00\x00")
    compressed = fresh_process()
    compress.write_gz(site, cache)
    assert len(compressed) == 1
    _copies_are_exact(site)
    assert target.stat().st_ino == kept.stat().st_ino


def test_a_file_system_without_hard_links_gets_written_copies(tmp_path, fresh_process, monkeypatch):
    site, cache = tmp_path / "site", tmp_path / ".cache" / "gzip"
    _site(site, {"index.html": "<p>beranda</p>" * 100})
    fresh_process()
    compress.write_gz(site, cache)

    def refuse(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(compress.os, "link", refuse)
    (site / "index.html.gz").unlink()  # (a build starts from a cleaned site folder)
    fresh_process()
    compress.write_gz(site, cache)
    _copies_are_exact(site)
    (kept,) = cache.glob("*.gz")
    assert (site / "index.html.gz").stat().st_ino != kept.stat().st_ino
    assert sorted(p.name for p in site.iterdir()) == ["index.html", "index.html.gz"]  # no temporary file left


def test_linking_onto_a_link_of_the_same_file_leaves_no_temporary_file(tmp_path):
    """A rename onto another link of the same file does nothing (POSIX): link_atomic must not leave its temporary
    link behind when the target is linked already."""
    from lindungi.engine.files import link_atomic

    source, target = tmp_path / "kept.pdf", tmp_path / "site.pdf"
    source.write_bytes(b"%PDF-1.7 kept")
    assert link_atomic(source, target) and link_atomic(source, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.pdf", "site.pdf"]
    assert target.stat().st_ino == source.stat().st_ino
