"""The catalogue of build messages, in Indonesian (default) and English.

Each rule id maps to a language, then to the parts of one message: `what` is wrong, what was `expected`, what was
`found`, and the `fix`. Parameters in braces are filled by `problems.format_message`. Message text is API: tests assert
whole lines, so change a text here and in the tests together.
"""

WORDS = {
    "id": {
        "expected": "seharusnya",
        "found": "ditemukan",
        "fix": "Perbaikan",
        "error": "galat",
        "warning": "peringatan",
        "summary": "{errors} galat, {warnings} peringatan dalam {files} berkas.",
    },
    "en": {
        "expected": "expected",
        "found": "found",
        "fix": "Fix",
        "error": "error",
        "warning": "warning",
        "summary": "{errors} errors, {warnings} warnings in {files} files.",
    },
}

TYPE_WORDS = {
    "id": {
        "text": "teks",
        "int": "bilangan bulat",
        "number": "angka",
        "bool": "true atau false",
        "list": "daftar (baris berawalan '- ')",
        "mapping": "pemetaan (baris 'kunci: nilai')",
        "date": "tanggal (TTTT-BB-HH)",
        "time": "jam (JJ:MM)",
        "none": "nilai kosong",
        "module": "modul",
        "session": "sesi",
        "quiz": "kuis",
        "objective": "tujuan pembelajaran",
        "question": "soal",
        "option": "pilihan",
        "workshop": "pelatihan",
        "form": "form",
        "folder": "folder",
        "file": "berkas",
        "law": "peraturan",
        "contact": "kontak",
        "region": "wilayah",
    },
    "en": {
        "text": "text",
        "int": "a whole number",
        "number": "a number",
        "bool": "true or false",
        "list": "a list (lines starting with '- ')",
        "mapping": "a mapping ('key: value' lines)",
        "date": "a date (YYYY-MM-DD)",
        "time": "a time (HH:MM)",
        "none": "an empty value",
        "module": "module",
        "session": "session",
        "quiz": "quiz",
        "objective": "learning objective",
        "question": "question",
        "option": "option",
        "workshop": "workshop",
        "form": "form",
        "folder": "folder",
        "file": "file",
        "law": "law",
        "contact": "contact",
        "region": "region",
    },
}

# Fix hints and other phrases that carry parameters (see problems.Phrase).
PHRASES = {
    "id": {
        "replace-with": "ganti dengan '{best}'",
        "check-spelling": "periksa ejaannya",
        "pick-value": "pilih salah satu nilai yang tersedia",
        "remove-key": "hapus kunci ini atau periksa ejaannya",
        "block-name": "pakai salah satu nama blok yang tersedia (huruf kecil)",
        "outside-blocks": "luar blok {blocks}",
        "inside-blocks": "di dalam blok {blocks}",
        "move-into": "pindahkan blok '{name}' ke dalam blok {parent}",
        "public-page": "halaman publik",
        "session-page": "sesi modul",
        "all-readers-block": "blok untuk semua pembaca",
        "move-trainer-note": "pindahkan catatan pelatih ke sesi modul, atau hapus blok ini",
        "existing-module": "tulis id modul yang ada di folder modules/",
        "create-quiz": "buat quizzes/<id>.yml atau perbaiki id-nya",
        "module-objective": "pakai id dari 'objectives' di module.yml",
        "bank-objective": "pakai id tujuan dari module.yml yang memakai bank ini",
        "quiz-block": "tulis '::: quiz <id bank soal>'",
        "module-session": "tulis id sesi dari 'sessions' modul {module}",
        "law-registry": "tambahkan peraturan itu ke laws.yml (lihat panduan penulis) atau perbaiki id-nya",
        "url-https": "alamat lengkap yang diawali https://",
        "url-http": "alamat lengkap yang diawali https:// atau http://",
        "url-add-scheme": "tulis '{best}' (alamat lengkap dengan https://)",
        "url-bad-scheme": "pakai alamat web yang diawali https://; alamat javascript:, data: dan vbscript: tidak pernah diizinkan",
        "url-write-whole": "tulis alamat lengkap tanpa spasi, tanda kutip atau kurung sudut, misalnya https://www.bmkg.go.id/",
        "contact-id": "pakai id kontak dari help_lines atau local_contacts di mkdocs.yml, atau tambahkan 'id' pada kontak itu",
        "place-file": "letakkan berkas itu di folder modul, di samping berkas sesi, atau perbaiki nama berkas pada tautan "
                      "(huruf besar dan kecil dibedakan)",
    },
    "en": {
        "replace-with": "replace it with '{best}'",
        "check-spelling": "check the spelling",
        "pick-value": "pick one of the allowed values",
        "remove-key": "remove this key or check its spelling",
        "block-name": "use one of the block names (lower case)",
        "outside-blocks": "outside a {blocks} block",
        "inside-blocks": "inside a {blocks} block",
        "move-into": "move the '{name}' block into a {parent} block",
        "public-page": "a public page",
        "session-page": "a module session",
        "all-readers-block": "a block for all readers",
        "move-trainer-note": "move trainer notes into a module session, or remove this block",
        "existing-module": "write the id of a module in the modules/ folder",
        "create-quiz": "create quizzes/<id>.yml or correct the id",
        "module-objective": "use an id from 'objectives' in module.yml",
        "bank-objective": "use an objective id from the module.yml that uses this bank",
        "quiz-block": "write '::: quiz <quiz bank id>'",
        "module-session": "write a session id from 'sessions' of module {module}",
        "law-registry": "add that law to laws.yml (see the authoring guide) or correct the id",
        "url-https": "a whole address starting with https://",
        "url-http": "a whole address starting with https:// or http://",
        "url-add-scheme": "write '{best}' (the whole address with https://)",
        "url-bad-scheme": "use a web address starting with https://; javascript:, data: and vbscript: addresses are never allowed",
        "place-file": "put that file in the module's folder, beside the session files, or correct the file name in the "
                      "link (upper and lower case differ)",
        "url-write-whole": "write the whole address without spaces, quotes or angle brackets, e.g. https://www.bmkg.go.id/",
        "contact-id": "use a contact id from help_lines or local_contacts in mkdocs.yml, or give that contact an 'id'",
    },
}

MESSAGES = {
    # --- YAML and file shape -------------------------------------------------------------------------------------
    "yaml-syntax": {
        "id": {"what": "YAML tidak dapat dibaca di kolom {column} ({detail})",
               "fix": "periksa titik dua, tanda kutip dan indentasi (pakai spasi, bukan tab) pada baris ini dan baris sebelumnya"},
        "en": {"what": "the YAML cannot be read at column {column} ({detail})",
               "fix": "check colons, quotes and indentation (spaces, not tabs) on this line and the one before"},
    },
    "yaml-duplicate-key": {
        "id": {"what": "kunci '{key}' ditulis dua kali", "fix": "hapus salah satunya; nilai kedua menimpa yang pertama"},
        "en": {"what": "key '{key}' is written twice", "fix": "remove one of them; the second silently replaces the first"},
    },
    "yaml-alias": {
        "id": {"what": "alias YAML '{detail}' tidak diizinkan", "expected": "setiap nilai ditulis lengkap",
               "found": "alias '{detail}'",
               "fix": "tulis ulang nilainya di sini; hapus juga tanda jangkar '&nama' yang dirujuk (batas, lihat panduan penulis)"},
        "en": {"what": "the YAML alias '{detail}' is not allowed", "expected": "every value written out in full",
               "found": "alias '{detail}'",
               "fix": "write the value out here; remove the '&name' anchor it refers to as well (limits: see the authoring guide)"},
    },
    "yaml-too-deep": {
        "id": {"what": "daftar atau pemetaan bersarang terlalu dalam", "expected": "paling dalam {detail} tingkat",
               "found": "lebih dari {detail} tingkat",
               "fix": "periksa indentasi dan tanda kurung siku dan kurawal pada baris ini; isi yang benar tidak pernah sedalam ini"},
        "en": {"what": "lists or mappings are nested too deeply", "expected": "at most {detail} levels",
               "found": "more than {detail} levels",
               "fix": "check the indentation and the square and curly brackets on this line; valid content is never this deep"},
    },
    "yaml-too-many-items": {
        "id": {"what": "daftar atau pemetaan terlalu panjang", "expected": "paling banyak {maximum} butir",
               "found": "{detail} butir", "fix": "bagi isinya ke beberapa berkas (misalnya beberapa modul atau bank soal)"},
        "en": {"what": "a list or mapping is too long", "expected": "at most {maximum} items",
               "found": "{detail} items", "fix": "split the content over several files (several modules or quiz banks, say)"},
    },
    "list-too-long": {
        "id": {"what": "daftar '{key}' terlalu panjang", "expected": "paling banyak {maximum} butir",
               "found": "{length} butir", "fix": "pilih butir yang paling penting; handout hanya satu atau dua halaman"},
        "en": {"what": "the list '{key}' is too long", "expected": "at most {maximum} items",
               "found": "{length} items", "fix": "keep the most important items; a handout has one or two pages"},
    },
    "file-too-large": {
        "id": {"what": "berkas terlalu besar", "expected": "paling besar {maximum} KB", "found": "{size} KB",
               "fix": "bagi isinya ke beberapa berkas, atau periksa apakah ada isi yang tersalin berulang"},
        "en": {"what": "the file is too large", "expected": "at most {maximum} KB", "found": "{size} KB",
               "fix": "split the content over several files, or check for content pasted many times"},
    },
    "not-a-file": {
        "id": {"what": "'{value}' bukan berkas biasa", "expected": "berkas teks", "found": "{found}",
               "fix": "hapus atau ganti nama '{value}', lalu simpan isinya sebagai berkas teks biasa"},
        "en": {"what": "'{value}' is not a regular file", "expected": "a text file", "found": "{found}",
               "fix": "remove or rename '{value}', then save its content as a plain text file"},
    },
    "not-utf8": {
        "id": {"what": "berkas bukan teks UTF-8: byte {byte} di kolom {column} tidak dapat dibaca",
               "fix": "simpan ulang berkas sebagai UTF-8 (di editor: Save with Encoding > UTF-8), lalu periksa huruf di baris ini"},
        "en": {"what": "the file is not UTF-8 text: byte {byte} at column {column} cannot be read",
               "fix": "save the file again as UTF-8 (in the editor: Save with Encoding > UTF-8), then check the letters on this line"},
    },
    "empty-file": {
        "id": {"what": "berkas kosong", "expected": "{expected}", "found": "berkas tanpa isi",
               "fix": "isi berkas ini, atau salin contoh dari panduan penulis"},
        "en": {"what": "the file is empty", "expected": "{expected}", "found": "no content",
               "fix": "fill in this file, or copy the example from the authoring guide"},
    },
    "top-level-type": {
        "id": {"what": "isi berkas berjenis salah", "expected": "{expected}", "found": "{found}",
               "fix": "mulai berkas dengan baris 'kunci: nilai', seperti contoh di panduan penulis"},
        "en": {"what": "the file holds the wrong kind of value", "expected": "{expected}", "found": "{found}",
               "fix": "start the file with 'key: value' lines, as in the authoring guide's example"},
    },
    "wrong-type": {
        "id": {"what": "nilai '{key}' berjenis salah", "expected": "{expected}", "found": "{found}",
               "fix": "tulis '{key}' sebagai {expected}"},
        "en": {"what": "the value of '{key}' has the wrong type", "expected": "{expected}", "found": "{found}",
               "fix": "write '{key}' as {expected}"},
    },
    "missing-key": {
        "id": {"what": "kunci wajib '{key}' tidak ada", "fix": "tambahkan '{key}:' ({doc})"},
        "en": {"what": "required key '{key}' is missing", "fix": "add '{key}:' ({doc})"},
    },
    "unknown-key": {
        "id": {"what": "kunci '{key}' tidak dikenal", "expected": "salah satu dari {allowed}", "found": "'{key}'",
               "fix": "{hint}"},
        "en": {"what": "unknown key '{key}'", "expected": "one of {allowed}", "found": "'{key}'", "fix": "{hint}"},
    },
    "bad-choice": {
        "id": {"what": "nilai '{key}' tidak dikenal", "expected": "salah satu dari {allowed}", "found": "{value}",
               "fix": "{hint}"},
        "en": {"what": "unknown value for '{key}'", "expected": "one of {allowed}", "found": "{value}", "fix": "{hint}"},
    },
    "empty-value": {
        "id": {"what": "'{key}' kosong", "fix": "isi '{key}' atau hapus kuncinya bila tidak wajib"},
        "en": {"what": "'{key}' is empty", "fix": "fill in '{key}' or remove the key if it is optional"},
    },
    "text-too-long": {
        "id": {"what": "teks '{key}' terlalu panjang", "expected": "paling banyak {maximum} karakter",
               "found": "{length} karakter", "fix": "persingkat teks ini"},
        "en": {"what": "the text of '{key}' is too long", "expected": "at most {maximum} characters",
               "found": "{length} characters", "fix": "shorten this text"},
    },
    "number-range": {
        "id": {"what": "angka '{key}' di luar batas", "expected": "antara {minimum} dan {maximum}", "found": "{value}",
               "fix": "pakai angka dalam batas itu"},
        "en": {"what": "number '{key}' is out of range", "expected": "between {minimum} and {maximum}",
               "found": "{value}", "fix": "use a number in that range"},
    },
    "bad-id": {
        "id": {"what": "id {value} tidak sah",
               "expected": "huruf kecil, angka dan tanda hubung, diawali huruf (misalnya 'dukungan-awal')",
               "found": "{value}", "fix": "tulis ulang id dengan huruf kecil dan tanda hubung"},
        "en": {"what": "id {value} is not valid",
               "expected": "lower-case letters, digits and hyphens, starting with a letter (e.g. 'first-support')",
               "found": "{value}", "fix": "rewrite the id with lower-case letters and hyphens"},
    },
    "id-mismatch": {
        "id": {"what": "id tidak sama dengan nama {where}", "expected": "{expected}", "found": "{value}",
               "fix": "samakan id dengan nama {where} (id juga menjadi alamat halaman)"},
        "en": {"what": "the id differs from the {where} name", "expected": "{expected}", "found": "{value}",
               "fix": "make the id equal to the {where} name (the id is also the page address)"},
    },
    "duplicate-id": {
        "id": {"what": "{kind} dengan id {value} sudah ada di {other}", "fix": "beri id yang berbeda"},
        "en": {"what": "{kind} id {value} is already used at {other}", "fix": "give it a different id"},
    },
    "unknown-ref": {
        "id": {"what": "{kind} {value} tidak ditemukan", "expected": "salah satu dari {allowed}", "found": "{value}",
               "fix": "{hint}"},
        "en": {"what": "{kind} {value} does not exist", "expected": "one of {allowed}", "found": "{value}",
               "fix": "{hint}"},
    },
    "bad-date": {
        "id": {"what": "tanggal '{key}' tidak sah", "expected": "tanggal TTTT-BB-HH, misalnya 2026-12-01",
               "found": "{value}", "fix": "tulis tanggal dengan format TTTT-BB-HH"},
        "en": {"what": "date '{key}' is not valid", "expected": "a date YYYY-MM-DD, e.g. 2026-12-01",
               "found": "{value}", "fix": "write the date as YYYY-MM-DD"},
    },
    "bad-time": {
        "id": {"what": "jam '{key}' tidak sah", "expected": "jam JJ:MM dalam tanda kutip, misalnya \"08:00\"",
               "found": "{value}", "fix": "tulis jam sebagai \"JJ:MM\" dalam tanda kutip"},
        "en": {"what": "time '{key}' is not valid", "expected": "a time \"HH:MM\" in quotes, e.g. \"08:00\"",
               "found": "{value}", "fix": "write the time as \"HH:MM\" in quotes"},
    },
    # --- modules and sessions ------------------------------------------------------------------------------------
    "module-file-missing": {
        "id": {"what": "folder modul tanpa module.yml", "fix": "tambahkan module.yml (jalankan scripts/new_module.py untuk contoh) atau hapus folder ini"},
        "en": {"what": "module folder without module.yml", "fix": "add module.yml (scripts/new_module.py writes one) or remove this folder"},
    },
    "session-file-missing": {
        "id": {"what": "berkas sesi {value} tidak ada", "expected": "berkas {expected}", "found": "berkas itu tidak ada",
               "fix": "buat berkas itu, atau perbaiki nama sesi di 'sessions'"},
        "en": {"what": "session file {value} does not exist", "expected": "a file {expected}", "found": "no such file",
               "fix": "create that file, or correct the session name in 'sessions'"},
    },
    "substeps-exceed": {
        "id": {"what": "bagian-bagian langkah {value} lebih lama dari langkahnya",
               "expected": "paling lama {expected} menit ('minutes' langkah itu)", "found": "{found} menit",
               "fix": "perpendek bagian langkah, atau naikkan 'minutes' langkah itu"},
        "en": {"what": "the sub-steps of step {value} take longer than the step",
               "expected": "at most {expected} minutes (the step's 'minutes')", "found": "{found} minutes",
               "fix": "shorten the sub-steps, or raise the step's 'minutes'"},
    },
    "step-heading-unknown": {
        "id": {"what": "'heading' langkah {value} tidak menyebut judul '##' di teks sesi",
               "expected": "salah satu dari {allowed}", "found": "{value}", "fix": "{hint}"},
        "en": {"what": "the 'heading' of step {value} names no '##' heading of the session text",
               "expected": "one of {allowed}", "found": "{value}", "fix": "{hint}"},
    },
    "step-heading-order": {
        "id": {"what": "langkah dan judul di teks sesi tidak berurutan sama: judul {value} datang sebelum {found}",
               "fix": "urutkan langkah seperti urutan judulnya di teks sesi, atau pindahkan bagian teksnya"},
        "en": {"what": "the steps and the session text's headings are in a different order: heading {value} comes "
                       "before {found}",
               "fix": "order the steps as their headings appear in the session text, or move that part of the text"},
    },
    "worksheet-missing": {
        "id": {"what": "lembar kerja {value} tidak ditemukan", "expected": "berkas {expected}",
               "found": "lembar yang ada: {allowed}",
               "fix": "buat berkas itu (bagian depan dengan 'title', lalu isi lembarnya) atau perbaiki namanya"},
        "en": {"what": "worksheet {value} does not exist", "expected": "a file {expected}",
               "found": "worksheets present: {allowed}",
               "fix": "create that file (front matter with 'title', then the sheet's text) or correct the name"},
    },
    "worksheet-not-used": {
        "id": {"what": "lembar kerja {value} tidak dipakai sesi mana pun",
               "fix": "tambahkan {value} ke 'worksheets' sesi yang memakainya, atau hapus berkasnya"},
        "en": {"what": "worksheet {value} is used by no session",
               "fix": "add {value} to 'worksheets' of the session that uses it, or remove the file"},
    },
    "audience-age-order": {
        "id": {"what": "rentang usia peserta {value} terbalik", "expected": "min_age tidak lebih besar dari max_age",
               "found": "{found}", "fix": "tukar kedua angka itu"},
        "en": {"what": "the age range of audience {value} is reversed", "expected": "min_age no greater than max_age",
               "found": "{found}", "fix": "swap the two numbers"},
    },
    "audience-age-staff": {
        "id": {"what": "peserta {value} adalah peran petugas, bukan kelompok masyarakat, jadi tidak memakai rentang usia",
               "expected": "min_age dan max_age hanya untuk {allowed}",
               "fix": "hapus min_age dan max_age; tulis catatan lain di 'note'"},
        "en": {"what": "audience {value} is a staff role, not a community group, so it takes no age range",
               "expected": "min_age and max_age only for {allowed}",
               "fix": "remove min_age and max_age; write other remarks in 'note'"},
    },
    "licence-source-noncommercial": {
        "id": {"what": "sumber ini berlisensi nonkomersial ({value}), tetapi modul memakai lisensi {found} yang "
                       "mengizinkan pemakaian komersial",
               "expected": "lisensi modul sama dengan lisensi sumber yang diadaptasi",
               "fix": "hapus 'licence' modul agar lisensinya diturunkan dari sumber, tulis 'licence: {value}' di "
                      "module.yml, atau tulis 'use: cited' bila teks modul tidak diadaptasi dari sumber ini"},
        "en": {"what": "this source has a non-commercial licence ({value}), but the module uses licence {found}, which "
                       "allows commercial use",
               "expected": "the module's licence matches the licence of the source it adapts",
               "fix": "remove the module's 'licence' so it is derived from its sources, write 'licence: {value}' in "
                      "module.yml, or write 'use: cited' if the module's text is not adapted from this source"},
    },
    "licence-source-unknown": {
        "id": {"what": "lisensi sumber {value} tidak diketahui, sehingga lisensi modul ({found}) bisa mengklaim lebih "
                       "dari yang diizinkan sumber",
               "fix": "tulis 'licence' sumber dari halaman penerbitnya, atau 'use: cited' bila sumber ini hanya dikutip "
                      "untuk fakta dan teks modul ditulis sendiri"},
        "en": {"what": "the licence of source {value} is unknown, so the module's licence ({found}) may claim more than "
                       "the source allows",
               "fix": "write the source's 'licence' from its publisher's page, or 'use: cited' if the source is only "
                      "cited for facts and the module's text is written anew"},
    },
    "linked-file-missing": {
        "id": {"what": "berkas {value} yang ditautkan sesi ini tidak ada", "expected": "berkas {expected}",
               "found": "berkas itu tidak ada", "fix": "{hint}"},
        "en": {"what": "the file {value} linked from this session does not exist", "expected": "a file {expected}",
               "found": "no such file", "fix": "{hint}"},
    },
    "session-not-listed": {
        "id": {"what": "berkas sesi {value} tidak tercantum di 'sessions' pada module.yml",
               "fix": "tambahkan {value} ke 'sessions', atau hapus berkasnya"},
        "en": {"what": "session file {value} is not listed under 'sessions' in module.yml",
               "fix": "add {value} to 'sessions', or remove the file"},
    },
    "front-matter-missing": {
        "id": {"what": "berkas sesi tanpa bagian depan (front matter)",
               "expected": "baris '---', kunci 'title' dan 'steps', lalu '---'", "found": "teks biasa",
               "fix": "awali berkas dengan blok '---' seperti contoh di panduan penulis"},
        "en": {"what": "session file without front matter",
               "expected": "a '---' line, keys 'title' and 'steps', then '---'", "found": "plain text",
               "fix": "start the file with a '---' block as in the authoring guide"},
    },
    "minutes-mismatch": {
        "id": {"what": "'minutes' sesi tidak sama dengan jumlah menit langkah-langkahnya",
               "expected": "{expected} menit (dijumlahkan dari 'steps')", "found": "{value} menit",
               "fix": "hapus 'minutes': durasi sesi dihitung otomatis dari 'steps'"},
        "en": {"what": "the session's 'minutes' differ from the sum of its steps",
               "expected": "{expected} minutes (summed from 'steps')", "found": "{value} minutes",
               "fix": "remove 'minutes': the session length is computed from 'steps'"},
    },
    "unknown-block": {
        "id": {"what": "blok {value} tidak dikenal", "expected": "salah satu dari {allowed}", "found": "{value}",
               "fix": "{hint}"},
        "en": {"what": "unknown block {value}", "expected": "one of {allowed}", "found": "{value}", "fix": "{hint}"},
    },
    "block-unclosed": {
        "id": {"what": "blok {value} dibuka tetapi tidak ditutup", "fix": "tambahkan baris ':::' di akhir blok ini"},
        "en": {"what": "block {value} is opened but never closed", "fix": "add a ':::' line at the end of this block"},
    },
    "block-stray-close": {
        "id": {"what": "baris ':::' menutup blok yang tidak pernah dibuka",
               "fix": "hapus baris ini, atau buka blok di atasnya dengan '::: nama'"},
        "en": {"what": "a ':::' line closes a block that was never opened",
               "fix": "remove this line, or open a block above it with '::: name'"},
    },
    "block-misplaced": {
        "id": {"what": "blok {value} tidak boleh berada di {where}", "expected": "{expected}",
               "found": "{found}", "fix": "{hint}"},
        "en": {"what": "block {value} is not allowed in {where}", "expected": "{expected}", "found": "{found}",
               "fix": "{hint}"},
    },
    "block-needs-body": {
        "id": {"what": "blok {value} kosong", "fix": "tulis isi blok di antara '::: {name}' dan ':::'"},
        "en": {"what": "block {value} is empty", "fix": "write the block's content between '::: {name}' and ':::'"},
    },
    "local-contacts-empty": {
        "id": {"what": "kontak layanan setempat belum diisi, padahal {where} memakainya",
               "fix": "isi local_contacts di regions/<id>/region.yml (atau extra.lindungi.local_contacts di mkdocs.yml) dengan nomor yang sudah dipastikan kantor (jangan menebak nomor)"},
        "en": {"what": "local service contacts are not configured, but {where} uses them",
               "fix": "fill local_contacts in regions/<id>/region.yml (or extra.lindungi.local_contacts in mkdocs.yml) with numbers the office has confirmed (never guess a number)"},
    },
    "objective-unserved": {
        "id": {"what": "tujuan {value} tidak dilayani sesi atau soal mana pun",
               "fix": "cantumkan {value} di 'objectives' sebuah sesi atau di 'objective' sebuah soal, atau hapus tujuan ini"},
        "en": {"what": "objective {value} is served by no session and no question",
               "fix": "list {value} under a session's 'objectives' or a question's 'objective', or remove it"},
    },
    "review-overdue": {
        "id": {"what": "tanggal tinjauan berikutnya {value} sudah lewat",
               "fix": "tinjau ulang isi modul, lalu perbarui 'reviewed' dan 'next_review'"},
        "en": {"what": "the next review date {value} has passed",
               "fix": "review the module, then update 'reviewed' and 'next_review'"},
    },
    "review-order": {
        "id": {"what": "'next_review' jatuh sebelum 'reviewed'", "expected": "tanggal sesudah {expected}",
               "found": "{value}", "fix": "perbaiki salah satu tanggal"},
        "en": {"what": "'next_review' is before 'reviewed'", "expected": "a date after {expected}",
               "found": "{value}", "fix": "correct one of the dates"},
    },
    "prerequisite-cycle": {
        "id": {"what": "prasyarat modul membentuk lingkaran: {value}", "fix": "hapus salah satu prasyarat dalam lingkaran itu"},
        "en": {"what": "module prerequisites form a cycle: {value}", "fix": "remove one prerequisite from that cycle"},
    },
    # --- settings ------------------------------------------------------------------------------------------------
    "contact-no-channel": {
        "id": {"what": "kontak {value} tidak punya nomor telepon, WhatsApp maupun alamat",
               "fix": "isi 'phone', 'whatsapp' atau 'address', atau hapus kontak ini"},
        "en": {"what": "contact {value} has no phone, WhatsApp or address",
               "fix": "fill in 'phone', 'whatsapp' or 'address', or remove this contact"},
    },
    "bad-phone": {
        "id": {"what": "nomor {value} tidak sah", "expected": "angka saja, boleh diawali '+' dan dipisah spasi atau '-'",
               "found": "{value}", "fix": "tulis nomor yang sudah dipastikan, hanya dengan angka"},
        "en": {"what": "number {value} is not valid", "expected": "digits only, optionally a leading '+', spaces or '-'",
               "found": "{value}", "fix": "write the confirmed number with digits only"},
    },
    "bad-url": {
        "id": {"what": "alamat '{key}' tidak sah", "expected": "{expected}", "found": "{value}", "fix": "{hint}"},
        "en": {"what": "the address '{key}' is not valid", "expected": "{expected}", "found": "{value}", "fix": "{hint}"},
    },
    "exit-url-own-site": {
        "id": {"what": "tombol Keluar cepat menuju situs ini sendiri", "expected": "situs netral di host lain",
               "found": "{value}", "fix": "pakai situs netral seperti https://www.bmkg.go.id/ (orang yang berisiko harus benar-benar keluar)"},
        "en": {"what": "the quick exit button leads to this site itself", "expected": "a neutral site on another host",
               "found": "{value}", "fix": "use a neutral site such as https://www.bmkg.go.id/ (a person at risk must really leave)"},
    },
    # --- regions ---------------------------------------------------------------------------------------------------
    "region-file-missing": {
        "id": {"what": "folder wilayah {value} tidak punya region.yml",
               "fix": "salin regions/contoh/region.yml ke folder itu lalu isi faktanya, atau hapus folder itu"},
        "en": {"what": "region folder {value} has no region.yml",
               "fix": "copy regions/contoh/region.yml into that folder and fill in its facts, or remove the folder"},
    },
    "region-unknown": {
        "id": {"what": "wilayah {value} tidak ada di folder regions/", "expected": "salah satu dari {allowed}",
               "found": "{value}", "fix": "{hint}; wilayah baru: salin regions/contoh ke regions/<id> dan isi region.yml"},
        "en": {"what": "region {value} does not exist under regions/", "expected": "one of {allowed}",
               "found": "{value}", "fix": "{hint}; a new region: copy regions/contoh to regions/<id> and fill in region.yml"},
    },
    "region-logo-missing": {
        "id": {"what": "berkas logo {value} tidak ditemukan", "expected": "berkas di folder {folder}",
               "fix": "letakkan berkas logo di {folder} atau perbaiki nama di 'logo:'"},
        "en": {"what": "logo file {value} was not found", "expected": "a file in the folder {folder}",
               "fix": "put the logo file in {folder} or correct the name in 'logo:'"},
    },
    "region-logo-not-image": {
        "id": {"what": "logo {value} bukan gambar", "expected": "berkas PNG, SVG atau JPEG", "found": "{found}",
               "fix": "simpan logo sebagai PNG atau SVG (misalnya logo.png) dan tulis namanya di 'logo:'"},
        "en": {"what": "logo {value} is not an image", "expected": "a PNG, SVG or JPEG file", "found": "{found}",
               "fix": "save the logo as PNG or SVG (for example logo.png) and name it in 'logo:'"},
    },
    "region-bad-url": {
        "id": {"what": "site_url {value} bukan alamat web", "expected": "alamat yang diawali https:// atau http://",
               "found": "{value}", "fix": "tulis alamat lengkap situs, misalnya https://pelatihan.contoh.go.id/"},
        "en": {"what": "site_url {value} is not a web address", "expected": "an address starting with https:// or http://",
               "found": "{value}", "fix": "write the site's full address, for example https://pelatihan.contoh.go.id/"},
    },
    "region-name-in-shared": {
        "id": {"what": "isi bersama menyebut nama wilayah {value} (dari {other})",
               "fix": "tulis {hint}, atau pindahkan teks khusus wilayah ini ke {folder}/docs/"},
        "en": {"what": "shared content names the region {value} (from {other})",
               "fix": "write {hint} instead, or move this region-only text to {folder}/docs/"},
    },
    "placeholder-unknown": {
        "id": {"what": "isian {value} tidak dikenal", "expected": "salah satu dari {allowed}", "found": "{value}",
               "fix": "{hint}"},
        "en": {"what": "unknown placeholder {value}", "expected": "one of {allowed}", "found": "{value}", "fix": "{hint}"},
    },
    "placeholder-empty": {
        "id": {"what": "isian {value} kosong untuk wilayah {region}",
               "fix": "isi '{key}:' di {other}, atau pindahkan kalimat ini ke halaman wilayah (regions/<id>/docs/)"},
        "en": {"what": "placeholder {value} is empty for region {region}",
               "fix": "fill in '{key}:' in {other}, or move this sentence to a region page (regions/<id>/docs/)"},
    },
    # --- quiz banks ---------------------------------------------------------------------------------------------
    "quiz-key-type": {
        "id": {"what": "kunci '{key}' tidak berlaku untuk soal jenis '{qtype}'", "expected": "hanya untuk jenis {allowed}",
               "found": "jenis '{qtype}'", "fix": "hapus '{key}' atau ganti 'type' soal ini"},
        "en": {"what": "key '{key}' does not apply to a '{qtype}' question", "expected": "only for types {allowed}",
               "found": "type '{qtype}'", "fix": "remove '{key}' or change the question's 'type'"},
    },
    "quiz-missing-key": {
        "id": {"what": "soal jenis '{qtype}' tidak punya '{key}'", "fix": "tambahkan '{key}:' ke soal ini (lihat contoh di panduan penulis)"},
        "en": {"what": "a '{qtype}' question has no '{key}'", "fix": "add '{key}:' to this question (see the authoring guide)"},
    },
    "quiz-single-correct": {
        "id": {"what": "soal {question} (jenis '{qtype}') harus punya tepat satu pilihan benar", "expected": "1 pilihan dengan 'correct: true'",
               "found": "{count}", "fix": "tandai tepat satu pilihan dengan 'correct: true', atau ubah jenis soal menjadi 'multiple'"},
        "en": {"what": "question {question} ('{qtype}') must have exactly one correct option", "expected": "1 option with 'correct: true'",
               "found": "{count}", "fix": "mark exactly one option 'correct: true', or make the question type 'multiple'"},
    },
    "quiz-no-correct": {
        "id": {"what": "soal {question} (jenis 'multiple') tidak punya pilihan benar", "expected": "paling sedikit 1 pilihan dengan 'correct: true'",
               "found": "0", "fix": "tandai pilihan yang benar dengan 'correct: true'"},
        "en": {"what": "question {question} ('multiple') has no correct option", "expected": "at least 1 option with 'correct: true'",
               "found": "0", "fix": "mark the correct options with 'correct: true'"},
    },
    "quiz-too-few": {
        "id": {"what": "soal {question} punya terlalu sedikit pilihan", "expected": "paling sedikit {minimum}", "found": "{count}",
               "fix": "tambahkan pilihan"},
        "en": {"what": "question {question} has too few options", "expected": "at least {minimum}", "found": "{count}",
               "fix": "add options"},
    },
    "quiz-option-feedback": {
        "id": {"what": "pilihan {option} pada soal {question} tidak punya umpan balik",
               "fix": "tambahkan 'feedback:' yang menjelaskan mengapa pilihan ini tepat atau kurang tepat"},
        "en": {"what": "option {option} of question {question} has no feedback",
               "fix": "add 'feedback:' saying why this option is right or not"},
    },
    "quiz-outcome-feedback": {
        "id": {"what": "soal {question} tidak punya umpan balik", "fix": "tambahkan 'feedback_correct' dan 'feedback_incorrect', atau 'explanation'"},
        "en": {"what": "question {question} has no feedback", "fix": "add 'feedback_correct' and 'feedback_incorrect', or 'explanation'"},
    },
    "quiz-units-no-number": {
        "id": {"what": "soal {question} punya 'units', tetapi tidak ada angka di 'accepted'", "expected": "paling sedikit satu jawaban berupa angka, misalnya '5'",
               "found": "{found}", "fix": "tulis angkanya saja di 'accepted' (misalnya accepted: [\"5\"] dan units: [orang]), atau hapus 'units'"},
        "en": {"what": "question {question} has 'units' but no number in 'accepted'", "expected": "at least one answer that is a number, such as '5'",
               "found": "{found}", "fix": "write the bare number in 'accepted' (e.g. accepted: [\"5\"] with units: [orang]), or remove 'units'"},
    },
    "quiz-unit-bad": {
        "id": {"what": "satuan {value} pada soal {question} tidak bisa dipakai", "expected": "satuan berupa huruf saja (tanpa angka atau tanda lain), misalnya orang, hari, tahun",
               "found": "{value}", "fix": "tulis satuannya saja (misalnya 'orang'); angkanya ditulis di 'accepted'"},
        "en": {"what": "unit {value} of question {question} cannot be used", "expected": "a unit of letters only (no digits or other signs), such as orang, hari, tahun",
               "found": "{value}", "fix": "write the unit only (e.g. 'orang'); the number goes in 'accepted'"},
    },
    "quiz-use-mismatch": {
        "id": {"what": "bank soal {value} dipakai sebagai {where}, tetapi 'uses' tidak memuatnya", "expected": "'uses' memuat {expected}",
               "found": "{found}", "fix": "tambahkan {expected} ke 'uses' di {value}, atau pakai bank lain"},
        "en": {"what": "quiz bank {value} is used as {where}, but its 'uses' does not say so", "expected": "'uses' containing {expected}",
               "found": "{found}", "fix": "add {expected} to 'uses' of {value}, or use another bank"},
    },
    "quiz-test-only-placed": {
        "id": {"what": "bank soal {value} khusus pre-test/post-test tidak boleh ditaruh di {where}: kunci jawabannya akan terlihat oleh peserta",
               "expected": "bank dengan 'uses' memuat 'self_check' atau 'public'", "found": "{found}",
               "fix": "hapus baris '::: quiz {bank}' ini; tes dikerjakan di kertas (lembar soal ada di halaman pelatih 'Kuis dan tes'), atau taruh bank cek mandiri"},
        "en": {"what": "pre/post-test quiz bank {value} must not be placed in {where}: learners would see its answers",
               "expected": "a bank whose 'uses' contains 'self_check' or 'public'", "found": "{found}",
               "fix": "remove this '::: quiz {bank}' line; tests are taken on paper (the sheets are on the trainers' 'Quizzes and tests' page), or place a self-check bank"},
    },
    "quiz-form-empty": {
        "id": {"what": "form {value} pada bank pre/post {bank} tidak punya soal", "fix": "tandai soal dengan 'forms: [{value}]' atau 'forms: [A, B]'"},
        "en": {"what": "form {value} of pre/post bank {bank} has no questions", "fix": "tag questions with 'forms: [{value}]' or 'forms: [A, B]'"},
    },
    # --- SCORM packages -------------------------------------------------------------------------------------------
    "scorm-no-self-check": {
        "id": {"what": "modul {value} tidak punya cek mandiri, jadi paket SCORM-nya tidak bisa memberi nilai",
               "expected": "'quizzes: {{self_check: <id bank soal>}}' di module.yml", "found": "{found}",
               "fix": "tambahkan bank soal cek mandiri (quizzes/<id>.yml dengan 'uses: [self_check]') dan tulis id-nya di 'quizzes: self_check'"},
        "en": {"what": "module {value} has no self-check, so its SCORM package cannot report a score",
               "expected": "'quizzes: {{self_check: <quiz bank id>}}' in module.yml", "found": "{found}",
               "fix": "add a self-check bank (quizzes/<id>.yml with 'uses: [self_check]') and put its id under 'quizzes: self_check'"},
    },
    "scorm-no-scorable": {
        "id": {"what": "bank soal {value} (cek mandiri modul {module}) tidak punya soal yang bisa dinilai",
               "expected": "paling sedikit 1 soal dengan 'points' 1 atau lebih", "found": "{found}",
               "fix": "tambahkan soal ke 'questions', atau pilih bank cek mandiri lain di module.yml"},
        "en": {"what": "quiz bank {value} (self-check of module {module}) has no question that can be scored",
               "expected": "at least 1 question with 'points' of 1 or more", "found": "{found}",
               "fix": "add questions under 'questions', or choose another self-check bank in module.yml"},
    },
    # --- workshops -----------------------------------------------------------------------------------------------
    "workshop-item-key": {
        "id": {"what": "acara jenis '{itype}' tidak punya '{key}'", "fix": "tambahkan '{key}:' ke acara ini"},
        "en": {"what": "a '{itype}' item has no '{key}'", "fix": "add '{key}:' to this item"},
    },
    "workshop-long-stretch": {
        "id": {"what": "hari {day}: {value} menit tanpa jeda sampai pukul {found}", "expected": "paling lama 90 menit tanpa jeda",
               "found": "{value} menit", "fix": "sisipkan '{{type: break, minutes: 15}}' sebelum pukul {found}"},
        "en": {"what": "day {day}: {value} minutes without a break until {found}", "expected": "at most 90 minutes without a break",
               "found": "{value} minutes", "fix": "insert '{{type: break, minutes: 15}}' before {found}"},
    },
    "workshop-long-day": {
        "id": {"what": "hari {day} terlalu panjang, berakhir pukul {found}", "expected": "paling lama {expected} menit",
               "found": "{value} menit", "fix": "pindahkan sebagian acara ke hari lain"},
        "en": {"what": "day {day} is too long, ending at {found}", "expected": "at most {expected} minutes",
               "found": "{value} minutes", "fix": "move some items to another day"},
    },
    "workshop-no-self-care": {
        "id": {"what": "pelatihan tidak punya sesi perawatan diri", "fix": "tambahkan sesi dengan 'self_care: true' (misalnya dari modul merawat-diri)"},
        "en": {"what": "the workshop has no self-care session", "fix": "add a session marked 'self_care: true' (e.g. from the merawat-diri module)"},
    },
    "workshop-same-form": {
        "id": {"what": "pre-test dan post-test bank {value} memakai form yang sama ({found})", "fix": "pakai form A untuk pre-test dan form B untuk post-test"},
        "en": {"what": "pre-test and post-test of bank {value} use the same form ({found})", "fix": "use form A for the pre-test and form B for the post-test"},
    },
    "workshop-session-twice": {
        "id": {"what": "sesi {value} dipakai dua kali dalam pelatihan ini", "fix": "hapus salah satunya"},
        "en": {"what": "session {value} is used twice in this workshop", "fix": "remove one of them"},
    },
    "certificate-no-jp": {
        "id": {"what": "pelatihan ini tidak punya sesi, jadi sertifikatnya bernilai 0 JP",
               "expected": "acara sesi paling sedikit {expected} menit (1 JP)", "found": "0 menit",
               "fix": "tambahkan acara '{{type: session, module: ..., session: ...}}' ke agenda (lamanya dihitung dari langkah sesi)"},
        "en": {"what": "this workshop has no sessions, so its certificate is worth 0 JP",
               "expected": "session items of at least {expected} minutes (1 JP)", "found": "0 minutes",
               "fix": "add '{{type: session, module: ..., session: ...}}' items to the agenda (their length comes from the session's steps)"},
    },
    "certificate-short": {
        "id": {"what": "sesi pelatihan ini kurang dari 1 JP, jadi sertifikatnya menyatakan 0 JP",
               "expected": "acara sesi paling sedikit {expected} menit (1 JP)", "found": "{found} menit",
               "fix": "tambahkan sesi ke agenda, atau jangan memakai sertifikat untuk pelatihan sependek ini"},
        "en": {"what": "this workshop's sessions make less than 1 JP, so its certificate states 0 JP",
               "expected": "session items of at least {expected} minutes (1 JP)", "found": "{found} minutes",
               "fix": "add sessions to the agenda, or do not use the certificate for so short a workshop"},
    },
    # --- the law registry and citations --------------------------------------------------------------------------
    "law-bad-url": {
        "id": {"what": "alamat sumber resmi {value} tidak sah", "expected": "alamat yang diawali https:// (atau http://)",
               "found": "{value}", "fix": "salin alamat halaman peraturan dari peraturan.bpk.go.id atau JDIH resmi"},
        "en": {"what": "official address {value} is not valid", "expected": "an address starting with https:// (or http://)",
               "found": "{value}", "fix": "copy the law's page address from peraturan.bpk.go.id or an official JDIH"},
    },
    "law-status-needs-ref": {
        "id": {"what": "peraturan {value} berstatus '{status}' tetapi tidak menyebut '{key}'",
               "fix": "tambahkan '{key}: [id peraturan]' (peraturan itu juga dicatat di laws.yml), atau perbaiki 'status'"},
        "en": {"what": "law {value} has status '{status}' but no '{key}'",
               "fix": "add '{key}: [law id]' (that law listed in laws.yml too), or correct 'status'"},
    },
    "source-law-extra": {
        "id": {"what": "sumber {value} memakai 'law' sekaligus menulis {found}",
               "fix": "hapus {found}: judul, tahun dan alamat diambil dari laws.yml; pasal ditulis di 'articles'"},
        "en": {"what": "source {value} uses 'law' and also writes {found}",
               "fix": "remove {found}: title, year and address come from laws.yml; write articles under 'articles'"},
    },
    "source-articles-without-law": {
        "id": {"what": "'articles' hanya berlaku untuk sumber dengan 'law'",
               "fix": "tulis 'law: <id peraturan>' pada sumber ini, atau masukkan pasalnya ke 'title'"},
        "en": {"what": "'articles' applies only to a source with 'law'",
               "fix": "write 'law: <law id>' on this source, or put the articles into 'title'"},
    },
    "law-amended": {
        "id": {"what": "peraturan {value} yang dikutip di sini sudah diubah dengan {found}",
               "fix": "periksa bunyi pasal yang dikutip pada peraturan pengubahnya, lalu kutip peraturan pengubah itu (juga) atau sesuaikan teksnya"},
        "en": {"what": "law {value} cited here has been amended by {found}",
               "fix": "check the cited article against the amending law, then cite that law (too) or adjust the text"},
    },
    "law-revoked": {
        "id": {"what": "peraturan {value} yang dikutip di sini sudah dicabut oleh {found}",
               "fix": "kutip peraturan yang menggantikannya dan sesuaikan teksnya, atau hapus rujukan ini"},
        "en": {"what": "law {value} cited here has been revoked by {found}",
               "fix": "cite the law that replaced it and adjust the text, or remove this citation"},
    },
    "law-check-stale": {
        "id": {"what": "peraturan {value} terakhir diperiksa lebih dari 12 bulan lalu", "expected": "tanggal 'checked' paling awal {expected}",
               "found": "{found}", "fix": "periksa lagi status dan alamatnya di peraturan.bpk.go.id, lalu perbarui 'checked' di laws.yml"},
        "en": {"what": "law {value} was last checked more than 12 months ago", "expected": "a 'checked' date no earlier than {expected}",
               "found": "{found}", "fix": "check its status and address again on peraturan.bpk.go.id, then update 'checked' in laws.yml"},
    },
    "law-not-checked": {
        "id": {"what": "peraturan {value} dikutip tetapi belum pernah diperiksa (tidak ada 'checked' di laws.yml)",
               "fix": "periksa judul, status dan alamatnya pada teks resmi, lalu isi 'checked' dengan tanggal pemeriksaan"},
        "en": {"what": "law {value} is cited but has never been checked (no 'checked' in laws.yml)",
               "fix": "check its title, status and address against the official text, then set 'checked' to that date"},
    },
    # --- handouts and PDFs ---------------------------------------------------------------------------------------
    "handout-overflow": {
        "id": {"what": "handout modul {value} melebihi jumlah halamannya", "expected": "{expected} halaman A4",
               "found": "{found} halaman", "fix": "persingkat 'key_points' atau 'what_to_do' di 'handout', atau naikkan 'pages' menjadi 2"},
        "en": {"what": "the handout of module {value} spills past its page count", "expected": "{expected} A4 pages",
               "found": "{found} pages", "fix": "shorten 'key_points' or 'what_to_do' under 'handout', or raise 'pages' to 2"},
    },
    "certificate-overflow": {
        "id": {"what": "sertifikat {value} tidak muat di satu halaman", "expected": "1 halaman A4 melintang",
               "found": "{found} halaman", "fix": "persingkat 'title' atau 'place' pelatihan ini, atau 'office' di region.yml"},
        "en": {"what": "certificate {value} does not fit on one page", "expected": "1 landscape A4 page",
               "found": "{found} pages", "fix": "shorten this workshop's 'title' or 'place', or 'office' in region.yml"},
    },
    "pdf-too-large": {
        "id": {"what": "PDF {value} terlalu besar untuk dikirim lewat WhatsApp", "expected": "paling besar {expected} KB",
               "found": "{found} KB", "fix": "persingkat isinya atau kurangi gambar"},
        "en": {"what": "PDF {value} is too large to send over WhatsApp", "expected": "at most {expected} KB",
               "found": "{found} KB", "fix": "shorten its content or remove images"},
    },
    "pdf-resource-refused": {
        "id": {"what": "PDF {value} tidak memuat {found}: gambar, CSS dan huruf di PDF hanya boleh berupa data: URI "
                       "atau berkas bawaan", "fix": "hapus rujukan itu dari teks, atau sematkan gambarnya sebagai data: URI"},
        "en": {"what": "PDF {value} leaves out {found}: images, CSS and fonts in PDFs may only be data: URIs or bundled "
                       "files", "fix": "remove that reference from the text, or embed the image as a data: URI"},
    },
    "contact-placeholder-bad": {
        "id": {"what": "penanda kontak {value} tidak dikenal",
               "expected": "kata 'telepon' atau 'whatsapp' lalu id kontak di antara kurung kurawal ganda",
               "found": "{value}",
               "fix": "tulis penanda seperti contoh di panduan penulis (bagian Nomor layanan di halaman), dengan id kontak dari mkdocs.yml, misalnya sapa-129"},
        "en": {"what": "unknown contact placeholder {value}",
               "expected": "the word 'telepon' or 'whatsapp' and a contact id between double braces", "found": "{value}",
               "fix": "write the placeholder as the authoring guide shows (Help-line numbers in pages), with a contact id from mkdocs.yml, e.g. sapa-129"},
    },
    "contact-unknown": {
        "id": {"what": "kontak {value} tidak ada di help_lines atau local_contacts (mkdocs.yml)",
               "expected": "salah satu dari {allowed}", "found": "{value}", "fix": "{hint}"},
        "en": {"what": "contact {value} is not in help_lines or local_contacts (mkdocs.yml)",
               "expected": "one of {allowed}", "found": "{value}", "fix": "{hint}"},
    },
    "contact-no-such-channel": {
        "id": {"what": "kontak {value} tidak punya nomor untuk {found}", "expected": "salah satu dari {expected}",
               "found": "{found}",
               "fix": "pakai penanda untuk saluran yang ada, atau isi nomor itu di mkdocs.yml bila sudah dipastikan kantor"},
        "en": {"what": "contact {value} has no number for {found}", "expected": "one of {expected}", "found": "{found}",
               "fix": "use a placeholder for a channel it has, or add that number in mkdocs.yml once the office has confirmed it"},
    },
    "handout-band-overflow": {
        "id": {"what": "bagian wilayah di atas handout (lembaga, logo, kontak setempat) terlalu penuh untuk tingginya",
               "fix": "persingkat 'note' atau nama kontak di local_contacts, atau kurangi jumlah kontak"},
        "en": {"what": "the region's band on the handouts (organisation, logo, local contacts) is too full for its height",
               "fix": "shorten the contacts' 'note' or names in local_contacts, or list fewer contacts"},
    },
    "handout-no-qr": {
        "id": {"what": "handout dibuat tanpa kode QR karena site_url belum diisi",
               "fix": "isi site_url di regions/<id>/region.yml (atau di mkdocs.yml) dengan alamat situs yang sebenarnya"},
        "en": {"what": "handouts are made without a QR code because site_url is not set",
               "fix": "set site_url in regions/<id>/region.yml (or in mkdocs.yml) to the site's real address"},
    },
}

# Rules reported as warnings (the build goes on; `--strict` turns them into a failure). All others are errors.
WARNING_RULES = frozenset({
    "quiz-option-feedback", "quiz-outcome-feedback", "objective-unserved", "review-overdue", "local-contacts-empty",
    "session-not-listed", "workshop-long-stretch", "workshop-long-day", "workshop-no-self-care", "workshop-same-form",
    "workshop-session-twice", "handout-overflow", "pdf-too-large", "handout-no-qr", "pdf-resource-refused",
    "handout-band-overflow", "certificate-overflow", "certificate-short",
    "law-amended", "law-revoked", "law-check-stale", "law-not-checked", "placeholder-empty",
    "worksheet-not-used", "licence-source-noncommercial", "licence-source-unknown",
    "linked-file-missing",
})

# Build notes that are about the machine, not the content (no rule id, not in the authoring guide's rule list).
NOTES = {
    "cache-unwritable": {
        "id": "Folder cache {path} tidak bisa ditulis ({error}); situs tetap dibangun tanpa menyimpan cache, jadi "
              "pembangunan berikutnya lebih lambat.",
        "en": "The cache folder {path} cannot be written ({error}); the site is built without saving a cache, so the "
              "next build is slower.",
    },
    "site-write-failed": {
        "id": "{path}: berkas tidak bisa ditulis ke folder situs ({error}); situs belum lengkap. Perbaikan: kosongkan "
              "ruang disk atau izinkan penulisan ke folder itu, lalu bangun lagi.",
        "en": "{path}: the file cannot be written into the site folder ({error}); the site is incomplete. Fix: free disk "
              "space or allow writing to that folder, then build again.",
    },
    "font-missing": {
        "id": "{path}: berkas huruf untuk PDF tidak ada. Perbaikan: pulihkan berkas itu dari repositori "
              "(git checkout -- {path}).",
        "en": "{path}: a font file the PDFs need is missing. Fix: restore it from the repository "
              "(git checkout -- {path}).",
    },
    "build-waiting": {
        "id": "Menunggu pembangunan lain dari folder ini selesai...",
        "en": "Waiting for another build of this folder to finish...",
    },
    "new-site-not-empty": {
        "id": "{path}: folder sudah ada dan tidak kosong. Perbaikan: pilih nama folder baru, misalnya {path}-baru.",
        "en": "{path}: the folder exists and is not empty. Fix: choose a new folder name, for example {path}-new.",
    },
    "new-site-written": {
        "id": "{count} berkas ditulis di {path}. Langkah berikut: cd {path} && mkdocs build --strict (lalu buka "
              "site/index.html). Isi regions/{region}/region.yml hanya dengan fakta yang sudah dipastikan kantor.",
        "en": "{count} files written in {path}. Next: cd {path} && mkdocs build --strict (then open site/index.html). "
              "Fill regions/{region}/region.yml only with facts the office has confirmed.",
    },
    "migrated": {
        "id": "{path}: dipindahkan dari hooks/main.py ke plugins: - lindungi.",
        "en": "{path}: moved from hooks/main.py to plugins: - lindungi.",
    },
    "migrate-unchanged": {
        "id": "{path}: tidak ada yang perlu dipindahkan.",
        "en": "{path}: nothing to migrate.",
    },
    # The short summary that ends a build's output (summary.py).
    "summary-done": {
        "id": "Ringkasan: situs selesai dibuat di {site}: {pages} halaman, {pdfs} PDF, {problems} masalah.",
        "en": "Summary: the site was built in {site}: {pages} pages, {pdfs} PDFs, {problems} problems.",
    },
    "summary-failed": {
        "id": "Ringkasan: situs TIDAK dibuat: {problems} masalah ({errors} galat, {warnings} peringatan).",
        "en": "Summary: the site was NOT built: {problems} problems ({errors} errors, {warnings} warnings).",
    },
    "summary-first": {
        "id": "Masalah pertama: {first}",
        "en": "First problem: {first}",
    },
    "summary-todo-failed": {
        "id": "Yang perlu dilakukan: buka berkas dan baris yang disebut, ikuti 'Perbaikan', lalu jalankan make check "
              "(cepat) dan bangun lagi. Masalah lain tercantum di atas.",
        "en": "What to do: open the file and line named, follow the 'Fix', then run make check (quick) and build "
              "again. Other problems are listed above.",
    },
    "summary-todo-warnings": {
        "id": "Yang perlu dilakukan: perbaiki peringatan di atas; make site (mode ketat) menolak situs dengan peringatan.",
        "en": "What to do: fix the warnings above; make site (strict mode) refuses a site with warnings.",
    },
    "summary-pdfs-later": {
        "id": "dibuat setelah halaman",
        "en": "made after the pages",
    },
    # `mkdocs serve` after a failed rebuild: every page shows this until the content is fixed (summary.error_page).
    "serve-error-title": {
        "id": "Situs belum bisa dibuat ulang",
        "en": "The site could not be rebuilt",
    },
    "serve-error-intro": {
        "id": "Perubahan terakhir membuat pembangunan situs gagal. Perbaiki masalah di bawah ini dan simpan berkasnya: "
              "halaman ini dimuat ulang sendiri begitu situs berhasil dibuat.",
        "en": "The last change made the build fail. Fix the problems below and save the file: this page reloads by "
              "itself as soon as the site builds.",
    },
    "serve-error-logged": {
        "id": "Pembangunan gagal; browser menampilkan masalahnya di setiap halaman sampai diperbaiki.",
        "en": "The build failed; the browser shows the problems on every page until they are fixed.",
    },
}


def note(name: str, lang: str = "id", **params) -> str:
    """A build note in language `lang` (falls back to Indonesian), with `params` filled in."""
    entry = NOTES[name]
    return (entry.get(lang) or entry["id"]).format(**params)
