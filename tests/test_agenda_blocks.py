"""Agenda clock times and the learner/trainer views of blocks."""

from helpers import copy_site
from lindungi.content import blocks
from lindungi.engine.checking import check_project
from lindungi.validation.problems import Collector


def test_agenda_clock_times_come_from_session_steps(minimal):
    """Each item starts when the previous one ends; session lengths are the sums of their steps."""
    workshop = check_project(minimal).workshops["uji"]
    times = [(i.type, i.start, i.end) for i in workshop.days[0].items]
    assert times == [("opening", "08:00", "08:30"), ("session", "08:30", "09:00"), ("break", "09:00", "09:15"),
                     ("session", "09:15", "10:00")]


def test_learner_view_drops_trainer_blocks_and_keeps_the_rest():
    """Trainer-only blocks, nested ones included, vanish from the learner view; the others get a label."""
    text = "Awal\n\n::: case \"Kasus A\"\nCerita.\n\n::: answer\nJAWABAN\n:::\n:::\n\n::: trainer\nCATATAN\n:::\nAkhir"
    out = Collector()
    tree = blocks.parse(text, "x.md", out)
    assert out.problems == []
    labels = {"case": "Kasus", "answer": "Jawaban", "trainer": "Pelatih"}
    learner = blocks.render(tree, "learner", labels, "<div>kontak</div>")
    trainer = blocks.render(tree, "trainer", labels, "<div>kontak</div>")
    assert "JAWABAN" not in learner and "CATATAN" not in learner
    assert '<p class="lp-block__label">Kasus: Kasus A</p>' in learner
    assert "JAWABAN" in trainer and "CATATAN" in trainer
    assert '<div class="lp-block lp-block--answer lp-block--trainer-only" markdown>' in trainer


def test_block_markers_inside_code_fences_are_text():
    """A '::: name' line inside a fenced code block is an example, not a block."""
    out = Collector()
    tree = blocks.parse("```\n::: nonsense\n:::\n```\n", "x.md", out)
    assert out.problems == [] and blocks.block_names(tree) == []


def test_block_titles_are_escaped():
    """A block title with markup is shown as text."""
    out = Collector()
    tree = blocks.parse('::: case "<b>x</b>"\nIsi\n:::\n', "x.md", out)
    html = blocks.render(tree, "learner", {"case": "Kasus"}, "")
    assert "Kasus: &lt;b&gt;x&lt;/b&gt;" in html
