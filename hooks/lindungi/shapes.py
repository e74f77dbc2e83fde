"""The keys of every content file, with their types and one line of documentation each.

These shapes drive checking (`spec.Obj.check`) and the JSON Schema files in `schemas/` (`scripts/schemas.py`), so the
editor's autocompletion, the validator and the authoring guide describe the same keys.
"""

from __future__ import annotations

from .models import AUDIENCES, LAW_KINDS, LAW_STATUSES, LEVELS, MATERIAL_PER, SOURCE_USES, STATUSES, UNITS
from .spec import Bool, Date, Enum, Field, Id, Int, ListOf, Obj, OneOf, Str, Url

MAX_HANDOUT_ITEMS = 40  # key points and steps: they are printed on a one- or two-page handout

SOURCE = Obj({
    "title": Field(Str(max_len=300), False, "judul sumber (bukan peraturan)"),
    "publisher": Field(Str(max_len=200), False, "penerbit atau lembaga"),
    "year": Field(Int(minimum=1900, maximum=2100), False, "tahun terbit"),
    "url": Field(Url(max_len=500, allow_http=True), False, "alamat web sumber (diawali https:// atau http://)"),
    "licence": Field(Str(max_len=100), False, "lisensi sumber, misalnya CC BY-NC-SA 3.0 IGO"),
    "law": Field(Id(), False, "id peraturan di laws.yml; judul, tahun dan alamatnya diambil dari sana"),
    "articles": Field(Str(max_len=200), False, "pasal yang dikutip, misalnya 'Pasal 41' (hanya bersama law)"),
    "use": Field(Enum(SOURCE_USES), False,
                 "adapted (bawaan): teks modul disusun dari sumber ini, jadi lisensinya berlaku; "
                 "cited: hanya dikutip untuk fakta, teks ditulis sendiri"),
}, need_one=("title", "law"))

AUDIENCE = OneOf(Enum(AUDIENCES), Obj({
    "group": Field(Enum(AUDIENCES), True, "peran atau kelompok, misalnya remaja, orang_tua, tokoh_masyarakat"),
    "min_age": Field(Int(minimum=0, maximum=120), False, "usia termuda (tahun); untuk kelompok masyarakat"),
    "max_age": Field(Int(minimum=0, maximum=120), False, "usia tertua (tahun); untuk kelompok masyarakat"),
    "note": Field(Str(max_len=300), False, "catatan, misalnya 'kelompok laki-laki dan perempuan dipisah'"),
}), "id peran atau kelompok, atau {group, min_age, max_age, note}")

MATERIAL = OneOf(Str(max_len=200), Obj({
    "item": Field(Str(max_len=200), True, "nama bahan, misalnya kertas plano"),
    "quantity": Field(Int(minimum=1, maximum=10000), False, "jumlah untuk setiap peserta, kelompok atau kelas"),
    "unit": Field(Enum(UNITS), False, "satuan: " + ", ".join(UNITS)),
    "per": Field(Enum(MATERIAL_PER), False, "peserta, kelompok atau kelas (bawaan: kelas, sekali untuk ruangan)"),
}), "nama bahan, atau {item, quantity, unit, per}")

OBJECTIVE = Obj({
    "id": Field(Id(), True, "id tujuan, huruf kecil dan tanda hubung"),
    "text": Field(Str(max_len=400), True, "tujuan dengan kata kerja yang dapat diukur"),
})

MODULE = Obj({
    "id": Field(Id(), True, "id modul, sama dengan nama folder"),
    "title": Field(Str(max_len=200), True, "judul modul"),
    "summary": Field(Str(max_len=1000), True, "ringkasan satu-dua kalimat untuk katalog"),
    "audience": Field(ListOf(AUDIENCE, min_items=1), True,
                      "siapa pesertanya (satu atau lebih): peran petugas atau kelompok masyarakat dengan rentang usia"),
    "level": Field(Enum(LEVELS), False, "dasar atau lanjutan"),
    "part": Field(Str(max_len=120), False, "bagian di menu, di atas tema; untuk kurikulum besar dengan banyak tema"),
    "group": Field(Str(max_len=120), False, "tema di menu; modul dengan tema yang sama dikelompokkan (berguna bila modul banyak)"),
    "status": Field(Enum(STATUSES), True, "draft, pilot atau stable"),
    "objectives": Field(ListOf(OBJECTIVE, min_items=1), True, "tujuan pembelajaran, masing-masing dengan id"),
    "key_points": Field(ListOf(Str(max_len=400), min_items=1, max_items=MAX_HANDOUT_ITEMS), True, "pesan kunci modul"),
    "prerequisites": Field(ListOf(Id()), False, "id modul yang sebaiknya diikuti lebih dulu"),
    "sessions": Field(ListOf(Id(), min_items=1), True, "urutan sesi: nama berkas .md tanpa akhiran"),
    "quizzes": Field(Obj({
        "self_check": Field(Id(), False, "id bank soal untuk cek mandiri di akhir modul"),
        "pre_post": Field(Id(), False, "id bank soal pre-test/post-test (form A dan B)"),
    }), False, "bank soal yang dipakai modul"),
    "handout": Field(Obj({
        "pages": Field(Int(minimum=1, maximum=2), False, "jumlah halaman A4: 1 atau 2"),
        "what_to_do": Field(ListOf(Str(max_len=400), min_items=1, max_items=MAX_HANDOUT_ITEMS), True, "langkah yang perlu dilakukan pembaca"),
        "key_points": Field(ListOf(Str(max_len=400), max_items=MAX_HANDOUT_ITEMS), False, "pesan kunci di handout; bawaan: key_points modul"),
    }), True, "isi handout cetak"),
    "sources": Field(ListOf(SOURCE, min_items=1), True, "sumber yang dikutip"),
    "content_note": Field(Str(max_len=600), False, "catatan isi singkat dan tenang sebelum materi yang berat"),
    "reviewed": Field(Date(), True, "tanggal terakhir ditinjau"),
    "next_review": Field(Date(), True, "tanggal tinjauan berikutnya"),
    "licence": Field(Str(max_len=100), False, "lisensi modul; bawaan: lisensi situs"),
}, doc="Satu modul pelatihan (modules/<id>/module.yml)")

SUBSTEP = Obj({
    "title": Field(Str(max_len=200), True, "nama bagian langkah"),
    "minutes": Field(Int(minimum=1, maximum=480), True, "lama bagian ini dalam menit"),
    "method": Field(Str(max_len=120), False, "metode bagian ini"),
})

STEP = Obj({
    "title": Field(Str(max_len=200), True, "nama langkah"),
    "minutes": Field(Int(minimum=1, maximum=480), True, "lama langkah dalam menit"),
    "method": Field(Str(max_len=120), False, "metode: ceramah, diskusi, bermain peran, ..."),
    "materials": Field(ListOf(MATERIAL), False, "bahan untuk langkah ini"),
    "heading": Field(Str(max_len=200), False, "judul '##' di teks sesi yang diajarkan langkah ini (diperiksa)"),
    "steps": Field(ListOf(SUBSTEP, min_items=1), False, "bagian langkah dengan menitnya; jumlahnya tidak melebihi langkah"),
})

SESSION = Obj({
    "title": Field(Str(max_len=200), True, "judul sesi"),
    "objectives": Field(ListOf(Id(), min_items=1), True, "id tujuan modul yang dilayani sesi ini"),
    "steps": Field(ListOf(STEP, min_items=1), True, "langkah-langkah sesi dengan menitnya"),
    "minutes": Field(Int(minimum=1, maximum=1440), False, "jangan ditulis: dihitung dari steps (hanya diperiksa)"),
    "materials": Field(ListOf(MATERIAL), False, "bahan untuk seluruh sesi"),
    "worksheets": Field(ListOf(Id()), False, "lembar kerja peserta: nama berkas di lembar/ tanpa .md"),
    "self_care": Field(Bool(), False, "true bila ini sesi perawatan diri peserta"),
    "content_note": Field(Str(max_len=600), False, "catatan isi singkat sebelum materi yang berat"),
}, doc="Bagian depan (front matter) satu sesi")

WORKSHEET = Obj({
    "title": Field(Str(max_len=200), True, "judul lembar"),
    "per": Field(Enum(["peserta", "kelompok"]), False, "satu salinan untuk setiap peserta (bawaan) atau kelompok"),
    "copies": Field(Int(minimum=1, maximum=20), False, "jumlah salinan untuk setiap peserta atau kelompok (bawaan 1)"),
}, doc="Bagian depan satu lembar kerja peserta (modules/<id>/lembar/<nama>.md)")

CONTACT = Obj({
    "name": Field(Str(max_len=200), True, "nama layanan"),
    "id": Field(Id(), False, "nama pendek untuk {{ telepon id }} dan {{ whatsapp id }} di halaman, misalnya sapa-129"),
    "phone": Field(Str(max_len=40), False, "nomor telepon yang sudah dipastikan"),
    "whatsapp": Field(Str(max_len=40), False, "nomor WhatsApp yang sudah dipastikan"),
    "address": Field(Str(max_len=300), False, "alamat kantor"),
    "hours": Field(Str(max_len=200), False, "jam layanan"),
    "note": Field(Str(max_len=300), False, "keterangan singkat"),
})

SETTINGS = Obj({
    "region_id": Field(Id(), False, "wilayah yang dibangun: nama folder di regions/ (make site REGION=<id>)"),
    "organisation": Field(Str(max_len=200), False, "nama lembaga (tanpa region_id); bawaan: uptd dari region.yml"),
    "region": Field(Str(max_len=200), False, "wilayah (tanpa region_id); bawaan: kind dan name dari region.yml"),
    "language": Field(Enum(["id", "en"]), False, "bahasa antarmuka dan pesan: id atau en"),
    "licence": Field(Str(max_len=100), False, "lisensi isi situs"),
    "exit_url": Field(Url(max_len=300), False, "situs netral tujuan tombol Keluar cepat (diawali https://, di host lain)"),
    "quiz_storage": Field(Enum(["off", "opt_in"]), False, "off: jawaban tidak pernah disimpan; opt_in: peserta boleh memilih menyimpan"),
    "help_lines": Field(ListOf(CONTACT, min_items=1), True, "layanan bantuan nasional"),
    "local_contacts": Field(ListOf(CONTACT), False, "layanan setempat yang sudah dipastikan kantor; kosong bila belum"),
    "paper": Field(Enum(["A4"]), False, "ukuran kertas cetak"),
    "require_qr": Field(Bool(), False, "true: handout tanpa kode QR (site_url belum diisi) menjadi peringatan"),
    "review_today": Field(Date(), False, "hanya untuk uji: tanggal 'hari ini' saat memeriksa tanggal tinjauan"),
    "edition": Field(Enum(["public", "trainer"]), False,
                     "public: situs publik dan peserta (tanpa soal tes, kunci jawaban dan paket pelatih); "
                     "trainer: kit pelatih lengkap (make trainer)"),
    "trainer_views": Field(Enum(["kit", "public"]), False,
                           "kit: tampilan pelatih tiap sesi hanya di kit pelatih; public: juga di situs publik"),
    "jp_minutes": Field(Int(minimum=1, maximum=120), False,
                        "menit per jam pelajaran (JP) di sertifikat; bawaan 45 seperti pelatihan pemerintah"),
}, doc="Pengaturan situs (extra.lindungi di mkdocs.yml)")

LAW = Obj({
    "id": Field(Id(), True, "id peraturan, misalnya uu-12-2022 (jenis-nomor-tahun)"),
    "title": Field(Str(max_len=400), True, "judul resmi lengkap"),
    "kind": Field(Enum(LAW_KINDS), True, "jenis peraturan"),
    "number": Field(Str(max_len=40), True, "nomor peraturan"),
    "year": Field(Int(minimum=1900, maximum=2100), True, "tahun peraturan"),
    "status": Field(Enum(LAW_STATUSES), True, "in_force (berlaku), amended (sudah diubah) atau revoked (dicabut)"),
    "amended_by": Field(ListOf(Id(), min_items=1), False, "id peraturan yang mengubahnya (wajib bila status amended)"),
    "revoked_by": Field(ListOf(Id(), min_items=1), False, "id peraturan yang mencabutnya (wajib bila status revoked)"),
    "url": Field(Str(max_len=500), True, "alamat sumber resmi (https://...), misalnya halaman peraturan.bpk.go.id"),
    "checked": Field(Date(), False, "tanggal terakhir status dan alamatnya diperiksa; kosongkan bila belum pernah"),
    "note": Field(Str(max_len=600), False, "catatan untuk tinjauan hukum kantor"),
}, doc="Satu peraturan dalam daftar laws.yml")

LAWS = Obj({
    "laws": Field(ListOf(LAW, min_items=1), True, "daftar peraturan yang dikutip isi situs"),
}, doc="Daftar peraturan (laws.yml di folder proyek)")

# A place on the referral pathway: a contact's keys, named as an institution (no placeholder id).
REFERRAL_PLACE = Obj({
    "name": Field(Str(max_len=200), True, "nama lembaga rujukan, misalnya Unit PPA Polres ..."),
    **{key: field for key, field in CONTACT.fields.items() if key not in ("name", "id")},
})

REGION = Obj({
    "id": Field(Id(), True, "id wilayah, sama dengan nama folder di regions/"),
    "kind": Field(Enum(["Kabupaten", "Kota"]), True, "Kabupaten atau Kota"),
    "name": Field(Str(max_len=100), True, "nama kabupaten/kota tanpa 'Kabupaten' atau 'Kota'"),
    "province": Field(Str(max_len=100), True, "provinsi, misalnya Jawa Timur"),
    "uptd": Field(Str(max_len=200), True, "nama UPTD PPA, misalnya 'UPTD PPA Kabupaten' dan nama wilayah"),
    "office": Field(Str(max_len=300), False, "nama lengkap dinas yang membawahi UPTD PPA"),
    "office_short": Field(Str(max_len=60), False, "singkatan nama dinas itu"),
    "address": Field(Str(max_len=300), False, "alamat UPTD PPA yang sudah dipastikan"),
    "site_url": Field(Str(max_len=300), False, "alamat situs wilayah ini (https://...); mengisi kode QR handout"),
    "logo": Field(Str(max_len=200), False, "berkas logo di folder wilayah: PNG, SVG atau JPEG, misalnya logo.svg"),
    "other_names": Field(ListOf(Str(max_len=100)), False,
                         "ejaan lain nama wilayah yang tidak boleh ada di isi bersama, misalnya nama tanpa 'Kabupaten'"),
    "local_contacts": Field(ListOf(CONTACT), False, "layanan setempat yang sudah dipastikan kantor; kosong bila belum"),
    "referral": Field(Obj({
        "note": Field(Str(max_len=600), False, "satu-dua kalimat tentang alur rujukan setempat"),
        "police": Field(REFERRAL_PLACE, False, "unit PPA kepolisian setempat"),
        "hospital": Field(REFERRAL_PLACE, False, "layanan terpadu rumah sakit setempat"),
        "social": Field(REFERRAL_PLACE, False, "Dinas Sosial setempat"),
        "court": Field(REFERRAL_PLACE, False, "pengadilan negeri atau agama setempat"),
    }), False, "alur rujukan setempat (semua bagian boleh kosong)"),
}, doc="Fakta satu wilayah (regions/<id>/region.yml)")
