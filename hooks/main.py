"""MkDocs hook entry points. Each makes one call; the logic lives in the `lindungi` package beside this file."""

from lindungi import adapter

_build = None


def on_startup(command, dirty):
    adapter.start_session(command, dirty)


def on_config(config):
    global _build
    _build = adapter.start_build(config)
    return config


def on_files(files, config):
    return adapter.add_generated_files(_build, files, config)


def on_page_markdown(markdown, page, config, files):
    return adapter.render_page_markdown(_build, markdown, page)


def on_post_page(output, page, config):
    return adapter.finish_page(_build, output)


def on_post_build(config):
    adapter.finish_build(_build, config)


def on_build_error(error):
    adapter.abort_build(error)


def on_serve(server, config, builder):
    return adapter.watch_serve(server, config)


def on_shutdown():
    adapter.end_session()
