"""Every content rule, one broken copy of the minimal site each, asserting the whole message lines."""

from __future__ import annotations

import pytest

from helpers import copy_site, problems_of

# A short-answer question with `units`, added at the end of the minimal site's bank (its `units:` is line 25).
SHORT_UNITS = ("  - id: soal-tiga\n    type: short_answer\n    objective: tujuan-satu\n    prompt: Berapa orang?\n"
               "    accepted: [{acc}]\n    units: [{units}]\n    feedback_correct: Tepat.\n    feedback_incorrect: Lima orang.\n")

# name: (file to change, change, expected problem lines in report order)
CASES = {
    "yaml-syntax": ("quizzes/kuis-contoh.yml", lambda s: s.replace("pass_mark: 50", "pass_mark: [50"),
        ["quizzes/kuis-contoh.yml:5: YAML tidak dapat dibaca di kolom 10 (while parsing a flow sequence expected ',' or ']', but got ':'). Perbaikan: periksa titik dua, tanda kutip dan indentasi (pakai spasi, bukan tab) pada baris ini dan baris sebelumnya. [yaml-syntax]"]),
    "tf-labels": ("quizzes/kuis-contoh.yml", lambda s: s.replace("pass_mark: 50", "pass_mark: 50\ntrue_false_labels: fakta_mitos"),
        ["quizzes/kuis-contoh.yml:5: nilai 'true_false_labels' tidak dikenal; seharusnya salah satu dari 'benar-salah', 'fakta-mitos', ditemukan 'fakta_mitos'. Perbaikan: ganti dengan 'fakta-mitos'. [bad-choice]"]),
    "dup-key": ("modules/contoh-modul/module.yml", lambda s: s.replace("level: dasar", "level: dasar\nlevel: lanjutan"),
        ["modules/contoh-modul/module.yml:6: kunci 'level' ditulis dua kali. Perbaikan: hapus salah satunya; nilai kedua menimpa yang pertama. [yaml-duplicate-key]"]),
    "empty": ("quizzes/kuis-contoh.yml", lambda s: "",
        ['quizzes/kuis-contoh.yml:1: berkas kosong; seharusnya bank soal dengan kunci id, title, uses dan questions, ditemukan berkas tanpa isi. Perbaikan: isi berkas ini, atau salin contoh dari panduan penulis. [empty-file]']),
    "toplevel": ("quizzes/kuis-contoh.yml", lambda s: "- a\n- b\n",
        ["quizzes/kuis-contoh.yml:1: isi berkas berjenis salah; seharusnya pemetaan (baris 'kunci: nilai'), ditemukan daftar (baris berawalan '- '). Perbaikan: mulai berkas dengan baris 'kunci: nilai', seperti contoh di panduan penulis. [top-level-type]"]),
    "wrong-type": ("modules/contoh-modul/module.yml", lambda s: s.replace("key_points:\n  - Pesan kunci pertama.", "key_points: Pesan kunci pertama."),
        ["modules/contoh-modul/module.yml:12: nilai 'key_points' berjenis salah; seharusnya daftar (baris berawalan '- '), ditemukan teks. Perbaikan: tulis 'key_points' sebagai daftar (baris berawalan '- '). [wrong-type]"]),
    "missing": ("modules/contoh-modul/module.yml", lambda s: s.replace("summary: Modul kecil untuk uji.\n", ""),
        ["modules/contoh-modul/module.yml:1: kunci wajib 'summary' tidak ada. Perbaikan: tambahkan 'summary:' (ringkasan satu-dua kalimat untuk katalog). [missing-key]"]),
    "unknown-key": ("modules/contoh-modul/module.yml", lambda s: s.replace("title: Modul contoh", "titel: Modul contoh"),
        ["modules/contoh-modul/module.yml:2: kunci 'titel' tidak dikenal; seharusnya salah satu dari 'id', 'title', 'summary', 'audience', 'level', 'part', 'group', 'status', 'objectives', 'key_points', 'prerequisites', 'sessions', 'quizzes', 'handout', 'sources', 'content_note', 'reviewed', 'next_review', 'licence', ditemukan 'titel'. Perbaikan: ganti dengan 'title'. [unknown-key]"]),
    "bad-choice": ("modules/contoh-modul/module.yml", lambda s: s.replace("level: dasar", "level: dasr"),
        ["modules/contoh-modul/module.yml:5: nilai 'level' tidak dikenal; seharusnya salah satu dari 'dasar', 'lanjutan', ditemukan 'dasr'. Perbaikan: ganti dengan 'dasar'. [bad-choice]"]),
    "bad-id": ("quizzes/kuis-contoh.yml", lambda s: s.replace("id: soal-dua", "id: Soal Dua"),
        ["quizzes/kuis-contoh.yml:13: id 'Soal Dua' tidak sah; seharusnya huruf kecil, angka dan tanda hubung, diawali huruf (misalnya 'dukungan-awal'), ditemukan 'Soal Dua'. Perbaikan: tulis ulang id dengan huruf kecil dan tanda hubung. [bad-id]"]),
    "id-mismatch": ("modules/contoh-modul/module.yml", lambda s: s.replace("id: contoh-modul", "id: modul-lain"),
        ["modules/contoh-modul/module.yml:1: id tidak sama dengan nama folder; seharusnya 'contoh-modul', ditemukan 'modul-lain'. Perbaikan: samakan id dengan nama folder (id juga menjadi alamat halaman). [id-mismatch]"]),
    "dup-question": ("quizzes/kuis-contoh.yml", lambda s: s.replace("id: soal-dua", "id: soal-satu"),
        ["quizzes/kuis-contoh.yml:13: soal dengan id 'soal-satu' sudah ada di quizzes/kuis-contoh.yml:6. Perbaikan: beri id yang berbeda. [duplicate-id]"]),
    "unknown-quiz": ("modules/contoh-modul/module.yml", lambda s: s.replace("self_check: kuis-contoh", "self_check: kuis-contho"),
        ["modules/contoh-modul/module.yml:16: kuis 'kuis-contho' tidak ditemukan; seharusnya salah satu dari 'kuis-contoh', ditemukan 'kuis-contho'. Perbaikan: ganti dengan 'kuis-contoh'. [unknown-ref]"]),
    "unknown-objective": ("modules/contoh-modul/sesi-satu.md", lambda s: s.replace("objectives: [tujuan-satu]", "objectives: [tujuan-satuu]"),
        ["modules/contoh-modul/sesi-satu.md:3: tujuan pembelajaran 'tujuan-satuu' tidak ditemukan; seharusnya salah satu dari 'tujuan-dua', 'tujuan-satu', ditemukan 'tujuan-satuu'. Perbaikan: ganti dengan 'tujuan-satu'. [unknown-ref]"]),
    "unknown-prereq": ("modules/contoh-modul/module.yml", lambda s: s.replace("sessions:", "prerequisites: [modul-x]\nsessions:"),
        ["modules/contoh-modul/module.yml:14: modul 'modul-x' tidak ditemukan; seharusnya salah satu dari 'contoh-modul', ditemukan 'modul-x'. Perbaikan: tulis id modul yang ada di folder modules/. [unknown-ref]"]),
    "session-missing": ("modules/contoh-modul/module.yml", lambda s: s.replace("sessions: [sesi-satu, sesi-dua]", "sessions: [sesi-satu, sesi-dua, sesi-tiga]"),
        ["modules/contoh-modul/module.yml:14: berkas sesi 'sesi-tiga' tidak ada; seharusnya berkas 'modules/contoh-modul/sesi-tiga.md', ditemukan berkas itu tidak ada. Perbaikan: buat berkas itu, atau perbaiki nama sesi di 'sessions'. [session-file-missing]"]),
    "single-correct": ("quizzes/kuis-contoh.yml", lambda s: s.replace("{id: b, text: Salah,", "{id: b, text: Salah, correct: true,"),
        ["quizzes/kuis-contoh.yml:10: soal 'soal-satu' (jenis 'single') harus punya tepat satu pilihan benar; seharusnya 1 pilihan dengan 'correct: true', ditemukan 2. Perbaikan: tandai tepat satu pilihan dengan 'correct: true', atau ubah jenis soal menjadi 'multiple'. [quiz-single-correct]"]),
    "no-feedback": ("quizzes/kuis-contoh.yml", lambda s: s.replace(", feedback: Kurang tepat.}", "}"),
        ["quizzes/kuis-contoh.yml:12: pilihan 'b' pada soal 'soal-satu' tidak punya umpan balik. Perbaikan: tambahkan 'feedback:' yang menjelaskan mengapa pilihan ini tepat atau kurang tepat. [quiz-option-feedback]"]),
    "units-no-number": ("quizzes/kuis-contoh.yml", lambda s: s + SHORT_UNITS.format(acc="UPTD PPA", units="orang"),
        ['quizzes/kuis-contoh.yml:25: soal \'soal-tiga\' punya \'units\', tetapi tidak ada angka di \'accepted\'; seharusnya paling sedikit satu jawaban berupa angka, misalnya \'5\', ditemukan \'UPTD PPA\'. Perbaikan: tulis angkanya saja di \'accepted\' (misalnya accepted: ["5"] dan units: [orang]), atau hapus \'units\'. [quiz-units-no-number]']),
    "unit-bad": ("quizzes/kuis-contoh.yml", lambda s: s + SHORT_UNITS.format(acc='"5"', units='orang, "5 orang"'),
        ["quizzes/kuis-contoh.yml:25: satuan '5 orang' pada soal 'soal-tiga' tidak bisa dipakai; seharusnya satuan berupa huruf saja (tanpa angka atau tanda lain), misalnya orang, hari, tahun, ditemukan '5 orang'. Perbaikan: tulis satuannya saja (misalnya 'orang'); angkanya ditulis di 'accepted'. [quiz-unit-bad]"]),
    "unit-markup": ("quizzes/kuis-contoh.yml", lambda s: s + SHORT_UNITS.format(acc='"5"', units='"<b>orang</b>"'),
        ["quizzes/kuis-contoh.yml:25: satuan '<b>orang</b>' pada soal 'soal-tiga' tidak bisa dipakai; seharusnya satuan berupa huruf saja (tanpa angka atau tanda lain), misalnya orang, hari, tahun, ditemukan '<b>orang</b>'. Perbaikan: tulis satuannya saja (misalnya 'orang'); angkanya ditulis di 'accepted'. [quiz-unit-bad]"]),
    "units-type": ("quizzes/kuis-contoh.yml", lambda s: s.replace("    answer: true\n", "    answer: true\n    units: [orang]\n"),
        ["quizzes/kuis-contoh.yml:18: kunci 'units' tidak berlaku untuk soal jenis 'true_false'; seharusnya hanya untuk jenis 'short_answer', ditemukan jenis 'true_false'. Perbaikan: hapus 'units' atau ganti 'type' soal ini. [quiz-key-type]"]),
    "minutes": ("modules/contoh-modul/sesi-satu.md", lambda s: s.replace("title: Sesi satu", "title: Sesi satu\nminutes: 40"),
        ["modules/contoh-modul/sesi-satu.md:3: 'minutes' sesi tidak sama dengan jumlah menit langkah-langkahnya; seharusnya 30 menit (dijumlahkan dari 'steps'), ditemukan 40 menit. Perbaikan: hapus 'minutes': durasi sesi dihitung otomatis dari 'steps'. [minutes-mismatch]"]),
    "step-minutes-missing": ("modules/contoh-modul/sesi-satu.md", lambda s: s.replace("{title: Pembukaan, minutes: 10, method: ceramah}", "{title: Pembukaan, method: ceramah}"),
        ["modules/contoh-modul/sesi-satu.md:5: kunci wajib 'minutes' tidak ada. Perbaikan: tambahkan 'minutes:' (lama langkah dalam menit). [missing-key]"]),
    "unknown-block": ("modules/contoh-modul/sesi-satu.md", lambda s: s.replace("::: trainer", "::: Trainer"),
        ["modules/contoh-modul/sesi-satu.md:12: blok 'Trainer' tidak dikenal; seharusnya salah satu dari 'trainer', 'say', 'activity', 'roleplay', 'observer', 'case', 'answer', 'discussion', 'keypoint', 'safeguarding', 'adapt', 'local', 'referral', 'quiz', ditemukan 'Trainer'. Perbaikan: ganti dengan 'trainer'. [unknown-block]"]),
    "unclosed": ("modules/contoh-modul/sesi-dua.md", lambda s: s.rstrip()[:-3],
        ["modules/contoh-modul/sesi-dua.md:10: blok 'say' dibuka tetapi tidak ditutup. Perbaikan: tambahkan baris ':::' di akhir blok ini. [block-unclosed]"]),
    "local-empty": ("mkdocs.yml", lambda s: s.replace("    local_contacts:\n      - name: Layanan Uji\n        phone: \"0321 000\"\n", ""),
        ["docs/index.md:7: kontak layanan setempat belum diisi, padahal 'docs/index.md' memakainya. Perbaikan: isi local_contacts di regions/<id>/region.yml (atau extra.lindungi.local_contacts di mkdocs.yml) dengan nomor yang sudah dipastikan kantor (jangan menebak nomor). [local-contacts-empty]"]),
    "unserved": ("modules/contoh-modul/module.yml", lambda s: s.replace("key_points:", "  - id: tujuan-tiga\n    text: Tujuan tanpa sesi.\nkey_points:"),
        ["modules/contoh-modul/module.yml:12: tujuan 'tujuan-tiga' tidak dilayani sesi atau soal mana pun. Perbaikan: cantumkan 'tujuan-tiga' di 'objectives' sebuah sesi atau di 'objective' sebuah soal, atau hapus tujuan ini. [objective-unserved]"]),
    "overdue": ("modules/contoh-modul/module.yml", lambda s: s.replace("next_review: 2027-11-01", "next_review: 2026-11-02"),
        ["modules/contoh-modul/module.yml:23: tanggal tinjauan berikutnya 2026-11-02 sudah lewat. Perbaikan: tinjau ulang isi modul, lalu perbarui 'reviewed' dan 'next_review'. [review-overdue]"]),
    "workshop-unknown-session": ("workshops/uji.yml", lambda s: s.replace("session: sesi-dua", "session: sesi-empat"),
        ["workshops/uji.yml:1: pelatihan tidak punya sesi perawatan diri. Perbaikan: tambahkan sesi dengan 'self_care: true' (misalnya dari modul merawat-diri). [workshop-no-self-care]", "workshops/uji.yml:10: sesi 'sesi-empat' tidak ditemukan; seharusnya salah satu dari 'sesi-dua', 'sesi-satu', ditemukan 'sesi-empat'. Perbaikan: ganti dengan 'sesi-satu'. [unknown-ref]"]),
    "workshop-stretch": ("workshops/uji.yml", lambda s: s.replace("      - {type: break, minutes: 15}\n", ""),
        ["workshops/uji.yml:9: hari 1: 105 menit tanpa jeda sampai pukul 09:45; seharusnya paling lama 90 menit tanpa jeda, ditemukan 105 menit. Perbaikan: sisipkan '{type: break, minutes: 15}' sebelum pukul 09:45. [workshop-long-stretch]"]),
    "answer-outside": ("modules/contoh-modul/sesi-dua.md", lambda s: s + "\n::: answer\nx\n:::\n",
        ["modules/contoh-modul/sesi-dua.md:14: blok 'answer' tidak boleh berada di luar blok case/activity/roleplay/discussion; seharusnya di dalam blok case, activity, roleplay, discussion, ditemukan '-'. Perbaikan: pindahkan blok 'answer' ke dalam blok case. [block-misplaced]"]),
    "trainer-in-public": ("docs/index.md", lambda s: s + "\n::: trainer\nx\n:::\n",
        ["docs/index.md:10: blok 'trainer' tidak boleh berada di halaman publik; seharusnya blok untuk semua pembaca, ditemukan 'trainer'. Perbaikan: pindahkan catatan pelatih ke sesi modul, atau hapus blok ini. [block-misplaced]"]),
    "bad-phone": ("mkdocs.yml", lambda s: s.replace('phone: "129"', 'phone: "12a9"'),
        ["mkdocs.yml:21: nomor '12a9' tidak sah; seharusnya angka saja, boleh diawali '+' dan dipisah spasi atau '-', ditemukan '12a9'. Perbaikan: tulis nomor yang sudah dipastikan, hanya dengan angka. [bad-phone]"]),
    "contact-unknown": ("docs/index.md", lambda s: s.replace("di {{ telepon sapa-129 }}", "di {{ telepon sapa-128 }}"),
        ["docs/index.md:4: kontak 'sapa-128' tidak ada di help_lines atau local_contacts (mkdocs.yml); seharusnya salah satu dari 'sapa-129', ditemukan 'sapa-128'. Perbaikan: ganti dengan 'sapa-129'. [contact-unknown]"]),
    "contact-placeholder-bad": ("modules/contoh-modul/sesi-satu.md", lambda s: s.replace("{{ telepon sapa-129 }}", "{{ telpon sapa-129 }}"),
        ["modules/contoh-modul/sesi-satu.md:24: penanda kontak '{{ telpon sapa-129 }}' tidak dikenal; seharusnya kata 'telepon' atau 'whatsapp' lalu id kontak di antara kurung kurawal ganda, ditemukan '{{ telpon sapa-129 }}'. Perbaikan: tulis penanda seperti contoh di panduan penulis (bagian Nomor layanan di halaman), dengan id kontak dari mkdocs.yml, misalnya sapa-129. [contact-placeholder-bad]"]),
    "contact-no-channel": ("modules/contoh-modul/sesi-satu.md", lambda s: s.replace("{{ telepon sapa-129 }}", "{{ whatsapp sapa-129 }}"),
        ["modules/contoh-modul/sesi-satu.md:24: kontak 'sapa-129' tidak punya nomor untuk whatsapp; seharusnya salah satu dari 'telepon', ditemukan whatsapp. Perbaikan: pakai penanda untuk saluran yang ada, atau isi nomor itu di mkdocs.yml bila sudah dipastikan kantor. [contact-no-such-channel]"]),
    "contact-in-key-point": ("modules/contoh-modul/module.yml", lambda s: s.replace("- Pesan kunci pertama.", "- Hubungi {{ telepon sapa-12 }}."),
        ["modules/contoh-modul/module.yml:13: kontak 'sapa-12' tidak ada di help_lines atau local_contacts (mkdocs.yml); seharusnya salah satu dari 'sapa-129', ditemukan 'sapa-12'. Perbaikan: ganti dengan 'sapa-129'. [contact-unknown]"]),
    "contact-duplicate-id": ("mkdocs.yml", lambda s: s.replace('        phone: "0321 000"\n', '        phone: "0321 000"\n        id: sapa-129\n'),
        ["mkdocs.yml:25: kontak dengan id 'sapa-129' sudah ada di mkdocs.yml:21. Perbaikan: beri id yang berbeda. [duplicate-id]"]),
    "unlisted": ("modules/contoh-modul/lain.md", None,
        ["modules/contoh-modul/lain.md:1: berkas sesi 'lain' tidak tercantum di 'sessions' pada module.yml. Perbaikan: tambahkan 'lain' ke 'sessions', atau hapus berkasnya. [session-not-listed]"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule_message(name, tmp_path):
    """Breaking the minimal site in one way yields exactly the expected messages, with file and line."""
    rel, change, expected = CASES[name]
    root = copy_site("minimal", tmp_path / "site")
    path = root / rel
    path.write_text("x" if change is None else change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert problems_of(root) == expected


def test_minimal_site_is_clean(minimal):
    """The unbroken minimal site has no problem at all."""
    assert problems_of(minimal) == []


def test_test_only_bank_placed_on_a_page(tmp_path):
    """A pre/post-test bank placed with `::: quiz` would show its answers to learners: an error naming the line."""
    root = copy_site("minimal", tmp_path / "site")
    bank = (root / "quizzes/kuis-contoh.yml").read_text(encoding="utf-8")
    (root / "quizzes/tes-uji.yml").write_text(
        bank.replace("id: kuis-contoh", "id: tes-uji").replace("uses: [self_check]", "uses: [pre_test, post_test]"),
        encoding="utf-8")
    index = root / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n::: quiz tes-uji\n", encoding="utf-8")
    assert problems_of(root) == [
        "docs/index.md:10: bank soal 'tes-uji' khusus pre-test/post-test tidak boleh ditaruh di halaman publik: kunci "
        "jawabannya akan terlihat oleh peserta; seharusnya bank dengan 'uses' memuat 'self_check' atau 'public', "
        "ditemukan 'pre_test', 'post_test'. Perbaikan: hapus baris '::: quiz tes-uji' ini; tes dikerjakan di kertas "
        "(lembar soal ada di halaman pelatih 'Kuis dan tes'), atau taruh bank cek mandiri. [quiz-test-only-placed]"]
