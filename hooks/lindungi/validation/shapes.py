"""The keys of every content file, with their types and one line of documentation each (`doc("module.title")`: the
`fields` section of the language catalogues, i18n/<lang>.yml).

These shapes drive checking (`spec.Obj.check`) and the JSON Schema files in `schemas/` (`scripts/schemas.py`), so the
editor's autocompletion, the validator and the authoring guide describe the same keys.
"""

from __future__ import annotations

from ..content.models import AUDIENCES, LAW_KINDS, LAW_STATUSES, LEVELS, MATERIAL_PER, SOURCE_USES, STATUSES, UNITS
from ..i18n.catalogue import doc
from .spec import Bool, Date, Enum, Field, Id, Int, ListOf, Obj, OneOf, Str, Url

MAX_HANDOUT_ITEMS = 40  # key points and steps: they are printed on a one- or two-page handout

SOURCE = Obj({
    "title": Field(Str(max_len=300), False, doc("source.title")),
    "publisher": Field(Str(max_len=200), False, doc("source.publisher")),
    "year": Field(Int(minimum=1900, maximum=2100), False, doc("source.year")),
    "url": Field(Url(max_len=500, allow_http=True), False, doc("source.url")),
    "licence": Field(Str(max_len=100), False, doc("source.licence")),
    "law": Field(Id(), False, doc("source.law")),
    "articles": Field(Str(max_len=200), False, doc("source.articles")),
    "use": Field(Enum(SOURCE_USES), False, doc("source.use")),
}, need_one=("title", "law"))

AUDIENCE = OneOf(Enum(AUDIENCES), Obj({
    "group": Field(Enum(AUDIENCES), True, doc("audience.group")),
    "min_age": Field(Int(minimum=0, maximum=120), False, doc("audience.min_age")),
    "max_age": Field(Int(minimum=0, maximum=120), False, doc("audience.max_age")),
    "note": Field(Str(max_len=300), False, doc("audience.note")),
}), doc("audience"))

MATERIAL = OneOf(Str(max_len=200), Obj({
    "item": Field(Str(max_len=200), True, doc("material.item")),
    "quantity": Field(Int(minimum=1, maximum=10000), False, doc("material.quantity")),
    "unit": Field(Enum(UNITS), False, doc("material.unit", units=", ".join(UNITS))),
    "per": Field(Enum(MATERIAL_PER), False, doc("material.per")),
}), doc("material"))

OBJECTIVE = Obj({
    "id": Field(Id(), True, doc("objective.id")),
    "text": Field(Str(max_len=400), True, doc("objective.text")),
})

MODULE = Obj({
    "id": Field(Id(), True, doc("module.id")),
    "title": Field(Str(max_len=200), True, doc("module.title")),
    "summary": Field(Str(max_len=1000), True, doc("module.summary")),
    "audience": Field(ListOf(AUDIENCE, min_items=1), True, doc("module.audience")),
    "level": Field(Enum(LEVELS), False, doc("module.level")),
    "part": Field(Str(max_len=120), False, doc("module.part")),
    "group": Field(Str(max_len=120), False, doc("module.group")),
    "status": Field(Enum(STATUSES), True, doc("module.status")),
    "objectives": Field(ListOf(OBJECTIVE, min_items=1), True, doc("module.objectives")),
    "key_points": Field(ListOf(Str(max_len=400), min_items=1, max_items=MAX_HANDOUT_ITEMS), True, doc("module.key_points")),
    "prerequisites": Field(ListOf(Id()), False, doc("module.prerequisites")),
    "sessions": Field(ListOf(Id(), min_items=1), True, doc("module.sessions")),
    "quizzes": Field(Obj({
        "self_check": Field(Id(), False, doc("module.quizzes.self_check")),
        "pre_post": Field(Id(), False, doc("module.quizzes.pre_post")),
    }), False, doc("module.quizzes")),
    "handout": Field(Obj({
        "pages": Field(Int(minimum=1, maximum=2), False, doc("module.handout.pages")),
        "what_to_do": Field(ListOf(Str(max_len=400), min_items=1, max_items=MAX_HANDOUT_ITEMS), True, doc("module.handout.what_to_do")),
        "key_points": Field(ListOf(Str(max_len=400), max_items=MAX_HANDOUT_ITEMS), False, doc("module.handout.key_points")),
    }), True, doc("module.handout")),
    "sources": Field(ListOf(SOURCE, min_items=1), True, doc("module.sources")),
    "content_note": Field(Str(max_len=600), False, doc("module.content_note")),
    "reviewed": Field(Date(), True, doc("module.reviewed")),
    "next_review": Field(Date(), True, doc("module.next_review")),
    "licence": Field(Str(max_len=100), False, doc("module.licence")),
}, doc=doc("module"))

SUBSTEP = Obj({
    "title": Field(Str(max_len=200), True, doc("substep.title")),
    "minutes": Field(Int(minimum=1, maximum=480), True, doc("substep.minutes")),
    "method": Field(Str(max_len=120), False, doc("substep.method")),
})

STEP = Obj({
    "title": Field(Str(max_len=200), True, doc("step.title")),
    "minutes": Field(Int(minimum=1, maximum=480), True, doc("step.minutes")),
    "method": Field(Str(max_len=120), False, doc("step.method")),
    "materials": Field(ListOf(MATERIAL), False, doc("step.materials")),
    "heading": Field(Str(max_len=200), False, doc("step.heading")),
    "steps": Field(ListOf(SUBSTEP, min_items=1), False, doc("step.steps")),
})

SESSION = Obj({
    "title": Field(Str(max_len=200), True, doc("session.title")),
    "objectives": Field(ListOf(Id(), min_items=1), True, doc("session.objectives")),
    "steps": Field(ListOf(STEP, min_items=1), True, doc("session.steps")),
    "minutes": Field(Int(minimum=1, maximum=1440), False, doc("session.minutes")),
    "materials": Field(ListOf(MATERIAL), False, doc("session.materials")),
    "worksheets": Field(ListOf(Id()), False, doc("session.worksheets")),
    "self_care": Field(Bool(), False, doc("session.self_care")),
    "content_note": Field(Str(max_len=600), False, doc("session.content_note")),
}, doc=doc("session"))

WORKSHEET = Obj({
    "title": Field(Str(max_len=200), True, doc("worksheet.title")),
    "per": Field(Enum(["peserta", "kelompok"]), False, doc("worksheet.per")),
    "copies": Field(Int(minimum=1, maximum=20), False, doc("worksheet.copies")),
}, doc=doc("worksheet"))

CONTACT = Obj({
    "name": Field(Str(max_len=200), True, doc("contact.name")),
    "id": Field(Id(), False, doc("contact.id")),
    "phone": Field(Str(max_len=40), False, doc("contact.phone")),
    "whatsapp": Field(Str(max_len=40), False, doc("contact.whatsapp")),
    "address": Field(Str(max_len=300), False, doc("contact.address")),
    "hours": Field(Str(max_len=200), False, doc("contact.hours")),
    "note": Field(Str(max_len=300), False, doc("contact.note")),
})

SETTINGS = Obj({
    "region_id": Field(Id(), False, doc("settings.region_id")),
    "organisation": Field(Str(max_len=200), False, doc("settings.organisation")),
    "region": Field(Str(max_len=200), False, doc("settings.region")),
    "language": Field(Enum(["id", "en"]), False, doc("settings.language")),
    "licence": Field(Str(max_len=100), False, doc("settings.licence")),
    "exit_url": Field(Url(max_len=300), False, doc("settings.exit_url")),
    "quiz_storage": Field(Enum(["off", "opt_in"]), False, doc("settings.quiz_storage")),
    "help_lines": Field(ListOf(CONTACT, min_items=1), True, doc("settings.help_lines")),
    "local_contacts": Field(ListOf(CONTACT), False, doc("settings.local_contacts")),
    "paper": Field(Enum(["A4"]), False, doc("settings.paper")),
    "require_qr": Field(Bool(), False, doc("settings.require_qr")),
    "review_today": Field(Date(), False, doc("settings.review_today")),
    "edition": Field(Enum(["public", "trainer"]), False, doc("settings.edition")),
    "trainer_views": Field(Enum(["kit", "public"]), False, doc("settings.trainer_views")),
    "jp_minutes": Field(Int(minimum=1, maximum=120), False, doc("settings.jp_minutes")),
}, doc=doc("settings"))

LAW = Obj({
    "id": Field(Id(), True, doc("law.id")),
    "title": Field(Str(max_len=400), True, doc("law.title")),
    "kind": Field(Enum(LAW_KINDS), True, doc("law.kind")),
    "number": Field(Str(max_len=40), True, doc("law.number")),
    "year": Field(Int(minimum=1900, maximum=2100), True, doc("law.year")),
    "status": Field(Enum(LAW_STATUSES), True, doc("law.status")),
    "amended_by": Field(ListOf(Id(), min_items=1), False, doc("law.amended_by")),
    "revoked_by": Field(ListOf(Id(), min_items=1), False, doc("law.revoked_by")),
    "url": Field(Str(max_len=500), True, doc("law.url")),
    "checked": Field(Date(), False, doc("law.checked")),
    "note": Field(Str(max_len=600), False, doc("law.note")),
}, doc=doc("law"))

LAWS = Obj({
    "laws": Field(ListOf(LAW, min_items=1), True, doc("laws.laws")),
}, doc=doc("laws"))

# A place on the referral pathway: a contact's keys, named as an institution (no placeholder id).
REFERRAL_PLACE = Obj({
    "name": Field(Str(max_len=200), True, doc("referral-place.name")),
    **{key: field for key, field in CONTACT.fields.items() if key not in ("name", "id")},
})

REGION = Obj({
    "id": Field(Id(), True, doc("region.id")),
    "kind": Field(Enum(["Kabupaten", "Kota"]), True, doc("region.kind")),
    "name": Field(Str(max_len=100), True, doc("region.name")),
    "province": Field(Str(max_len=100), True, doc("region.province")),
    "uptd": Field(Str(max_len=200), True, doc("region.uptd")),
    "office": Field(Str(max_len=300), False, doc("region.office")),
    "office_short": Field(Str(max_len=60), False, doc("region.office_short")),
    "address": Field(Str(max_len=300), False, doc("region.address")),
    "site_url": Field(Str(max_len=300), False, doc("region.site_url")),
    "logo": Field(Str(max_len=200), False, doc("region.logo")),
    "other_names": Field(ListOf(Str(max_len=100)), False, doc("region.other_names")),
    "local_contacts": Field(ListOf(CONTACT), False, doc("region.local_contacts")),
    "referral": Field(Obj({
        "note": Field(Str(max_len=600), False, doc("region.referral.note")),
        "police": Field(REFERRAL_PLACE, False, doc("region.referral.police")),
        "hospital": Field(REFERRAL_PLACE, False, doc("region.referral.hospital")),
        "social": Field(REFERRAL_PLACE, False, doc("region.referral.social")),
        "court": Field(REFERRAL_PLACE, False, doc("region.referral.court")),
    }), False, doc("region.referral")),
}, doc=doc("region"))
