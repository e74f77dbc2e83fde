"""The MkDocs side and the build plumbing: the plugin (adapter.py, the only module that imports mkdocs), the
`lindungi` command, the build summary, caches, helper processes, atomic file writes, compression and templating."""
