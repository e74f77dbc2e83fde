"""`[text](law:<id>)` in Markdown: a plain Python-Markdown extension (no MkDocs API) that points the link at the law's
official address in the registry (`laws.yml`).

```python
ext = LawExtension(laws=project.laws)
html = markdown.markdown("[UU TPKS Pasal 41](law:uu-12-2022)", extensions=[ext])
# <a href="https://peraturan.bpk.go.id/..." rel="noopener" title="Undang-Undang Nomor 12 Tahun 2022 tentang ...">
```

The link stays a plain link: it opens in the same tab, and nothing is loaded from the other site. Its title attribute
holds the law's full title. Links in code are not links, so they are left alone. An unknown id is left as it is: the
content rules (validate.py) report it, with its file and line, before any page is rendered.
"""

from __future__ import annotations

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .laws import SCHEME


class LawExtension(Extension):
    """Resolves `law:` links. One instance per build; `laws` maps ids to `models.Law`."""

    def __init__(self, laws: dict | None = None, **kwargs):
        self.laws = laws or {}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        # After inline parsing (20), before any link rewriting by a site engine (MkDocs' own runs at 0).
        md.treeprocessors.register(LawLinks(md, self), "lindungi_law", 15)


class LawLinks(Treeprocessor):
    def __init__(self, md, ext: LawExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root):
        for link in root.iter("a"):
            href = link.get("href", "")
            if not href.startswith(SCHEME):
                continue
            law = self.ext.laws.get(href[len(SCHEME):].strip())
            if law is None:
                continue
            link.set("href", law.url)
            link.set("title", law.title)
            link.set("rel", "noopener")
        return None


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's entry point)
    return LawExtension(**kwargs)
